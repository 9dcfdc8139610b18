package com.sparecast.models.selection;

import com.sparecast.models.forecast.FittedForecast;
import com.sparecast.models.forecast.ForecastMethod;
import com.sparecast.models.series.IntermittencyStatistics;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The trial that chooses the default method on a data set: how the automatic choice would have
 * forecast the last periods of each series with each candidate as its default.
 *
 * <p>Of one series of {@code n} periods, the last {@code v = min(horizon, n / 4)} are set aside
 * and forecast from the rest, once per candidate as the default; element {@code m} of the trial
 * is the RMSSE ({@link ErrorMeasures#rmsse()}) with candidate {@code m} as the default. A
 * training part shorter than {@code minHistory} periods is forecast by the default itself, as
 * the automatic choice does. The trials of all series are summed exactly
 * ({@link DefaultMethodTrials}); the candidate with the least mean is the data set's default.
 *
 * <p>A dozen errors of one intermittent series cannot tell the methods apart; the whole
 * portfolio can tell whether its demand is stationary (the mean of the whole history wins: the
 * least variance) or drifting (a smoothing method wins), and the per-series challenge of the
 * {@link SelectionRule} then only has to find the exceptions. Fildes &amp; Petropoulos (2015),
 * "Simple versus complex selection rules for forecasting many time series", JBR 68(8).
 */
final class DefaultTrial {

    private final SelectionRule rule;
    private final int minHistory;

    /**
     * @param rule the rule that chooses on each training part
     * @param minHistory the shortest training part the rule chooses on
     */
    DefaultTrial(SelectionRule rule, int minHistory) {
        this.rule = rule;
        this.minHistory = minHistory;
    }

    /**
     * The trial of one series: the RMSSE with each candidate as the default, in candidate order;
     * {@code null} when the series cannot be scored (fewer than 2 periods left, or a zero naive
     * scale: no demand, or a single demand, before the periods set aside).
     *
     * @throws IllegalArgumentException if horizon &lt; 1
     */
    double[] of(double[] history, int horizon) {
        AutomaticForecaster.requireHorizon(horizon);
        int n = history.length;
        int v = Math.min(horizon, n / 4);
        if (v < 1 || n - v < 2) {
            return null;
        }
        double[] train = Arrays.copyOf(history, n - v);
        double[] actual = Arrays.copyOfRange(history, n - v, n);
        double[] scale = ErrorMeasures.naiveScale(train);
        if (!(scale[1] > 0)) {
            return null;
        }
        List<ForecastMethod> candidates = rule.candidates();
        int count = candidates.size();
        double[] out = new double[count];
        if (train.length < minHistory) {
            for (int m = 0; m < count; m++) {
                out[m] = ErrorMeasures.of(train, actual, candidates.get(m).fit(train).forecast(v)).rmsse();
            }
            return out;
        }
        SelectionRule.Scores scores = rule.score(train, horizon, IntermittencyStatistics.of(train).demandClass());
        double[][] forecasts = new double[count][];
        for (int m = 0; m < count; m++) {
            int chosen = scores == null ? m : scores.choose(scores.defaultIndex(m));
            if (forecasts[chosen] == null) {
                FittedForecast fit = scores == null || scores.fit(chosen) == null
                        ? candidates.get(chosen).fit(train) : scores.fit(chosen);
                forecasts[chosen] = fit.forecast(v);
            }
            out[m] = ErrorMeasures.of(train, actual, forecasts[chosen]).rmsse();
        }
        return out;
    }

    /** The trials of these histories, summed (in parallel; the sum does not depend on the order). */
    DefaultMethodTrials sum(Collection<double[]> histories, int horizon) {
        List<String> aliases = rule.candidates().stream().map(ForecastMethod::alias).toList();
        return histories.parallelStream()
                .map(h -> DefaultMethodTrials.of(aliases, of(h, horizon)))
                .reduce(DefaultMethodTrials.empty(aliases), DefaultMethodTrials::merge);
    }
}
