package com.sparecast.models.forecast;

import java.util.Map;

/**
 * Simple exponential smoothing, forecast flat at the last level.
 *
 * <p>{@code l_0 = y_0}, {@code l_t = l_{t-1} + alpha (y_t - l_{t-1})}, {@code yhat_{n+h} = l_{n-1}}
 * (zero-based), the recursion of R's {@code ses(y, initial = "simple")}, i.e. {@code HoltWinters}
 * with {@code beta = gamma = FALSE}. The optimised variant chooses {@code alpha} in
 * {@code [lower, upper]} minimising the in-sample sum of squared one-step errors by Brent's
 * method, as R's {@code ses(initial = "simple")} does with L-BFGS-B on [0, 1].
 *
 * <p>Brown (1959), <i>Statistical forecasting for inventory control</i>; Hyndman &amp;
 * Athanasopoulos, <i>Forecasting: principles and practice</i>, sec. 8.1.
 */
public final class SimpleExponentialSmoothing implements ForecastMethod {

    /** Default search interval of the optimised variant. */
    public static final double DEFAULT_LOWER = 0.01;
    public static final double DEFAULT_UPPER = 1.0;

    private final double alpha;
    private final double lower;
    private final double upper;

    private SimpleExponentialSmoothing(double alpha, double lower, double upper) {
        this.alpha = alpha;
        this.lower = lower;
        this.upper = upper;
    }

    /** SES with the fixed smoothing constant {@code alpha} in (0, 1]. */
    public static SimpleExponentialSmoothing of(double alpha) {
        Series.requireUnitInterval("alpha", alpha);
        return new SimpleExponentialSmoothing(alpha, alpha, alpha);
    }

    /** SES with {@code alpha} optimised in [0.01, 1]. */
    public static SimpleExponentialSmoothing optimized() {
        return optimized(DEFAULT_LOWER, DEFAULT_UPPER);
    }

    /** SES with {@code alpha} optimised in {@code [lower, upper]}, {@code 0 < lower <= upper <= 1}. */
    public static SimpleExponentialSmoothing optimized(double lower, double upper) {
        Series.requireUnitInterval("lower", lower);
        Series.requireUnitInterval("upper", upper);
        if (lower > upper) {
            throw new IllegalArgumentException("lower must be <= upper, got " + lower + " > " + upper);
        }
        return new SimpleExponentialSmoothing(Double.NaN, lower, upper);
    }

    @Override
    public String alias() {
        return "SimpleExponentialSmoothing";
    }

    @Override
    public FittedForecast fit(double[] y) {
        Series.requireValid(y);
        double a = Double.isNaN(alpha) ? Smoothing.optimalAlpha(y, 0, y.length, lower, upper) : alpha;
        double[] fitted = new double[y.length];
        fitted[0] = Double.NaN;
        double l = y[0];
        for (int t = 1; t < y.length; t++) {
            fitted[t] = l;
            l += a * (y[t] - l);
        }
        return new ConstantForecast(l, fitted, Map.of("alpha", a));
    }
}
