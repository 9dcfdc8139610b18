package com.sparecast.models.selection;

import com.sparecast.models.forecast.FittedForecast;
import com.sparecast.models.forecast.ForecastMethod;
import com.sparecast.models.forecast.HistoricAverage;
import com.sparecast.models.forecast.HoltDamped;
import com.sparecast.models.forecast.InstalledBase;
import com.sparecast.models.forecast.Methods;
import com.sparecast.models.forecast.Naive;
import com.sparecast.models.series.DemandClass;
import com.sparecast.models.series.IntermittencyStatistics;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

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

    private static final long serialVersionUID = 2L;

    /** Default shortest history that is backtested. */
    public static final int DEFAULT_MIN_HISTORY = 16;
    /** Default bias guard, as a share of the validation window's mean demand. */
    public static final double DEFAULT_BIAS_LIMIT = 1.0;
    /** Default margin by which a challenger must beat the default method's squared error. */
    public static final double DEFAULT_MARGIN = 0.1;

    private final List<ForecastMethod> candidates;
    private final int minHistory;
    private final double biasLimit;
    private final ForecastMethod defaultMethod;
    private final double margin;

    private AutomaticForecaster(List<ForecastMethod> candidates, int minHistory, double biasLimit,
                                ForecastMethod defaultMethod, double margin) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("at least one candidate method is needed");
        }
        if (minHistory < 4) {
            throw new IllegalArgumentException("minHistory must be >= 4, got " + minHistory);
        }
        if (!(biasLimit > 0)) {
            throw new IllegalArgumentException("biasLimit must be > 0, got " + biasLimit);
        }
        if (!(margin >= 0 && margin < 1)) {
            throw new IllegalArgumentException("margin must be in [0, 1), got " + margin);
        }
        this.candidates = List.copyOf(candidates);
        this.defaultMethod = defaultMethod;
        this.margin = margin;
        this.minHistory = minHistory;
        this.biasLimit = biasLimit;
    }

    /**
     * The standard candidates ({@link Methods#standard()}), default HistoricAverage, 16 periods,
     * bias limit 1, margin 0.1.
     */
    public static AutomaticForecaster withDefaults() {
        return new AutomaticForecaster(Methods.standard(), DEFAULT_MIN_HISTORY, DEFAULT_BIAS_LIMIT,
                HistoricAverage.create(), DEFAULT_MARGIN);
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
        return new AutomaticForecaster(methods, minHistory, biasLimit, d, margin);
    }

    /** This configuration with another shortest backtested history, {@code >= 4}. */
    public AutomaticForecaster withMinHistory(int periods) {
        return new AutomaticForecaster(candidates, periods, biasLimit, defaultMethod, margin);
    }

    /** This configuration with another bias guard, {@code > 0}. */
    public AutomaticForecaster withBiasLimit(double limit) {
        return new AutomaticForecaster(candidates, minHistory, limit, defaultMethod, margin);
    }

    /** This configuration with another margin a challenger must win by, in [0, 1); 0 is plain selection. */
    public AutomaticForecaster withMargin(double share) {
        return new AutomaticForecaster(candidates, minHistory, biasLimit, defaultMethod, share);
    }

    /** The candidate methods, in tie-breaking order. */
    public List<ForecastMethod> candidates() {
        return candidates;
    }

    /**
     * This configuration with the candidate called {@code alias} as the default method.
     *
     * @throws IllegalArgumentException if no candidate has that alias
     */
    public AutomaticForecaster withDefault(String alias) {
        ForecastMethod d = candidates.stream().filter(m -> m.alias().equals(alias)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("default method " + alias
                        + " is not a candidate; candidates: " + aliases()));
        return new AutomaticForecaster(candidates, minHistory, biasLimit, d, margin);
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
        return candidates.stream().map(ForecastMethod::alias).toList();
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
        Scores scores = score(history, horizon, statistics.demandClass());
        if (scores == null) {
            return fitted(defaultMethod, history, horizon, statistics, "no origin in the second half of the history "
                    + "with a forecast from every candidate: the default, " + defaultMethod.alias());
        }
        int defaultIndex = defaultIndex(scores);
        int chosen = scores.choose(defaultIndex);
        return fitted(candidates.get(chosen).alias(), scores.fits[chosen], history, horizon, statistics,
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
        int count = candidates.size();
        double[] out = new double[count];
        if (train.length < minHistory) {
            for (int m = 0; m < count; m++) {
                out[m] = ErrorMeasures.of(train, actual, candidates.get(m).fit(train).forecast(v)).rmsse();
            }
            return out;
        }
        Scores scores = score(train, horizon, IntermittencyStatistics.of(train).demandClass());
        double[][] forecasts = new double[count][];
        for (int m = 0; m < count; m++) {
            int chosen = scores == null ? m : scores.choose(scores.defaultIndex(m));
            if (forecasts[chosen] == null) {
                FittedForecast fit = scores == null || scores.fits[chosen] == null
                        ? candidates.get(chosen).fit(train) : scores.fits[chosen];
                forecasts[chosen] = fit.forecast(v);
            }
            out[m] = ErrorMeasures.of(train, actual, forecasts[chosen]).rmsse();
        }
        return out;
    }

    private int defaultIndex(Scores scores) {
        for (int m = 0; m < candidates.size(); m++) {
            if (candidates.get(m).alias().equals(defaultMethod.alias())) {
                return scores.defaultIndex(m);
            }
        }
        return -1;
    }

    /**
     * Every candidate fitted to the history and scored from every origin of its second half; null
     * if no origin has a forecast from every candidate.
     */
    private Scores score(double[] history, int horizon, DemandClass demandClass) {
        int n = history.length;
        boolean intermittent = demandClass == DemandClass.INTERMITTENT || demandClass == DemandClass.LUMPY;
        int count = candidates.size();
        boolean[] takesPart = new boolean[count];
        FittedForecast[] fits = new FittedForecast[count];
        for (int m = 0; m < count; m++) {
            takesPart[m] = !(intermittent && candidates.get(m) instanceof HoltDamped && count > 1);
            if (takesPart[m]) {
                fits[m] = candidates.get(m).fit(history);
            }
        }
        int firstOrigin = Math.max(1, n / 2);
        int steps = Math.min(horizon, n - firstOrigin);
        // Origins from which every candidate has a forecast.
        boolean[] scored = new boolean[n];
        Arrays.fill(scored, firstOrigin, n, true);
        for (int m = 0; m < count; m++) {
            if (takesPart[m]) {
                double[] oneStep = fits[m].fitted();
                for (int o = firstOrigin; o < n; o++) {
                    scored[o] &= !Double.isNaN(oneStep[o]);
                }
            }
        }
        double demand = 0;
        int cells = 0;
        for (int s = 1; s <= steps; s++) {
            for (int t = firstOrigin + s - 1; t < n; t++) {
                if (scored[t - s + 1]) {
                    demand += history[t];
                    cells++;
                }
            }
        }
        if (cells == 0) {
            return null;
        }
        demand /= cells;
        double[] mse = new double[count];
        double[] bias = new double[count];
        boolean[] eligible = new boolean[count];
        boolean[] biased = new boolean[count];
        for (int m = 0; m < count; m++) {
            if (!takesPart[m]) {
                continue;
            }
            double sse = 0;
            double sum = 0;
            for (int s = 1; s <= steps; s++) {
                double[] f = fits[m].fitted(s);
                for (int t = firstOrigin + s - 1; t < n; t++) {
                    if (scored[t - s + 1]) {
                        double e = f[t] - history[t];
                        sse += e * e;
                        sum += e;
                    }
                }
            }
            mse[m] = sse / cells;
            bias[m] = sum / cells;
            eligible[m] = !(intermittent && candidates.get(m) instanceof Naive);
            biased[m] = demand > 0 && Math.abs(bias[m]) >= biasLimit * demand;
        }
        String where = String.format(Locale.ROOT, "%d candidates from %d origins in the last %d periods",
                count, origins(scored), n - firstOrigin);
        return new Scores(fits, takesPart, eligible, mse, bias, biased, where);
    }

    /** The candidates' scores on one history; choices for any default are made from them. */
    private final class Scores {
        final FittedForecast[] fits;
        final boolean[] takesPart;
        final boolean[] eligible;
        final double[] mse;
        final double[] bias;
        final boolean[] biased;
        final String where;

        Scores(FittedForecast[] fits, boolean[] takesPart, boolean[] eligible, double[] mse, double[] bias,
               boolean[] biased, String where) {
            this.fits = fits;
            this.takesPart = takesPart;
            this.eligible = eligible;
            this.mse = mse;
            this.bias = bias;
            this.biased = biased;
            this.where = where;
        }

        /** Candidate {@code m} as the default, or -1 where it cannot be (not eligible for this series). */
        int defaultIndex(int m) {
            return takesPart[m] && eligible[m] ? m : -1;
        }

        /** The least squared error of the eligible, unbiased candidates; -1 if there is none. */
        int best() {
            int best = -1;
            for (int m = 0; m < mse.length; m++) {
                if (takesPart[m] && eligible[m] && !biased[m] && (best < 0 || mse[m] < mse[best])) {
                    best = m;
                }
            }
            return best;
        }

        /** The least squared error of every candidate that takes part, Naive included. */
        int bestAny() {
            int best = -1;
            for (int m = 0; m < mse.length; m++) {
                if (takesPart[m] && (best < 0 || mse[m] < mse[best])) {
                    best = m;
                }
            }
            return best;
        }

        boolean keepsDefault(int best, int defaultIndex) {
            return defaultIndex >= 0 && !biased[defaultIndex] && best != defaultIndex
                    && !(mse[best] < (1 - margin) * mse[defaultIndex]);
        }

        int choose(int defaultIndex) {
            int best = best();
            if (best < 0) {
                return bestAny();
            }
            return keepsDefault(best, defaultIndex) ? defaultIndex : best;
        }

        String reason(int chosen, int defaultIndex) {
            int best = best();
            if (best < 0) {
                return "least squared error of " + where
                        + ", Naive included; every candidate failed the bias guard: demand collapsed or jumped";
            }
            if (keepsDefault(best, defaultIndex)) {
                return String.format(Locale.ROOT,
                        "default %s: no challenger beat its squared error by %.0f%% (best %s, RMSE %.3g vs %.3g) among %s",
                        candidates.get(defaultIndex).alias(), 100 * margin, candidates.get(best).alias(),
                        Math.sqrt(mse[best]), Math.sqrt(mse[defaultIndex]), where);
            }
            if (chosen == defaultIndex) {
                return String.format(Locale.ROOT, "default, and least squared error (RMSE %.3g, bias %+.3g) of %s",
                        Math.sqrt(mse[chosen]), bias[chosen], where);
            }
            boolean defaultBiased = defaultIndex >= 0 && biased[defaultIndex];
            return String.format(Locale.ROOT, "least squared error (RMSE %.3g, bias %+.3g) of %s%s",
                    Math.sqrt(mse[chosen]), bias[chosen], where,
                    defaultBiased ? "; the default failed the bias guard" : "");
        }
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
        List<ForecastMethod> withBase = new java.util.ArrayList<>(candidates);
        withBase.add(InstalledBase.of(unitsInField));
        return new AutomaticForecaster(withBase, minHistory, biasLimit, defaultMethod, margin)
                .forecast(history, horizon);
    }

    private static int origins(boolean[] scored) {
        int k = 0;
        for (boolean b : scored) {
            k += b ? 1 : 0;
        }
        return k;
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
