package com.sparecast.models.forecast;

import java.util.Arrays;
import java.util.Map;

/**
 * Croston's method with the Syntetos-Boylan bias correction (SBA).
 *
 * <p>Demand sizes {@code z} and inter-demand intervals {@code p} are smoothed separately with
 * simple exponential smoothing (constant {@code alpha}) and updated only in periods with demand;
 * the forecast per period is {@code (1 - alpha/2) * z / p}.
 * Initialisation follows statsforecast: {@code z} and {@code p} start at the first demand size and
 * the first interval (periods up to and including the first demand).
 *
 * <p>Croston (1972), "Forecasting and stock control for intermittent demands", JORS 23(3);
 * Syntetos &amp; Boylan (2005), "The accuracy of intermittent demand estimates", IJF 21(2).
 */
public final class CrostonSBA implements ForecastMethod {

    private final double alpha;

    private CrostonSBA(double alpha) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1], got " + alpha);
        }
        this.alpha = alpha;
    }

    /** SBA with the smoothing constant {@code alpha} in (0, 1]. */
    public static CrostonSBA of(double alpha) {
        return new CrostonSBA(alpha);
    }

    /** SBA with {@code alpha = 0.1}, the constant of statsforecast and R's {@code croston}. */
    public static CrostonSBA withDefaults() {
        return new CrostonSBA(0.1);
    }

    @Override
    public String alias() {
        return "CrostonSBA";
    }

    @Override
    public FittedForecast fit(double[] y) {
        Series.requireValid(y);
        double[] fitted = new double[y.length];
        Arrays.fill(fitted, Double.NaN);
        double z = Double.NaN;
        double p = Double.NaN;
        int sinceLast = 0;
        double correction = 1 - alpha / 2;
        for (int t = 0; t < y.length; t++) {
            if (!Double.isNaN(z)) {
                fitted[t] = correction * z / p;
            }
            sinceLast++;
            if (y[t] > 0) {
                if (Double.isNaN(z)) {
                    z = y[t];
                    p = sinceLast;
                } else {
                    z += alpha * (y[t] - z);
                    p += alpha * (sinceLast - p);
                }
                sinceLast = 0;
            }
        }
        double level = Double.isNaN(z) ? 0 : correction * z / p;
        return new ConstantForecast(level, fitted, Map.of("alpha", alpha));
    }
}
