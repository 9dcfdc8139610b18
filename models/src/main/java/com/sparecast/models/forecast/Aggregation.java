package com.sparecast.models.forecast;

/**
 * Temporal aggregation shared by {@link ADIDA} and {@link IMAPA}: non-overlapping buckets of
 * {@code k} periods, aligned to the end of the series (the first {@code n mod k} periods are
 * dropped, as statsforecast does), smoothed by SES with {@code alpha} optimised in [0.1, 0.3] and
 * the bucket forecast spread evenly over its {@code k} periods.
 */
final class Aggregation {

    static final double LOWER = 0.1;
    static final double UPPER = 0.3;

    private Aggregation() {
    }

    /** The per-period forecast from level-{@code k} buckets of {@code y[0..len)}; alpha into {@code alphaOut[0]}. */
    static double forecast(double[] y, int len, int k, double[] buckets, double[] alphaOut) {
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
        double alpha = Smoothing.optimalAlpha(buckets, 0, m, LOWER, UPPER);
        if (alphaOut != null) {
            alphaOut[0] = alpha;
        }
        return Smoothing.level(buckets, 0, m, alpha) / k;
    }

    /** Round half to even, as Python's {@code round}, so the aggregation level matches statsforecast. */
    static int level(double meanInterval) {
        return Math.max(1, (int) Math.rint(meanInterval));
    }
}
