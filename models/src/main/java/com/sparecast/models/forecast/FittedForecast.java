package com.sparecast.models.forecast;

import java.util.Map;

/** A method fitted to one series. */
public interface FittedForecast {

    /** Point forecasts (expected demand per period) for the next {@code horizon} periods. */
    double[] forecast(int horizon);

    /**
     * One-step-ahead in-sample forecasts: element {@code t} is the forecast of {@code y[t]}
     * made from {@code y[0..t-1]}; {@code NaN} where the method has no forecast yet.
     */
    double[] fitted();

    /**
     * In-sample forecasts {@code steps} periods ahead, as R's {@code fitted(model, h = steps)}:
     * element {@code t} is the forecast of {@code y[t]} made from {@code y[0..t-steps]} (the first
     * {@code t - steps + 1} points) with the fitted parameters; {@code NaN} where there is no such
     * forecast. {@code fitted(1)} equals {@link #fitted()}. The automatic choice scores every
     * candidate from every origin with these, without refitting.
     *
     * @throws IllegalArgumentException if {@code steps < 1}
     */
    double[] fitted(int steps);

    /** The fitted parameters by name (smoothing constants, window lengths). */
    Map<String, Double> parameters();
}
