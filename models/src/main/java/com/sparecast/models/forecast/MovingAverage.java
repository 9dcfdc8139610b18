package com.sparecast.models.forecast;

import java.util.Map;

/**
 * The moving average of the last {@code window} observations, forecast flat
 * (statsforecast's {@code WindowAverage}): {@code yhat_{n+h} = (1/k) sum_{i=n-k+1..n} y_i} with
 * {@code k = min(window, n)}. A history shorter than the window is averaged whole, so the fitted
 * value at {@code t} is always the forecast from {@code y[0..t-1]}.
 */
public final class MovingAverage implements ForecastMethod {

    private final int window;

    private MovingAverage(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1, got " + window);
        }
        this.window = window;
    }

    /** The moving average over {@code window} periods, {@code window >= 1}. */
    public static MovingAverage of(int window) {
        return new MovingAverage(window);
    }

    @Override
    public String alias() {
        return "MovingAverage";
    }

    /** The window length in periods. */
    public int window() {
        return window;
    }

    @Override
    public FittedForecast fit(double[] y) {
        Series.requireValid(y);
        int n = y.length;
        double[] fitted = new double[n];
        fitted[0] = Double.NaN;
        double sum = 0;
        for (int t = 0; t < n; t++) {
            if (t > 0) {
                fitted[t] = sum / Math.min(window, t);
            }
            sum += y[t];
            if (t >= window) {
                sum -= y[t - window];
            }
        }
        // Recompute the last window exactly rather than carry the running sum's rounding.
        int k = Math.min(window, n);
        double last = 0;
        for (int i = n - k; i < n; i++) {
            last += y[i];
        }
        return new ConstantForecast(last / k, fitted, Map.of("window", (double) window));
    }
}
