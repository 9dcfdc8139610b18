package com.sparecast.models.selection;

import com.sparecast.models.forecast.FittedForecast;
import com.sparecast.models.forecast.ForecastMethod;
import com.sparecast.models.forecast.HistoricAverage;
import com.sparecast.models.forecast.HoltDamped;
import com.sparecast.models.forecast.InstalledBase;
import com.sparecast.models.forecast.Methods;
import com.sparecast.models.forecast.Naive;
import com.sparecast.models.series.IntermittencyStatistics;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;

/**
 * The per-series automatic choice of a forecasting method, the forecast the nightly job uses.
 *
 * <p>The choice uses the history it is given and nothing else (in a backtest, the training
 * window only):
 * <ol>
 *   <li>An all-zero history forecasts 0 ({@code NO_DEMAND}).</li>
 *   <li>A history shorter than {@code minHistory} periods (default 16) takes the default
 *       method, the {@link HistoricAverage}: too little data to compare methods. (Croston-SBA, the
 *       textbook choice for sparse demand, was 50% worse in RMSSE than the mean on the generated
 *       medium profile's short series: its level starts at the first demand and moves slowly.)</li>
 *   <li>Otherwise the {@link SelectionRule} chooses: every candidate is scored on its forecasts
 *       from every origin in the second half of the history; a candidate biased by at least
 *       {@code biasLimit} (default 1) times the mean demand is set aside; of the rest, the one with
 *       the least squared error replaces the default method only if it beats it by
 *       {@code margin} (default 10%), or if the default failed the bias guard.
 *       {@link HoltDamped} and {@link Naive} compete only on smooth and erratic series (Naive
 *       also where every other candidate failed the bias guard).</li>
 *   <li>The default is the {@link HistoricAverage}, or the one chosen on the data set
 *       ({@link #withDefaultChosenOn}): the candidate with which this rule forecast the last
 *       periods of all series best ({@link #defaultTrial}, {@link DefaultTrial}).</li>
 *   <li>The chosen candidate's fit is the forecast; the error variance is its in-sample mean
 *       squared one-step error, and that of demand summed over spans ({@link ErrorVariance}).</li>
 * </ol>
 *
 * <p>The rule was designed on validation splits of the RAF data and the generated medium profile
 * (each history without its last 12 periods): see docs/backtest-medium.md.
 *
 * <p>Immutable, thread-safe and serializable.
 *
 * <p>Tashman (2000), "Out-of-sample tests of forecasting accuracy", IJF 16(4) (rolling origin);
 * Fildes &amp; Petropoulos (2015), "Simple versus complex selection rules for forecasting many
 * time series", JBR 68(8) (a simple default beats noisy per-series selection); Hyndman &amp;
 * Koehler (2006), IJF 22(4); Kourentzes (2014), "On intermittent demand model optimisation and
 * selection", IJPE 156 (why not MASE).
 */
public final class AutomaticForecaster implements Serializable {

    private static final long serialVersionUID = 3L;

    /** Default shortest history that is backtested. */
    public static final int DEFAULT_MIN_HISTORY = 16;
    /** Default bias guard, as a share of the validation window's mean demand. */
    public static final double DEFAULT_BIAS_LIMIT = 1.0;
    /** Default margin by which a challenger must beat the default method's squared error. */
    public static final double DEFAULT_MARGIN = 0.1;

    private final SelectionRule rule;
    private final int minHistory;
    private final ForecastMethod defaultMethod;

    private AutomaticForecaster(SelectionRule rule, int minHistory, ForecastMethod defaultMethod) {
        if (minHistory < 4) {
            throw new IllegalArgumentException("minHistory must be >= 4, got " + minHistory);
        }
        this.rule = rule;
        this.minHistory = minHistory;
        this.defaultMethod = defaultMethod;
    }

    /**
     * The standard candidates ({@link Methods#standard()}), default HistoricAverage, 16 periods,
     * bias limit 1, margin 0.1.
     */
    public static AutomaticForecaster withDefaults() {
        return new AutomaticForecaster(new SelectionRule(Methods.standard(), DEFAULT_BIAS_LIMIT, DEFAULT_MARGIN),
                DEFAULT_MIN_HISTORY, HistoricAverage.create());
    }

