package com.sparecast.models.selection;

import com.sparecast.jobs.input.DemandHistory;
import com.sparecast.jobs.input.Frequency;
import java.nio.file.Path;
import java.util.*;

public class Diag {
    public static void main(String[] a) throws Exception {
        DemandHistory h = DemandHistory.read(Path.of(a[0]), Frequency.parse(a[1]));
        AutomaticForecaster auto = AutomaticForecaster.withDefaults().withDefault(a[2]);
        int H = 12;
        int[] edges = {0, 1, 2, 3, 4, 6, 9, 12, 18, 24, 36, 1000};
        int B = edges.length - 1;
        double[] sa = new double[B], sz = new double[B], so = new double[B]; int[] cnt = new int[B]; int[] dead = new int[B];
        double[] sumF = new double[B], sumY = new double[B];
        for (var sd : h.series()) {
            double[] y = sd.demand(); int n = y.length - H; if (n < 2) continue;
            double[] train = Arrays.copyOf(y, n), act = Arrays.copyOfRange(y, n, n + H);
            double[] sc = ErrorMeasures.naiveScale(train); if (!(sc[0] > 0 && sc[1] > 0)) continue;
            int k = 0; while (k < n && train[n - 1 - k] == 0) k++;
            int b = 0; while (!(k >= edges[b] && k < edges[b + 1])) b++;
            SeriesForecast f = auto.forecast(train, H);
            sa[b] += ErrorMeasures.of(train, act, f.mean()).rmsse();
            sz[b] += ErrorMeasures.of(train, act, new double[H]).rmsse();
            double m = Arrays.stream(act).average().getAsDouble(); double[] fl = new double[H]; Arrays.fill(fl, m);
            so[b] += ErrorMeasures.of(train, act, fl).rmsse();
            cnt[b]++; if (m == 0) dead[b]++;
            sumF[b] += f.mean()[0]; sumY[b] += m;
        }
        int tot = Arrays.stream(cnt).sum();
        System.out.printf("%-10s %6s %6s %9s %9s %9s %8s %8s%n", "trailing0", "n", "deadH", "autoSum", "zeroSum", "oracleSum", "meanF", "meanY");
        for (int b = 0; b < B; b++) System.out.printf(Locale.ROOT, "[%d,%d) %6d %6d %9.1f %9.1f %9.1f %8.3f %8.3f%n", edges[b], edges[b + 1], cnt[b], dead[b], sa[b], sz[b], so[b], sumF[b] / cnt[b], sumY[b] / cnt[b]);
        System.out.println("total " + tot);
    }
}
