package com.sparecast.models.bench;

import com.sparecast.models.selection.AutomaticForecaster;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Series per CPU-second of the automatic choice on the benchmark's series, measured with the
 * thread's CPU clock: unlike JMH's wall-clock throughput, it does not drop when other processes
 * share the cores. The per-series work is independent, so two cores give twice the figure.
 *
 * <pre>
 * java -cp models/target/test-classes:models/target/classes:$(cat models/target/cp.txt) com.sparecast.models.bench.CpuThroughput
 * </pre>
 */
public final class CpuThroughput {

    private CpuThroughput() {
    }

    public static void main(String[] args) {
        AutomaticForecasterBenchmark b = new AutomaticForecasterBenchmark();
        b.weeks = 104;
        b.horizon = 12;
        b.setUp();
        AutomaticForecaster auto = b.auto;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double sink = 0;
        for (int round = 0; round < 15; round++) {
            long start = cpu.getCurrentThreadCpuTime();
            for (double[] y : b.series) {
                sink += auto.forecast(y, b.horizon).mean()[0];
            }
            double seconds = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
            if (round >= 5) {
                System.out.printf(Locale.ROOT, "round %2d: %.0f series per CPU-second (%.3f ms per series)%n", round,
                        b.series.length / seconds, 1000 * seconds / b.series.length);
            }
        }
        System.out.println(sink > 0 ? "" : "?");
    }
}
