package com.sparecast.models.bench;

import com.sparecast.models.forecast.*;
import com.sparecast.models.selection.AutomaticForecaster;
import java.lang.management.ManagementFactory;
import java.util.*;

public final class ComboThroughput {
    public static void main(String[] args) {
        AutomaticForecasterBenchmark b = new AutomaticForecasterBenchmark();
        b.weeks = 104; b.horizon = 12; b.setUp();
        List<ForecastMethod> c = new ArrayList<>(Methods.standard());
        if (args[0].equals("mean3")) c.add(Combination.of("Mean3", Combination.Statistic.MEAN, List.of(Methods.byAlias("HistoricAverage"), Methods.byAlias("TSB"), Methods.byAlias("ADIDA"))));
        if (args[0].equals("median5")) c.add(Combination.of("Median5", Combination.Statistic.MEDIAN, List.of(Methods.byAlias("HistoricAverage"), Methods.byAlias("SimpleExponentialSmoothing"), Methods.byAlias("TSB"), Methods.byAlias("ADIDA"), Methods.byAlias("IMAPA"))));
        AutomaticForecaster auto = AutomaticForecaster.withDefaults().withCandidates(c);
        var cpu = ManagementFactory.getThreadMXBean();
        double sink = 0; List<Double> rates = new ArrayList<>();
        for (int round = 0; round < 15; round++) {
            long start = cpu.getCurrentThreadCpuTime();
            for (double[] y : b.series) sink += auto.forecast(y, b.horizon).mean()[0];
            double s = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
            if (round >= 5) rates.add(b.series.length / s);
        }
        Collections.sort(rates);
        System.out.printf(Locale.ROOT, "%s: median %.0f series per CPU-second (min %.0f, max %.0f) %s%n", args[0], rates.get(rates.size() / 2), rates.get(0), rates.get(rates.size() - 1), sink > 0 ? "" : "?");
    }
}
