package com.sparecast.models.forecast;

import java.util.Map;

/**
 * Croston's method with the smoothing constants of the sizes and of the intervals each chosen
 * in {@code [0.1, 0.3]} by minimising the in-sample squared one-step error of SES on that
 * sequence (Brent's method), as statsforecast's {@code CrostonOptimized} does.
 *
 * <p>Croston (1972), JORS 23(3); the optimisation of statsforecast (Nixtla).
 */
public final class CrostonOptimized implements ForecastMethod {

    /** Search interval of both constants (statsforecast's bounds). */
    public static final double LOWER = 0.1;
    public static final double UPPER = 0.3;

    private final double alphaSize;
    private final double alphaInterval;

    private CrostonOptimized(double alphaSize, double alphaInterval) {
        this.alphaSize = alphaSize;
        this.alphaInterval = alphaInterval;
    }

    /** Both constants optimised in [0.1, 0.3]. */
    public static CrostonOptimized create() {
        return new CrostonOptimized(Double.NaN, Double.NaN);
    }

    /** Croston with given constants for sizes and intervals, each in (0, 1] (the optimum, fixed). */
    public static CrostonOptimized fixed(double alphaSize, double alphaInterval) {
        Series.requireUnitInterval("alphaSize", alphaSize);
        Series.requireUnitInterval("alphaInterval", alphaInterval);
        return new CrostonOptimized(alphaSize, alphaInterval);
    }

    @Override
    public String alias() {
        return "CrostonOptimized";
    }

    @Override
    public FittedForecast fit(double[] y) {
        Series.requireValid(y);
        double aSize = alphaSize;
        double aInterval = alphaInterval;
        if (Double.isNaN(aSize)) {
            double[] packed = new double[2 * y.length];
            int k = Croston.sizesAndIntervals(y, packed);
            aSize = Smoothing.optimalAlpha(packed, 0, k, LOWER, UPPER);
            aInterval = Smoothing.optimalAlpha(packed, k, k, LOWER, UPPER);
        }
        return Croston.fit(y, aSize, aInterval, 1,
                Map.of("alphaSize", aSize, "alphaInterval", aInterval));
    }
}
