package com.sparecast.models.forecast;

import java.util.Map;

/**
 * The historic average: every future period is forecast by the mean of all observations
 * (R's {@code meanf}, statsforecast's {@code HistoricAverage}). The fitted value at {@code t} is
 * the mean of {@code y[0..t-1]}, the forecast the method would have made then.
 */
public final class HistoricAverage implements ForecastMethod {

    private static final HistoricAverage INSTANCE = new HistoricAverage();

    private HistoricAverage() {
    }

    /** The historic average (it has no parameters). */
    public static HistoricAverage create() {
        return INSTANCE;
    }

    @Override
    public String alias() {
        return "HistoricAverage";
    }

    @Override
    public FittedForecast fit(double[] y) {
        Series.requireValid(y);
        double[] fitted = new double[y.length];
        fitted[0] = Double.NaN;
        double sum = 0;
        for (int t = 0; t < y.length; t++) {
            if (t > 0) {
                fitted[t] = sum / t;
            }
            sum += y[t];
        }
        return new ConstantForecast(sum / y.length, fitted, Map.of());
    }
}
