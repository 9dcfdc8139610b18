package com.sparecast.models.selection;

import com.sparecast.models.forecast.CrostonSBA;
import com.sparecast.models.forecast.FittedForecast;
import com.sparecast.models.forecast.ForecastMethod;
import com.sparecast.models.forecast.HistoricAverage;
import com.sparecast.models.forecast.HoltDamped;
import com.sparecast.models.forecast.InstalledBase;
import com.sparecast.models.forecast.Methods;
import com.sparecast.models.forecast.Naive;
import com.sparecast.models.forecast.TSB;
import com.sparecast.models.series.DemandClass;
import com.sparecast.models.series.IntermittencyStatistics;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The per-series automatic choice of a forecasting method, the forecast the nightly job uses.
 *
 * <p>The choice uses the history it is given and nothing else (in a backtest, the training
 * window only):
 * <ol>
 *   <li>An all-zero history forecasts 0 ({@code NO_DEMAND}).</li>
 *   <li>A history shorter than {@code minHistory} periods falls back to {@link CrostonSBA}
 *       for intermittent and lumpy series and to the {@link HistoricAverage} otherwise: too
 *       little data to compare methods.</li>
 *   <li>Otherwise every candidate is backtested from {@code origins} rolling origins inside the
 *       history: the last {@code v = min(horizon, n / 4)} periods are the validation window, the
 *       origins are spaced evenly across it, each forecasts up to {@code horizon} periods, but not
 *       past the end of the history. Errors are pooled over origins and steps.</li>
 *   <li>The bias guard: when the validation window had demand, a candidate whose mean
 *       validation error (forecast minus outcome) is at least {@code biasLimit} (default 1) times
 *       the mean demand over the same origins and steps, in absolute value, is set aside. With
 *       the default, this removes forecasts of next to nothing where there was demand (the ones
 *       that empty the shelves) and forecasts of more than twice the demand.</li>
 *   <li>Of the rest, the one with the least pooled squared error (equal to ranking on RMSSE, since
 *       the scale is the series' own) challenges the default method ({@link TSB}, optimised): the
 *       challenger is chosen only if its squared error is at least {@code margin} (default 10%)
 *       below the default's, or if the default failed the bias guard. A dozen validation errors of
 *       an intermittent series are noisy; the margin keeps the choice from chasing that noise (on
 *       the RAF data, plain least-error selection is worse than TSB alone). Ties go to the earlier
 *       candidate. MASE is never used: it rewards forecasting zero.</li>
 *   <li>{@link HoltDamped} takes part only for smooth and erratic series: a trend in
 *       intermittent demand is noise.</li>
 *   <li>{@link Naive} takes part only for smooth and erratic series (on intermittent demand its
 *       forecast is the last period's zero or spike), and when every other candidate failed the
 *       bias guard: then the least squared error of all candidates is chosen, as demand collapsed or
 *       jumped in the validation window.</li>
 *   <li>The chosen method is refitted on the whole history for the forecast; the error variance
 *       is its in-sample mean squared one-step error.</li>
 * </ol>
 *
 * <p>Immutable, thread-safe and serializable.
 *
 * <p>Tashman (2000), "Out-of-sample tests of forecasting accuracy", IJF 16(4) (rolling origin);
 * Hyndman &amp; Koehler (2006), IJF 22(4); Kourentzes (2014), "On intermittent demand model
 * optimisation and selection", IJPE 156 (why not MASE).
 */
public final class AutomaticForecaster implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Default number of rolling origins. */
    public static final int DEFAULT_ORIGINS = 3;
    /** Default shortest history that is backtested. */
    public static final int DEFAULT_MIN_HISTORY = 16;
    /** Default bias guard, as a share of the validation window's mean demand. */
    public static final double DEFAULT_BIAS_LIMIT = 1.0;
    /** Default margin by which a challenger must beat the default method's squared error. */
    public static final double DEFAULT_MARGIN = 0.1;

    private final List<ForecastMethod> candidates;
    private final int origins;
    private final int minHistory;
    private final double biasLimit;
    private final ForecastMethod defaultMethod;
    private final double margin;

    private AutomaticForecaster(List<ForecastMethod> candidates, int origins, int minHistory, double biasLimit,
                                ForecastMethod defaultMethod, double margin) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("at least one candidate method is needed");
        }
        if (origins < 1) {
            throw new IllegalArgumentException("origins must be >= 1, got " + origins);
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
        this.origins = origins;
        this.minHistory = minHistory;
        this.biasLimit = biasLimit;
    }

    /**
     * The standard candidates ({@link Methods#standard()}), default TSB, 3 origins, 16 periods,
     * bias limit 1, margin 0.1.
     */
    public static AutomaticForecaster withDefaults() {
        return new AutomaticForecaster(Methods.standard(), DEFAULT_ORIGINS, DEFAULT_MIN_HISTORY, DEFAULT_BIAS_LIMIT,
                TSB.optimized(), DEFAULT_MARGIN);
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
        return new AutomaticForecaster(methods, origins, minHistory, biasLimit, d, margin);
    }

    /** This configuration with another number of rolling origins, {@code >= 1}. */
    public AutomaticForecaster withOrigins(int count) {
        return new AutomaticForecaster(candidates, count, minHistory, biasLimit, defaultMethod, margin);
    }

    /** This configuration with another shortest backtested history, {@code >= 4}. */
    public AutomaticForecaster withMinHistory(int periods) {
        return new AutomaticForecaster(candidates, origins, periods, biasLimit, defaultMethod, margin);
    }

    /** This configuration with another bias guard, {@code > 0}. */
    public AutomaticForecaster withBiasLimit(double limit) {
        return new AutomaticForecaster(candidates, origins, minHistory, limit, defaultMethod, margin);
    }

    /** This configuration with another margin a challenger must win by, in [0, 1); 0 is plain selection. */
    public AutomaticForecaster withMargin(double share) {
        return new AutomaticForecaster(candidates, origins, minHistory, biasLimit, defaultMethod, share);
    }

    /** The candidate methods, in tie-breaking order. */
    public List<ForecastMethod> candidates() {
        return candidates;
    }

    /**
     * Forecasts {@code horizon} periods of {@code history} (demand per period, oldest first).
     *
     * @throws IllegalArgumentException if the history is empty or invalid, or horizon &lt; 1
     */
    public SeriesForecast forecast(double[] history, int horizon) {
        requireHorizon(horizon);
        IntermittencyStatistics statistics = IntermittencyStatistics.of(history);
        DemandClass demandClass = statistics.demandClass();
        int n = history.length;
        if (statistics.nonZeroPeriods() == 0) {
            return new SeriesForecast("Zero", "no demand in " + n + " periods: forecast 0",
                    demandClass, statistics, new double[horizon], 0);
        }
        if (n < minHistory) {
            boolean sparse = demandClass == DemandClass.INTERMITTENT || demandClass == DemandClass.LUMPY;
            ForecastMethod fallback = sparse ? CrostonSBA.withDefaults() : HistoricAverage.create();
            return fitted(fallback, history, horizon, statistics,
                    "short history (" + n + " < " + minHistory + " periods): fallback for " + demandClass);
        }
        int v = Math.max(1, Math.min(horizon, n / 4));
        int[] starts = origins(n, v);
        boolean intermittent = demandClass == DemandClass.INTERMITTENT || demandClass == DemandClass.LUMPY;
        // The demand over the same (origin, step) cells the errors are pooled over.
        double validationDemand = 0;
        int cells = 0;
        for (int origin : starts) {
            for (int t = origin; t < Math.min(n, origin + horizon); t++) {
                validationDemand += history[t];
                cells++;
            }
        }
        validationDemand /= cells;
        int best = -1;
        double bestMse = Double.POSITIVE_INFINITY;
        int bestAny = -1;
        double bestAnyMse = Double.POSITIVE_INFINITY;
        int defaultIndex = -1;
        double defaultMse = Double.NaN;
        boolean defaultBiased = true;
        double[] biases = new double[candidates.size()];
        for (int m = 0; m < candidates.size(); m++) {
            ForecastMethod method = candidates.get(m);
            if (intermittent && method instanceof HoltDamped && candidates.size() > 1) {
                continue;
            }
            double sse = 0;
            double sum = 0;
            for (int origin : starts) {
                double[] train = Arrays.copyOf(history, origin);
                int steps = Math.min(horizon, n - origin);
                double[] f = method.fit(train).forecast(steps);
                for (int h = 0; h < steps; h++) {
                    double e = f[h] - history[origin + h];
                    sse += e * e;
                    sum += e;
                }
            }
            double mse = sse / cells;
            biases[m] = sum / cells;
            if (mse < bestAnyMse) {
                bestAny = m;
                bestAnyMse = mse;
            }
            if (intermittent && method instanceof Naive) {
                continue;
            }
            boolean biased = validationDemand > 0 && Math.abs(biases[m]) >= biasLimit * validationDemand;
            if (method.alias().equals(defaultMethod.alias()) && defaultIndex < 0) {
                defaultIndex = m;
                defaultMse = mse;
                defaultBiased = biased;
            }
            if (!biased && mse < bestMse) {
                best = m;
                bestMse = mse;
            }
        }
        String reason;
        String where = String.format(Locale.ROOT, "%d candidates on %d origins over the last %d periods",
                candidates.size(), starts.length, v);
        if (best < 0) {
            best = bestAny;
            reason = "least squared error of " + where
                    + ", Naive included; every candidate failed the bias guard: demand collapsed or jumped";
        } else if (defaultIndex >= 0 && !defaultBiased && best != defaultIndex
                && !(bestMse < (1 - margin) * defaultMse)) {
            reason = String.format(Locale.ROOT,
                    "default: no challenger beat its squared error by %.0f%% (best %s, RMSE %.3g vs %.3g) among %s",
                    100 * margin, candidates.get(best).alias(), Math.sqrt(bestMse), Math.sqrt(defaultMse), where);
            best = defaultIndex;
        } else if (best == defaultIndex) {
            reason = String.format(Locale.ROOT, "default, and least squared error (RMSE %.3g, bias %+.3g) of %s",
                    Math.sqrt(bestMse), biases[best], where);
        } else {
            reason = String.format(Locale.ROOT, "least squared error (RMSE %.3g, bias %+.3g) of %s%s",
                    Math.sqrt(bestMse), biases[best], where,
                    defaultBiased && defaultIndex >= 0 ? "; the default failed the bias guard" : "");
        }
        return fitted(candidates.get(best), history, horizon, statistics, reason);
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
        return new AutomaticForecaster(withBase, origins, minHistory, biasLimit, defaultMethod, margin)
                .forecast(history, horizon);
    }

    /** Forecast origins: {@code origins} starts spread evenly over the last {@code v} periods. */
    int[] origins(int n, int v) {
        int k = Math.min(origins, v);
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = n - v + (int) ((long) i * v / k);
        }
        return out;
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
        FittedForecast fit = method.fit(history);
        return new SeriesForecast(method.alias(), reason, statistics.demandClass(), statistics,
                fit.forecast(horizon), inSampleMse(history, fit.fitted()));
    }

    /** Mean squared one-step error over the periods with a fitted value; 0 if there are none. */
    static double inSampleMse(double[] y, double[] fitted) {
        double sse = 0;
        int n = 0;
        for (int t = 0; t < y.length; t++) {
            if (!Double.isNaN(fitted[t])) {
                double e = y[t] - fitted[t];
                sse += e * e;
                n++;
            }
        }
        return n == 0 ? 0 : sse / n;
    }

    private static void requireHorizon(int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        }
    }
}
