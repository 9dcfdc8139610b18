package com.sparecast.models.selection;

import com.sparecast.models.forecast.CrostonSBA;
import com.sparecast.models.forecast.FittedForecast;
import com.sparecast.models.forecast.ForecastMethod;
import com.sparecast.models.forecast.HistoricAverage;
import com.sparecast.models.forecast.Methods;
import com.sparecast.models.series.DemandClass;
import com.sparecast.models.series.IntermittencyStatistics;
import java.io.Serializable;
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
 *   <li>A candidate whose mean validation error (forecast minus outcome) exceeds
 *       {@code biasLimit} times the history's mean demand in absolute value is set aside (the bias
 *       guard), unless every candidate is. The one with the least pooled squared error (equal to
 *       ranking on RMSSE, since the scale is the series' own) is chosen; ties go to the earlier
 *       candidate. MASE is never used: it rewards forecasting zero.</li>
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
    /** Default bias guard, as a share of the mean demand. */
    public static final double DEFAULT_BIAS_LIMIT = 0.5;

    private final List<ForecastMethod> candidates;
    private final int origins;
    private final int minHistory;
    private final double biasLimit;

    private AutomaticForecaster(List<ForecastMethod> candidates, int origins, int minHistory, double biasLimit) {
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
        this.candidates = List.copyOf(candidates);
        this.origins = origins;
        this.minHistory = minHistory;
        this.biasLimit = biasLimit;
    }

    /** The standard candidates ({@link Methods#standard()}), 3 origins, 16 periods, bias limit 0.5. */
    public static AutomaticForecaster withDefaults() {
        return new AutomaticForecaster(Methods.standard(), DEFAULT_ORIGINS, DEFAULT_MIN_HISTORY, DEFAULT_BIAS_LIMIT);
    }

    /** This configuration with other candidates. */
    public AutomaticForecaster withCandidates(List<ForecastMethod> methods) {
        return new AutomaticForecaster(methods, origins, minHistory, biasLimit);
    }

    /** This configuration with another number of rolling origins, {@code >= 1}. */
    public AutomaticForecaster withOrigins(int count) {
        return new AutomaticForecaster(candidates, count, minHistory, biasLimit);
    }

    /** This configuration with another shortest backtested history, {@code >= 4}. */
    public AutomaticForecaster withMinHistory(int periods) {
        return new AutomaticForecaster(candidates, origins, periods, biasLimit);
    }

    /** This configuration with another bias guard, {@code > 0}. */
    public AutomaticForecaster withBiasLimit(double limit) {
        return new AutomaticForecaster(candidates, origins, minHistory, limit);
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
            boolean intermittent = demandClass == DemandClass.INTERMITTENT || demandClass == DemandClass.LUMPY;
            ForecastMethod fallback = intermittent ? CrostonSBA.withDefaults() : HistoricAverage.create();
            return fitted(fallback, history, horizon, statistics,
                    "short history (" + n + " < " + minHistory + " periods): fallback for " + demandClass);
        }
        int v = Math.max(1, Math.min(horizon, n / 4));
        int[] starts = origins(n, v);
        double mean = 0;
        for (double d : history) {
            mean += d;
        }
        mean /= n;
        int best = -1;
        double bestMse = Double.POSITIVE_INFINITY;
        int bestGuarded = -1;
        double bestGuardedMse = Double.POSITIVE_INFINITY;
        double bestBias = 0;
        for (int m = 0; m < candidates.size(); m++) {
            ForecastMethod method = candidates.get(m);
            double sse = 0;
            double sum = 0;
            int count = 0;
            for (int origin : starts) {
                double[] train = java.util.Arrays.copyOf(history, origin);
                int steps = Math.min(horizon, n - origin);
                double[] f = method.fit(train).forecast(steps);
                for (int h = 0; h < steps; h++) {
                    double e = f[h] - history[origin + h];
                    sse += e * e;
                    sum += e;
                }
                count += steps;
            }
            double mse = sse / count;
            double bias = sum / count;
            boolean biased = Math.abs(bias) > biasLimit * mean;
            if (!biased && mse < bestMse) {
                best = m;
                bestMse = mse;
                bestBias = bias;
            }
            if (mse < bestGuardedMse) {
                bestGuarded = m;
                bestGuardedMse = mse;
            }
        }
        String reason;
        if (best < 0) {
            best = bestGuarded;
            reason = String.format(Locale.ROOT,
                    "least squared error of %d candidates on %d origins over the last %d periods; every candidate failed the bias guard",
                    candidates.size(), starts.length, v);
        } else {
            reason = String.format(Locale.ROOT,
                    "least squared error (RMSE %.3g, bias %+.3g) of %d candidates on %d origins over the last %d periods",
                    Math.sqrt(bestMse), bestBias, candidates.size(), starts.length, v);
        }
        return fitted(candidates.get(best), history, horizon, statistics, reason);
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
