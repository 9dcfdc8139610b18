package com.sparecast.models.bench;

import com.sparecast.models.distribution.LeadTime;
import com.sparecast.models.distribution.LeadTimeDemandModel;
import com.sparecast.models.selection.AutomaticForecaster;
import com.sparecast.models.selection.SeriesForecast;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The per-series work of the nightly forecast: the automatic choice (every candidate method
 * fitted once and scored from every origin of the second half) on 104-week series, and, in
 * {@link #forecastAndLeadTimeDemand}, the lead-time demand distribution after it.
 *
 * <p>Throughput is series per second per thread ({@code @OperationsPerInvocation}); run with
 * {@code -t 2} for two cores. The series are {@link SyntheticSeries}: seeded, every SBC class.
 *
 * <pre>
 * mvn -o -q -pl models test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp models/target/test-classes:models/target/classes:$(cat models/target/cp.txt) org.openjdk.jmh.Main AutomaticForecasterBenchmark -t 2
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AutomaticForecasterBenchmark {

    static final int SERIES = 1000;

    @Param("104")
    int weeks;

    @Param("12")
    int horizon;

    double[][] series;
    AutomaticForecaster auto;
    LeadTimeDemandModel model;
    LeadTime leadTime;

    @Setup
    public void setUp() {
        series = SyntheticSeries.of(SERIES, weeks);
        auto = AutomaticForecaster.withDefaults();
        model = LeadTimeDemandModel.withDefaults();
        leadTime = LeadTime.ofLane(21, 4, 3, 2, 7);
    }

    @Benchmark
    @OperationsPerInvocation(SERIES)
    public void automaticChoice(Blackhole bh) {
        for (double[] y : series) {
            bh.consume(auto.forecast(y, horizon));
        }
    }

    @Benchmark
    @OperationsPerInvocation(SERIES)
    public void forecastAndLeadTimeDemand(Blackhole bh) {
        long seed = 1;
        for (double[] y : series) {
            SeriesForecast f = auto.forecast(y, horizon);
            bh.consume(model.over(f, y, leadTime, 1, seed++).distribution().quantile(0.95));
        }
    }
}
