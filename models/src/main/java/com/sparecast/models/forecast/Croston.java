package com.sparecast.models.forecast;

import java.util.Map;

/**
 * The Croston recursion shared by {@link CrostonClassic}, {@link CrostonSBA} and
 * {@link CrostonOptimized}.
 *
 * <p>Non-zero demand sizes {@code z} and inter-demand intervals {@code p} (counted from the start
 * for the first demand) are smoothed by SES, each starting at its first value and updated only in
 * periods with demand; the forecast per period is {@code c * z / p} with the bias correction
 * {@code c} (1 for Croston, {@code 1 - alpha_p / 2} for SBA). Before the first demand, and for an
 * all-zero series, the forecast is 0 (R's {@code croston}).
 */
final class Croston {

    private Croston() {
    }

    /** Fits the recursion with fixed constants and correction factor. */
    static FittedForecast fit(double[] y, double alphaSize, double alphaInterval, double correction,
                              Map<String, Double> parameters) {
        double[] fitted = new double[y.length];
        fitted[0] = Double.NaN;
        double z = Double.NaN;
        double p = Double.NaN;
        int sinceLast = 0;
        for (int t = 0; t < y.length; t++) {
            if (t > 0) {
                fitted[t] = Double.isNaN(z) ? 0 : correction * z / p;
            }
            sinceLast++;
            if (y[t] > 0) {
                if (Double.isNaN(z)) {
                    z = y[t];
                    p = sinceLast;
                } else {
                    z += alphaSize * (y[t] - z);
                    p += alphaInterval * (sinceLast - p);
                }
                sinceLast = 0;
            }
        }
        double level = Double.isNaN(z) ? 0 : correction * z / p;
        return new ConstantForecast(level, fitted, parameters);
    }

    /** Demand sizes and intervals, packed: sizes in [0, k), intervals in [k, 2k); returns k. */
    static int sizesAndIntervals(double[] y, double[] out) {
        int k = 0;
        for (double v : y) {
            if (v > 0) {
                k++;
            }
        }
        int i = 0;
        int last = 0;
        for (int t = 0; t < y.length; t++) {
            if (y[t] > 0) {
                out[i] = y[t];
                out[k + i] = t + 1 - last;
                last = t + 1;
                i++;
            }
        }
        return k;
    }
}
