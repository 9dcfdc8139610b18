package com.sparecast.models.forecast;

import java.util.Map;

/**
 * Aggregate-disaggregate intermittent demand approach: the series is summed into
 * non-overlapping buckets of {@code k} periods, {@code k} the mean inter-demand interval rounded
 * half to even; SES (alpha optimised in [0.1, 0.3]) forecasts the next bucket, and the forecast
 * per period is that bucket forecast divided by {@code k} (statsforecast's {@code ADIDA}).
 * An all-zero history forecasts 0.
 *
 * <p>Nikolopoulos, Syntetos, Boylan, Petropoulos &amp; Assimakopoulos (2011), "An
 * aggregate-disaggregate intermittent demand approach (ADIDA) to forecasting: an empirical
 * proposition and analysis", JORS 62(3), 544-554.
 */
public final class ADIDA implements ForecastMethod {

    private static final ADIDA INSTANCE = new ADIDA();

    private ADIDA() {
    }

    /** ADIDA (its aggregation level and constant follow from the series). */
    public static ADIDA create() {
        return INSTANCE;
    }

    @Override
    public String alias() {
        return "ADIDA";
    }

    @Override
    public FittedForecast fit(double[] y) {
        Series.requireValid(y);
        double[] alpha = new double[1];
        int[] level = new int[1];
        double f = forecast(y, y.length, new double[y.length], alpha, level);
        Map<String, Double> parameters = level[0] == 0 ? Map.of()
                : Map.of("aggregationLevel", (double) level[0], "alpha", alpha[0]);
        return new PrefixForecast(f, y, (s, len) -> forecast(s, len, new double[len], null, null), parameters);
    }

    static double forecast(double[] y, int len, double[] buckets, double[] alphaOut, int[] levelOut) {
        double meanInterval = Smoothing.meanInterval(y, len);
        if (Double.isNaN(meanInterval)) {
            return 0;
        }
        int k = Aggregation.level(meanInterval);
        if (levelOut != null) {
            levelOut[0] = k;
        }
        return Aggregation.forecast(y, len, k, buckets, alphaOut);
    }
}
