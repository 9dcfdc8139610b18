package com.sparecast.models.forecast;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Intermittent multiple aggregation prediction algorithm: the ADIDA forecast per period is made
 * at every aggregation level {@code k = 1 .. K}, {@code K} the mean inter-demand interval rounded
 * half to even, and the per-period forecasts are averaged with equal weights (statsforecast's
 * {@code IMAPA}; SES with alpha optimised in [0.1, 0.3] at each level). An all-zero history
 * forecasts 0. The fitted value at {@code t} is the forecast from {@code y[0..t-1]} with the
 * fitted levels and constants.
 *
 * <p>Petropoulos &amp; Kourentzes (2015), "Forecast combinations for intermittent demand",
 * JORS 66(6), 914-924.
 */
public final class IMAPA implements ForecastMethod {

    private static final long serialVersionUID = 1L;

    /** Constants per level {@code 1..K}, or null when they follow from the series. */
    private final double[] alphas;

    private IMAPA(double[] alphas) {
        this.alphas = alphas;
    }

    /** IMAPA: its levels and constants follow from the series. */
    public static IMAPA create() {
        return new IMAPA(null);
    }

    /** IMAPA over levels {@code 1..alphas.length}, with the SES constant of each level in (0, 1]. */
    public static IMAPA fixed(double... alphas) {
        if (alphas.length == 0) {
            throw new IllegalArgumentException("IMAPA needs at least one aggregation level, got none");
        }
        for (double a : alphas) {
            Series.requireUnitInterval("alpha", a);
        }
        return new IMAPA(alphas.clone());
    }

    @Override
    public String alias() {
        return "IMAPA";
    }

    @Override
    public FittedForecast fit(double[] y) {
        Series.requireValid(y);
        int n = y.length;
        double[] buckets = new double[n];
        double[] a = alphas;
        if (a == null) {
            double meanInterval = Smoothing.meanInterval(y, n);
            if (Double.isNaN(meanInterval)) {
                double[] fitted = new double[n];
                fitted[0] = Double.NaN;
                return new ConstantForecast(0, fitted, Map.of());
            }
            a = new double[Aggregation.level(meanInterval)];
            for (int k = 1; k <= a.length; k++) {
                a[k - 1] = Aggregation.optimalAlpha(y, n, k, buckets);
            }
        }
        double[] aa = a;
        double[] series = y.clone();
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("maxAggregationLevel", (double) a.length);
        for (int k = 1; k <= a.length; k++) {
            parameters.put("alpha" + k, a[k - 1]);
        }
        return new LazyFlatForecast(forecast(y, n, a, buckets), () -> {
            double[] fitted = new double[n];
            double[] work = new double[n];
            fitted[0] = Double.NaN;
            for (int t = 1; t < n; t++) {
                fitted[t] = forecast(series, t, aa, work);
            }
            return fitted;
        }, Map.copyOf(parameters));
    }

    private static double forecast(double[] y, int len, double[] alphas, double[] buckets) {
        double sum = 0;
        for (int k = 1; k <= alphas.length; k++) {
            sum += Aggregation.forecast(y, len, k, alphas[k - 1], buckets);
        }
        return sum / alphas.length;
    }

    @Override
    public String toString() {
        return "IMAPA" + (alphas == null ? "" : Arrays.toString(alphas));
    }
}
