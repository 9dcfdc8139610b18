package com.sparecast.models.selection;

import com.sparecast.jobs.input.DemandHistory;
import com.sparecast.jobs.input.Frequency;
import com.sparecast.models.distribution.DemandDistribution;
import com.sparecast.models.distribution.LeadTimeDemandModel;
import com.sparecast.models.forecast.*;
import java.nio.file.Path;
import java.util.*;
import java.util.function.*;

/** Scratch: automatic-choice configurations on a validation split, default chosen on the training parts. */
public class Exp2 {
    static final int H = 12;
    static final LeadTimeDemandModel MODEL = LeadTimeDemandModel.withDefaults();

    static ForecastMethod m(String a) { return Methods.byAlias(a); }
    static Combination comb(String name, Combination.Statistic st, String... a) {
        return Combination.of(name, st, Arrays.stream(a).map(Exp2::m).toList());
    }
    static List<ForecastMethod> plus(ForecastMethod... extra) {
        List<ForecastMethod> l = new ArrayList<>(Methods.standard());
        l.addAll(Arrays.asList(extra));
        return l;
    }

    public static void main(String[] args) throws Exception {
        DemandHistory h = DemandHistory.read(Path.of(args[0]), Frequency.parse(args[1]));
        Set<String> only = args.length > 2 ? new HashSet<>(Arrays.asList(args[2].split(","))) : null;
        Combination med5 = comb("Median5", Combination.Statistic.MEDIAN, "HistoricAverage", "SimpleExponentialSmoothing", "TSB", "ADIDA", "IMAPA");
        Combination mean5 = comb("Mean5", Combination.Statistic.MEAN, "HistoricAverage", "SimpleExponentialSmoothing", "TSB", "ADIDA", "IMAPA");
        Combination mean3 = comb("Mean3", Combination.Statistic.MEAN, "HistoricAverage", "TSB", "ADIDA");
        Combination meanSesTsb = comb("MeanSesTsbAdida", Combination.Statistic.MEAN, "SimpleExponentialSmoothing", "TSB", "ADIDA");
        AutomaticForecaster std = AutomaticForecaster.withDefaults();
        Map<String, AutomaticForecaster> cfg = new LinkedHashMap<>();
        cfg.put("standard", std);
        cfg.put("+Median5", std.withCandidates(plus(med5)));
        cfg.put("+Mean5", std.withCandidates(plus(mean5)));
        cfg.put("+Mean3", std.withCandidates(plus(mean3)));
        cfg.put("+MeanSesTsbAdida", std.withCandidates(plus(meanSesTsb)));
        cfg.put("+Median5+Mean3", std.withCandidates(plus(med5, mean3)));
        cfg.put("margin0", std.withMargin(0));
        cfg.put("margin0.2", std.withMargin(0.2));
        cfg.put("+Median5 margin0", std.withCandidates(plus(med5)).withMargin(0));
        for (var e : cfg.entrySet()) {
            if (only != null && !only.contains(e.getKey())) continue;
            long t0 = System.nanoTime();
            List<double[]> training = h.series().stream().filter(s -> s.demand().length - H >= 2)
                    .map(s -> Arrays.copyOf(s.demand(), s.demand().length - H)).toList();
            DefaultMethodTrials t = e.getValue().trialsOn(training, H);
            AutomaticForecaster auto = e.getValue().withDefault(t.best());
            List<Object[]> rows = h.series().parallelStream().map(sd -> {
                double[] y = sd.demand(); int n = y.length - H; if (n < 2) return null;
                double[] train = Arrays.copyOf(y, n), act = Arrays.copyOfRange(y, n, n + H);
                double[] sc = ErrorMeasures.naiveScale(train);
                SeriesForecast f = auto.forecast(train, H);
                double r = sc[0] > 0 && sc[1] > 0 ? ErrorMeasures.of(train, act, f.mean()).rmsse() : Double.NaN;
                DemandDistribution[] p = MODEL.perPeriod(f);
                double c80 = 0, c95 = 0;
                for (int k = 0; k < H; k++) { c80 += Exp.inside(p[k], act[k], 0.1, 0.9); c95 += Exp.inside(p[k], act[k], 0.025, 0.975); }
                return new Object[]{r, c80, c95, f.method()};
            }).filter(Objects::nonNull).toList();
            double s = 0, c80 = 0, c95 = 0; int used = 0; long steps = 0;
            Map<String, Integer> ch = new TreeMap<>();
            for (Object[] o : rows) {
                steps += H; c80 += (double) o[1]; c95 += (double) o[2]; ch.merge((String) o[3], 1, Integer::sum);
                if (!Double.isNaN((double) o[0])) { s += (double) o[0]; used++; }
            }
            System.out.printf(Locale.ROOT, "%-20s rmsse %.4f cov80 %.3f cov95 %.3f default %s (%.0fs) %s%n", e.getKey(), s / used, c80 / steps, c95 / steps, auto.defaultMethod(), (System.nanoTime() - t0) / 1e9, ch);
        }
    }
}
