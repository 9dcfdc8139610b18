package com.sparecast.models.forecast;

import java.util.Map;

/**
 * Intermittent multiple aggregation prediction algorithm: the ADIDA forecast per period is made
 * at every aggregation level {@code k = 1 .. K}, {@code K} the mean inter-demand interval rounded
 * half to even, and the per-period forecasts are averaged with equal weights (statsforecast's
 * {@code IMAPA}; SES with alpha optimised in [0.1, 0.3] at each level). An all-zero history
 * forecasts 0.
 *
 * <p>Petropoulos &amp; Kourentzes (2015), "Forecast combinations for intermittent demand",
 * JORS 66(6), 914-924.
 */
public final class IMAPA implements ForecastMethod {

    private static final IMAPA INSTANCE = new IMAPA();

    private IMAPA() {
    }

    /** IMAPA (its levels and constants follow from the series). */
    public static IMAPA create() {
        return INSTANCE;
    }

    @Override
    public String alias() {
        return "IMAPA";
    }

    @Override
    public FittedForecast fit(double[] y) {
        Series.requireValid(y);
        int[] levels = new int[1];
        double f = forecast(y, y.length, new double[y.length], levels);
        Map<String, Double> parameters = levels[0] == 0 ? Map.of() : Map.of("maxAggregationLevel", (double) levels[0]);
        return new PrefixForecast(f, y, (s, len) -> forecast(s, len, new double[len], null), parameters);
    }

    static double forecast(double[] y, int len, double[] buckets, int[] levelOut) {
        double meanInterval = Smoothing.meanInterval(y, len);
        if (Double.isNaN(meanInterval)) {
            return 0;
        }
        int max = Aggregation.level(meanInterval);
        if (levelOut != null) {
            levelOut[0] = max;
        }
        double sum = 0;
        for (int k = 1; k <= max; k++) {
            sum += Aggregation.forecast(y, len, k, buckets, null);
        }
        return sum / max;
    }
}
