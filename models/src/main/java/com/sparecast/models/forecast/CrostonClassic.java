package com.sparecast.models.forecast;

import java.util.Map;

/**
 * Croston's method: demand sizes and inter-demand intervals smoothed separately by SES with the
 * same constant {@code alpha}, forecast {@code z / p} (the recursion of R's {@code croston} and
 * statsforecast's {@code CrostonClassic}).
 *
 * <p>Croston (1972), "Forecasting and stock control for intermittent demands", JORS 23(3), 289-303.
 */
public final class CrostonClassic implements ForecastMethod {

    private final double alpha;

    private CrostonClassic(double alpha) {
        Series.requireUnitInterval("alpha", alpha);
        this.alpha = alpha;
    }

    /** Croston with the smoothing constant {@code alpha} in (0, 1]. */
    public static CrostonClassic of(double alpha) {
        return new CrostonClassic(alpha);
    }

    /** Croston with {@code alpha = 0.1}, the default of R's {@code croston} and statsforecast. */
    public static CrostonClassic withDefaults() {
        return new CrostonClassic(0.1);
    }

    @Override
    public String alias() {
        return "CrostonClassic";
    }

    @Override
    public FittedForecast fit(double[] y) {
        Series.requireValid(y);
        return Croston.fit(y, alpha, alpha, 1, Map.of("alpha", alpha));
    }
}
