package com.sparecast.models.forecast;

import java.util.Map;
import java.util.function.Supplier;

/**
 * A flat forecast whose fitted values are computed on first use: for methods (ADIDA, IMAPA)
 * whose fitted values cost {@code O(n^2 / k)}, paid only by callers that ask for them.
 * Thread-safe: a race computes the same array twice.
 */
final class LazyFlatForecast implements FittedForecast {

    private final double level;
    private final Supplier<double[]> fittedValues;
    private final Map<String, Double> parameters;
    private volatile double[] fitted;

    LazyFlatForecast(double level, Supplier<double[]> fittedValues, Map<String, Double> parameters) {
        this.level = level;
        this.fittedValues = fittedValues;
        this.parameters = parameters;
    }

    @Override
    public double[] forecast(int horizon) {
        return ConstantForecast.flat(level, horizon);
    }

    @Override
    public double[] fitted() {
        return oneStep().clone();
    }

    @Override
    public double[] fitted(int steps) {
        return ConstantForecast.ahead(oneStep(), steps);
    }

    private double[] oneStep() {
        double[] f = fitted;
        if (f == null) {
            f = fittedValues.get();
            fitted = f;
        }
        return f;
    }

    @Override
    public Map<String, Double> parameters() {
        return parameters;
    }
}
