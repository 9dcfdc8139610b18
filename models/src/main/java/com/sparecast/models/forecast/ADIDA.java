package com.sparecast.models.forecast;

import java.util.Map;

/**
 * Aggregate-disaggregate intermittent demand approach: the series is summed into
 * non-overlapping buckets of {@code k} periods, {@code k} the mean inter-demand interval rounded
 * half to even; SES (alpha optimised in [0.1, 0.3]) forecasts the next bucket, and the forecast
 * per period is that bucket forecast divided by {@code k} (statsforecast's {@code ADIDA}).
 * An all-zero history forecasts 0. The fitted value at {@code t} is the forecast from
 * {@code y[0..t-1]} with the fitted {@code k} and {@code alpha}.
 *
 * <p>Nikolopoulos, Syntetos, Boylan, Petropoulos &amp; Assimakopoulos (2011), "An
 * aggregate-disaggregate intermittent demand approach (ADIDA) to forecasting: an empirical
 * proposition and analysis", JORS 62(3), 544-554.
 */
public final class ADIDA implements ForecastMethod {

    private static final long serialVersionUID = 1L;

    private final int level;
    private final double alpha;

    private ADIDA(int level, double alpha) {
        this.level = level;
        this.alpha = alpha;
    }

    /** ADIDA: its aggregation level and constant follow from the series. */
    public static ADIDA create() {
        return new ADIDA(0, Double.NaN);
    }

    /** ADIDA with a fixed aggregation level {@code >= 1} and SES constant in (0, 1]. */
    public static ADIDA fixed(int level, double alpha) {
        if (level < 1) {
            throw new IllegalArgumentException("aggregation level must be >= 1, got " + level);
        }
        Series.requireUnitInterval("alpha", alpha);
        return new ADIDA(level, alpha);
    }

    @Override
    public String alias() {
        return "ADIDA";
    }

    @Override
    public FittedForecast fit(double[] y) {
        Series.requireValid(y);
        int n = y.length;
        double[] buckets = new double[n];
        int k = level;
        double a = alpha;
        if (k == 0) {
            double meanInterval = Smoothing.meanInterval(y, n);
            if (Double.isNaN(meanInterval)) {
                double[] fitted = new double[n];
                fitted[0] = Double.NaN;
                return new ConstantForecast(0, fitted, Map.of());
            }
            k = Aggregation.level(meanInterval);
            a = Aggregation.optimalAlpha(y, n, k, buckets);
        }
        int kk = k;
        double aa = a;
        double[] series = y.clone();
        return new LazyFlatForecast(Aggregation.forecast(y, n, k, a, buckets), () -> {
            double[] fitted = new double[n];
            double[] work = new double[n];
            fitted[0] = Double.NaN;
            for (int t = 1; t < n; t++) {
                fitted[t] = Aggregation.forecast(series, t, kk, aa, work);
            }
            return fitted;
        }, Map.of("aggregationLevel", (double) k, "alpha", a));
    }
}
