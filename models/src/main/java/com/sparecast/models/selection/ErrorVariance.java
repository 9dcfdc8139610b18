package com.sparecast.models.selection;

import com.sparecast.models.forecast.FittedForecast;
import java.util.Arrays;

/**
 * The error variance of a fitted forecast, measured on the history it was fitted to: the spread
 * that the lead-time demand distribution starts from ({@link SeriesForecast#errorVariance()},
 * {@link SeriesForecast#spanErrorVariance()}).
 *
 * <ul>
 *   <li>One step: the mean squared one-step error {@code sum (y[t] - f[t])^2 / n} over the
 *       {@code n} periods with a fitted value {@code f[t]}; 0 if there are none.</li>
 *   <li>Spans: for {@code k = 1, 2, ...}, the mean squared error of the demand summed over the
 *       {@code k} periods after an origin against the sum of the fit's forecasts from that
 *       origin, {@code sum_o (sum_{i=0..k-1} (y[o+i] - f_{i+1}[o+i]))^2 / m}, where
 *       {@code f_h[t]} is the forecast of period {@code t} made {@code h} periods ahead and the
 *       sum runs over the {@code m} origins {@code o >= 1} (the first {@code o} periods seen) with
 *       a forecast of each of the {@code k} periods. It grows faster than {@code k} times the
 *       one-step error when errors persist (a level the method has not caught up with, a trend, a
 *       season). It stops before the first span with fewer than {@link #MIN_SPAN_ORIGINS}
 *       origins; the forecaster measures up to {@link #MAX_SPAN} periods.</li>
 * </ul>
 */
final class ErrorVariance {

    /** Fewest origins a span's squared error is averaged over; longer spans are left unknown. */
    static final int MIN_SPAN_ORIGINS = 8;
    /**
     * Longest span whose error variance is measured: a quarter of weekly periods covers lead time
     * plus review of every lane; longer spans scale the last one (SeriesForecast#spanErrorVariance).
     */
    static final int MAX_SPAN = 13;

    private ErrorVariance() {
    }

    /**
     * Element {@code k - 1}: the mean squared error of the demand summed over the {@code k}
     * periods after an origin against the sum of the fit's forecasts from that origin, over every
     * origin with a forecast and {@code k} periods after it, for {@code k = 1..spans}; it stops
     * before the first span with fewer than {@link #MIN_SPAN_ORIGINS} origins.
     */
    static double[] spanMse(double[] y, FittedForecast fit, int spans) {
        int n = y.length;
        // errorSum[o]: the error summed over the periods forecast so far from origin o (o observations seen).
        double[] errorSum = new double[n + 1];
        boolean[] hasForecast = new boolean[n + 1];
        Arrays.fill(hasForecast, true);
        double[] out = new double[Math.min(spans, n)];
        int k = 0;
        while (k < out.length) {
            int steps = k + 1;
            double[] ahead = fit.fitted(steps);
            double sse = 0;
            int origins = 0;
            for (int o = 1; o + steps - 1 < n; o++) {
                int t = o + steps - 1;
                if (Double.isNaN(ahead[t])) {
                    hasForecast[o] = false;
                }
                if (hasForecast[o]) {
                    errorSum[o] += y[t] - ahead[t];
                    sse += errorSum[o] * errorSum[o];
                    origins++;
                }
            }
            if (origins < MIN_SPAN_ORIGINS) {
                break;
            }
            out[k++] = sse / origins;
        }
        return Arrays.copyOf(out, k);
    }

    /** Mean squared one-step error over the periods with a fitted value; 0 if there are none. */
    static double inSampleMse(double[] y, double[] fitted) {
        double sse = 0;
        int n = 0;
        for (int t = 0; t < y.length; t++) {
            if (!Double.isNaN(fitted[t])) {
                double e = y[t] - fitted[t];
                sse += e * e;
                n++;
            }
        }
        return n == 0 ? 0 : sse / n;
    }
}
