package com.sparecast.models.forecast;

/**
 * Temporal aggregation shared by {@link ADIDA} and {@link IMAPA}: non-overlapping buckets of
 * {@code k} periods, aligned to the end of the series (the first {@code n mod k} periods are
 * dropped, as statsforecast does), smoothed by SES with {@code alpha} optimised in [0.1, 0.3] and
 * the bucket forecast spread evenly over its {@code k} periods. A series shorter than {@code k}
 * is one bucket of its own length.
 */
final class Aggregation {

    static final double LOWER = 0.1;
    static final double UPPER = 0.3;

    private Aggregation() {
    }

    /** Sums {@code y[0..len)} into level-{@code k} buckets aligned to the end; returns the count. */
    static int buckets(double[] y, int len, int k, double[] buckets) {
        int m = len / k;
        int from = len - m * k;
        for (int b = 0; b < m; b++) {
            double s = 0;
            int base = from + b * k;
            for (int i = 0; i < k; i++) {
                s += y[base + i];
            }
            buckets[b] = s;
        }
        return m;
    }

    /** The alpha in [0.1, 0.3] that minimises the in-sample SSE of SES on the level-{@code k} buckets. */
    static double optimalAlpha(double[] y, int len, int k, double[] buckets) {
        int kk = Math.min(k, len);
        int m = buckets(y, len, kk, buckets);
        return Smoothing.optimalAlpha(buckets, 0, m, LOWER, UPPER);
    }

    /** The per-period forecast from level-{@code k} buckets of {@code y[0..len)} smoothed with {@code alpha}. */
    static double forecast(double[] y, int len, int k, double alpha, double[] buckets) {
        int kk = Math.min(k, len);
        int m = buckets(y, len, kk, buckets);
        return Smoothing.level(buckets, 0, m, alpha) / kk;
    }

    /** Round half to even, as Python's {@code round}, so the aggregation level matches statsforecast. */
    static int level(double meanInterval) {
        return Math.max(1, (int) Math.rint(meanInterval));
    }
}
