package com.sparecast.models.selection;

import com.sparecast.models.forecast.CrostonSBA;
import com.sparecast.models.forecast.FittedForecast;
import com.sparecast.models.forecast.ForecastMethod;
import com.sparecast.models.series.DemandClass;
import com.sparecast.models.series.IntermittencyStatistics;

/**
 * The per-series forecast the nightly job uses.
 *
 * <p>First version: every series is forecast by {@link CrostonSBA} with alpha 0.1, the error
 * variance is the mean squared one-step in-sample error.
 */
public final class AutomaticForecaster {

    private final ForecastMethod method;

    private AutomaticForecaster(ForecastMethod method) {
        this.method = method;
    }

    /** The default configuration. */
    public static AutomaticForecaster withDefaults() {
        return new AutomaticForecaster(CrostonSBA.withDefaults());
    }

    /**
     * Forecasts {@code horizon} periods of {@code history} (demand per period, oldest first).
     *
     * @throws IllegalArgumentException if the history is empty or invalid, or horizon &lt; 1
     */
    public SeriesForecast forecast(double[] history, int horizon) {
        IntermittencyStatistics statistics = IntermittencyStatistics.of(history);
        DemandClass demandClass = statistics.demandClass();
        FittedForecast fit = method.fit(history);
        double[] fitted = fit.fitted();
        double sse = 0;
        int n = 0;
        for (int t = 0; t < history.length; t++) {
            if (!Double.isNaN(fitted[t])) {
                double e = history[t] - fitted[t];
                sse += e * e;
                n++;
            }
        }
        double errorVariance = n == 0 ? 0 : sse / n;
        return new SeriesForecast(method.alias(), "first version: one method for every series",
                demandClass, statistics, fit.forecast(horizon), errorVariance);
    }
}
