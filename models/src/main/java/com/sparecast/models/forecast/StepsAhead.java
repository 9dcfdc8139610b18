package com.sparecast.models.forecast;

/**
 * In-sample forecasts {@code steps} periods ahead ({@link FittedForecast#fitted(int)}): the one
 * of {@code y[t]} is made at origin {@code t - steps + 1} (after that many observations), and is
 * {@code NaN} where the origin is before the method's first state.
 */
final class StepsAhead {

    /** The forecast made at {@code origin} (observations seen) of period {@code t}. */
    @FunctionalInterface
    interface FromOrigin {
        double of(int origin, int t);
    }

    private StepsAhead() {
    }

    /**
     * The {@code steps}-ahead fitted values of {@code n} periods.
     *
     * @param firstOrigin the first origin with a forecast
     * @throws IllegalArgumentException if {@code steps < 1}
     */
    static double[] fitted(int n, int steps, int firstOrigin, FromOrigin forecast) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        double[] out = new double[n];
        for (int t = 0; t < n; t++) {
            int origin = t - steps + 1;
            out[t] = origin < firstOrigin ? Double.NaN : forecast.of(origin, t);
        }
        return out;
    }
}
