package com.sparecast.models.selection;

import com.sparecast.jobs.input.DemandHistory;
import com.sparecast.jobs.input.Frequency;
import java.nio.file.Path;
import java.util.*;

/** Scratch: obsolescence hazard on top of Auto: forecast_h = auto_h * P(alive | k trailing zeros) * (1 - lambda)^h. */
public class Exp3 {
    public static void main(String[] a) throws Exception {
        DemandHistory h = DemandHistory.read(Path.of(a[0]), Frequency.parse(a[1]));
        AutomaticForecaster auto = AutomaticForecaster.withDefaults().withDefault(a[2]);
        double[] lambdas = {0, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3};
        int H = 12;
        double[][] sums = h.series().parallelStream().map(sd -> {
            double[] y = sd.demand(); int n = y.length - H; if (n < 2) return null;
            double[] train = Arrays.copyOf(y, n), act = Arrays.copyOfRange(y, n, n + H);
            double[] sc = ErrorMeasures.naiveScale(train); if (!(sc[0] > 0 && sc[1] > 0)) return null;
            double[] f = auto.forecast(train, H).mean();
            int k = 0; while (k < n && train[n - 1 - k] == 0) k++;
            int first = 0; while (train[first] == 0) first++;
            int nz = 0; for (double v : train) if (v > 0) nz++;
            double p = (double) nz / (n - k - first); // demand rate while alive (first to last demand)
            p = Math.min(p, 0.999);
            double[] out = new double[2 * lambdas.length];
            for (int i = 0; i < lambdas.length; i++) {
                double l = lambdas[i];
                double q = (1 - l) * (1 - p);
                double alive = Math.pow(q, k);
                double dead = 0; for (int j = 1; j <= k; j++) dead += Math.pow(q, j - 1) * l;
                double pa = l == 0 ? 1 : alive / (alive + dead);
                double[] g = f.clone(); double[] g2 = f.clone();
                for (int t = 0; t < H; t++) { g[t] *= pa * Math.pow(1 - l, t + 1); g2[t] *= Math.pow(1 - l, t + 1); }
                out[2 * i] = ErrorMeasures.of(train, act, g).rmsse();
                out[2 * i + 1] = ErrorMeasures.of(train, act, g2).rmsse();
            }
            return out;
        }).filter(Objects::nonNull).reduce(null, (x, yv) -> { if (x == null) return new double[][]{yv.clone(), {1}}; for (int i = 0; i < yv.length; i++) x[0][i] += yv[i]; x[1][0]++; return x; }, (x, yv) -> { if (x == null) return yv; if (yv == null) return x; for (int i = 0; i < x[0].length; i++) x[0][i] += yv[0][i]; x[1][0] += yv[1][0]; return x; });
        for (int i = 0; i < lambdas.length; i++)
            System.out.printf(Locale.ROOT, "lambda %.3f: posterior-alive x decay %.4f, decay only %.4f%n", lambdas[i], sums[0][2 * i] / sums[1][0], sums[0][2 * i + 1] / sums[1][0]);
    }
}
