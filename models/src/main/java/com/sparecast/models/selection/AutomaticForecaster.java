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
import java.util.Arrays;
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
 *   <li>Otherwise every candidate is fitted once to the whole history and scored from every
 *       origin in the second half of it: the forecast made after {@code o} periods, for
 *       {@code o} from {@code n / 2} to {@code n - 1}, of each of the next {@code horizon}
 *       periods up to the end of the history ({@link FittedForecast#fitted(int)}, the parameters
 *       held at their fitted values). An origin counts when every candidate has a forecast from
 *       it. On weekly data that is some 70 origins and 1,500 errors per candidate instead of a
 *       dozen: the validation errors of intermittent demand are too noisy to choose on a few
 *       origins, and a trailing run of zeros, which a few recent origins would reward following,
 *       weighs only its share.</li>
 *   <li>The bias guard: when those periods had demand, a candidate whose mean error (forecast
 *       minus outcome) is at least {@code biasLimit} (default 1) times their mean demand, in
 *       absolute value, is set aside: a forecast that was more than twice the demand, or next to
 *       nothing where there was demand.</li>
 *   <li>Of the rest, the one with the least squared error (equal to ranking on RMSSE, since the
 *       scale is the series' own) challenges the default method: the challenger is chosen only if
 *       its squared error is at least {@code margin} (default 10%) below the default's, or if the
 *       default failed the bias guard. Ties go to the earlier candidate. MASE is never used: it
 *       rewards forecasting zero.</li>
 *   <li>The default is the {@link HistoricAverage}, or the one chosen on the data set
 *       ({@link #withDefaultChosenOn}): the candidate with which this rule forecast the last
 *       periods of all series best ({@link #defaultTrial}). A dozen errors of one intermittent
 *       series cannot tell the methods apart; the whole portfolio can tell whether its demand is
 *       stationary (the mean of the whole history wins: the least variance) or drifting (a
 *       smoothing method wins), and the per-series challenge then only has to find the
 *       exceptions.</li>
 *   <li>{@link HoltDamped} takes part only for smooth and erratic series: a trend in
 *       intermittent demand is noise.</li>
 *   <li>{@link Naive} takes part only for smooth and erratic series (on intermittent demand its
 *       forecast is the last period's zero or spike), and when every other candidate failed the
 *       bias guard: then the least squared error of all candidates is chosen, as demand collapsed or
 *       jumped.</li>
 *   <li>The chosen candidate's fit is the forecast; the error variance is its in-sample mean
 *       squared one-step error, and of sums over spans ({@link ErrorVariance}).</li>
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
        List<String> aliases = aliases();
        return histories.parallelStream()
                .map(h -> DefaultMethodTrials.of(aliases, defaultTrial(h, horizon)))
                .reduce(DefaultMethodTrials.empty(aliases), DefaultMethodTrials::merge);
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
        requireHorizon(horizon);
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
        List<ForecastMethod> candidates = candidates();
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

    private static void requireHorizon(int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        }
    }
}
