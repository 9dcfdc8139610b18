package com.sparecast.models.forecast;

import java.util.Map;

/**
 * The naive method: every future period is forecast by the last observation,
 * {@code yhat_{n+h} = y_n}; fitted values are the previous observation (R's {@code naive}).
 */
public final class Naive implements ForecastMethod {

    private static final Naive INSTANCE = new Naive();

    private Naive() {
    }

    /** The naive method (it has no parameters). */
    public static Naive create() {
        return INSTANCE;
    }

    @Override
    public String alias() {
        return "Naive";
    }

    @Override
    public FittedForecast fit(double[] y) {
        Series.requireValid(y);
        double[] fitted = new double[y.length];
        fitted[0] = Double.NaN;
        System.arraycopy(y, 0, fitted, 1, y.length - 1);
        return new ConstantForecast(y[y.length - 1], fitted, Map.of());
    }
}