    /**
     * This configuration with other candidates; the default method stays the default if it is
     * among them (by alias), otherwise the first candidate becomes the default.
     */
    public AutomaticForecaster withCandidates(List<ForecastMethod> methods) {
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("at least one candidate method is needed, got none");
        }
        ForecastMethod d = methods.stream().filter(m -> m.alias().equals(defaultMethod.alias())).findFirst()
                .orElse(methods.get(0));
        return new AutomaticForecaster(rule.withCandidates(methods), minHistory, d);
    }

    /** This configuration with another shortest backtested history, {@code >= 4}. */
    public AutomaticForecaster withMinHistory(int periods) {
        return new AutomaticForecaster(rule, periods, defaultMethod);
    }

    /** This configuration with another bias guard, {@code > 0}. */
    public AutomaticForecaster withBiasLimit(double limit) {
        return new AutomaticForecaster(rule.withBiasLimit(limit), minHistory, defaultMethod);
    }

    /** This configuration with another margin a challenger must win by, in [0, 1); 0 is plain selection. */
    public AutomaticForecaster withMargin(double share) {
        return new AutomaticForecaster(rule.withMargin(share), minHistory, defaultMethod);
    }

    /** The candidate methods, in tie-breaking order. */
    public List<ForecastMethod> candidates() {
        return rule.candidates();
    }

    /**
     * This configuration with the candidate called {@code alias} as the default method.
     *
     * @throws IllegalArgumentException if no candidate has that alias
     */
    public AutomaticForecaster withDefault(String alias) {
        ForecastMethod d = candidates().stream().filter(m -> m.alias().equals(alias)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("default method " + alias
                        + " is not a candidate; candidates: " + aliases()));
        return new AutomaticForecaster(rule, minHistory, d);
    }

    /**
     * This configuration with the default chosen on a data set's series: the candidate with which
     * this rule's forecasts of the last periods of each series, made from the rest, had the least
     * mean RMSSE ({@link #defaultTrial}, {@link DefaultMethodTrials}). Series run in parallel; the
     * choice does not depend on their order or the number of threads. Without a scoreable series
     * the default is unchanged.
     */
    public AutomaticForecaster withDefaultChosenOn(Collection<double[]> histories, int horizon) {
        DefaultMethodTrials trials = trialsOn(histories, horizon);
        return trials.series() == 0 ? this : withDefault(trials.best());
    }

    /** The {@link #defaultTrial trials} of these histories, summed (in parallel). */
    public DefaultMethodTrials trialsOn(Collection<double[]> histories, int horizon) {
        return new DefaultTrial(rule, minHistory).sum(histories, horizon);
    }

    /** The name of the default method. */
    public String defaultMethod() {
        return defaultMethod.alias();
    }

    /** The candidates' aliases, in order. */
    public List<String> aliases() {
        return candidates().stream().map(ForecastMethod::alias).toList();
    }

    /**
     * Forecasts {@code horizon} periods of {@code history} (demand per period, oldest first).
     *
     * @throws IllegalArgumentException if the history is empty or invalid, or horizon &lt; 1
     */
    public SeriesForecast forecast(double[] history, int horizon) {
        requireHorizon(horizon);
        IntermittencyStatistics statistics = IntermittencyStatistics.of(history);
        int n = history.length;
        if (statistics.nonZeroPeriods() == 0) {
            return new SeriesForecast("Zero", "no demand in " + n + " periods: forecast 0",
                    statistics.demandClass(), statistics, new double[horizon], 0);
        }
        if (n < minHistory) {
            return fitted(defaultMethod, history, horizon, statistics,
                    "short history (" + n + " < " + minHistory + " periods): the default, " + defaultMethod.alias());
        }
        SelectionRule.Scores scores = rule.score(history, horizon, statistics.demandClass());
        if (scores == null) {
            return fitted(defaultMethod, history, horizon, statistics, "no origin in the second half of the history "
                    + "with a forecast from every candidate: the default, " + defaultMethod.alias());
        }
        int defaultIndex = scores.defaultIndex(defaultMethod.alias());
        int chosen = scores.choose(defaultIndex);
        return fitted(candidates().get(chosen).alias(), scores.fit(chosen), history, horizon, statistics,
                scores.reason(chosen, defaultIndex));
    }

    /**
     * How this rule would have forecast one series with each candidate as its default: the last
     * {@code v = min(horizon, n / 4)} periods are set aside, the rule forecasts them from the rest
     * once per candidate default, and element {@code m} is the RMSSE with candidate {@code m} as the
     * default. {@code null} when the series cannot be scored (fewer than 2 periods left, or a zero
     * naive scale: no demand, or a single demand, before the periods set aside).
     */
    public double[] defaultTrial(double[] history, int horizon) {
        return new DefaultTrial(rule, minHistory).of(history, horizon);
    }

    /**
     * As {@link #forecast(double[], int)}, with the series' installed base as one more candidate
     * ({@link InstalledBase}): {@code unitsInField[t]} units in the field in period {@code t},
     * aligned with the history and continuing over the horizon with the projection (the last
     * value is carried forward where it ends). Null or empty means no installed base.
     *
     * @throws IllegalArgumentException if a unit count is negative or not finite
     */
    public SeriesForecast forecast(double[] history, int horizon, double[] unitsInField) {
        if (unitsInField == null || unitsInField.length == 0) {
            return forecast(history, horizon);
        }
        List<ForecastMethod> withBase = new java.util.ArrayList<>(candidates());
        withBase.add(InstalledBase.of(unitsInField));
        return new AutomaticForecaster(rule.withCandidates(withBase), minHistory, defaultMethod)
                .forecast(history, horizon);
    }

    /**
     * The forecast of one given method, with the same statistics and error variance as the
     * automatic choice: what a backtest of a single method reports.
     */
    public static SeriesForecast forecastWith(ForecastMethod method, double[] history, int horizon) {
        requireHorizon(horizon);
        IntermittencyStatistics statistics = IntermittencyStatistics.of(history);
        return fitted(method, history, horizon, statistics, "method chosen by the caller");
    }

    private static SeriesForecast fitted(ForecastMethod method, double[] history, int horizon,
                                         IntermittencyStatistics statistics, String reason) {
        return fitted(method.alias(), method.fit(history), history, horizon, statistics, reason);
    }

    private static SeriesForecast fitted(String alias, FittedForecast fit, double[] history, int horizon,
                                         IntermittencyStatistics statistics, String reason) {
        return new SeriesForecast(alias, reason, statistics.demandClass(), statistics,
                fit.forecast(horizon), ErrorVariance.inSampleMse(history, fit.fitted()),
                ErrorVariance.spanMse(history, fit, Math.min(horizon, ErrorVariance.MAX_SPAN)));
    }

    static void requireHorizon(int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        }
    }
}
