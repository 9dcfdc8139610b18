package com.sparecast.models.forecast;

import java.util.Map;

/**
 * Croston's method with the Syntetos-Boylan bias correction (SBA).
 *
 * <p>Demand sizes {@code z} and inter-demand intervals {@code p} are smoothed separately with
 * simple exponential smoothing (constant {@code alpha}) and updated only in periods with demand;
 * the forecast per period is {@code (1 - alpha/2) * z / p}.
 * Initialisation follows R's {@code croston} and statsforecast: {@code z} and {@code p} start at the
 * first demand size and the first interval (periods up to and including the first demand). Before
 * the first demand the forecast is 0.
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
        return Croston.fit(y, alpha, alpha, 1 - alpha / 2, Map.of("alpha", alpha));
    }
}
