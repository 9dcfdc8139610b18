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

    /** The fitted parameters by name (smoothing constants, window lengths). */
    Map<String, Double> parameters();
}
