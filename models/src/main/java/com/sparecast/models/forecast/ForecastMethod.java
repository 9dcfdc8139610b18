package com.sparecast.models.forecast;

/**
 * A forecasting method: fits a demand series and returns a fitted forecast.
 * Implementations are immutable, thread-safe and serializable (Spark ships them to executors);
 * {@link #alias()} is the method's name in the literature and in statsforecast, and is what users
 * see in the outputs.
 */
public interface ForecastMethod extends java.io.Serializable {

    /** The method's name as users see it, e.g. {@code "CrostonSBA"}. */
    String alias();

    /**
     * Fits the method to {@code y}, the demand per period, oldest first.
     *
     * @throws IllegalArgumentException if {@code y} is empty or has negative or non-finite values
     */
    FittedForecast fit(double[] y);
}
