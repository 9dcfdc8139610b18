package com.sparecast.models.forecast;

import java.util.Arrays;
import java.util.Map;

/** A fitted forecast whose point forecast is the same level for every future period. */
record ConstantForecast(double level, double[] fittedValues, Map<String, Double> parameters)
        implements FittedForecast {

    @Override
    public double[] forecast(int horizon) {
        return flat(level, horizon);
    }

    /** {@code horizon} copies of {@code level}: the forecast of every flat method. */
    static double[] flat(double level, int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        }
        double[] out = new double[horizon];
        Arrays.fill(out, level);
        return out;
    }

    @Override
    public double[] fitted() {
        return fittedValues.clone();
    }

    @Override
    public double[] fitted(int steps) {
        return ahead(fittedValues, steps);
    }

    /**
     * The {@code steps}-ahead fitted values of a flat method from its one-step ones: the forecast
     * made at an origin is the same for every step, so the one of {@code y[t]} is the one-step
     * forecast of {@code y[t - steps + 1]}.
     */
    static double[] ahead(double[] oneStep, int steps) {
        return StepsAhead.fitted(oneStep.length, steps, 0, (origin, t) -> oneStep[origin]);
    }
}
