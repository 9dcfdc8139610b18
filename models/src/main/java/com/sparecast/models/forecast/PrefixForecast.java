package com.sparecast.models.forecast;

import java.util.Arrays;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;

/**
 * A flat forecast whose fitted values are, by definition, the forecasts the method makes from
 * every prefix of the series; they are computed on first use ({@code O(n)} fits), for methods
 * (ADIDA, IMAPA) whose structure changes with the history and has no cheaper recursion.
 */
final class PrefixForecast implements FittedForecast {

    private final double level;
    private final double[] y;
    private final ToDoubleBiFunction<double[], Integer> prefixForecast;
    private final Map<String, Double> parameters;
    private volatile double[] fitted;

    PrefixForecast(double level, double[] y, ToDoubleBiFunction<double[], Integer> prefixForecast,
                   Map<String, Double> parameters) {
        this.level = level;
        this.y = y.clone();
        this.prefixForecast = prefixForecast;
        this.parameters = parameters;
    }

    @Override
    public double[] forecast(int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        }
        double[] out = new double[horizon];
        Arrays.fill(out, level);
        return out;
    }

    @Override
    public double[] fitted() {
        double[] f = fitted;
        if (f == null) {
            f = new double[y.length];
            f[0] = Double.NaN;
            for (int t = 1; t < y.length; t++) {
                f[t] = prefixForecast.applyAsDouble(y, t);
            }
            fitted = f;
        }
        return f.clone();
    }

    @Override
    public Map<String, Double> parameters() {
        return parameters;
    }
}
