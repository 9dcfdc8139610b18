package com.sparecast.jobs.backtest;

import com.sparecast.jobs.input.DemandHistory;
import com.sparecast.jobs.input.DemandHistory.SeriesData;
import com.sparecast.jobs.input.InstalledBaseFile;
import com.sparecast.models.distribution.DemandDistribution;
import com.sparecast.models.distribution.LeadTimeDemandModel;
import com.sparecast.models.forecast.ForecastMethod;
import com.sparecast.models.selection.AutomaticForecaster;
import com.sparecast.models.selection.DefaultMethodTrials;
import com.sparecast.models.selection.ErrorMeasures;
import com.sparecast.models.selection.SeriesForecast;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The holdout backtest behind {@code sparecast backtest}: every series is cut into a training
 * part and its last {@code holdout} periods; each method, and the automatic choice, forecasts
 * {@code horizon} periods from the training part only, and the first {@code min(horizon, holdout)}
 * are compared with the outcomes. Series run in parallel on all cores; results are reduced in
 * series order, so the figures do not depend on the number of cores.
 */
public final class Backtest {

    /** Name of the automatic choice in the results. */
    public static final String AUTO = "Auto";

    private static final double[] INTERVALS = {0.1, 0.9, 0.025, 0.975};

    /** Per-method timings are CPU time: wall time would charge a method for other processes' load. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private Backtest() {
    }

    /**
     * Accuracy of one method over all series.
     *
     * @param maseMean mean MASE over the series with a non-zero scale
     * @param maseMedian median MASE
     * @param rmsseMean mean RMSSE
     * @param maeMean mean MAE
     * @param biasMean mean bias (forecast minus outcome)
     * @param coverage80 share of outcomes inside the central 80% interval, an outcome on an atom
     *     of the distribution counted by the share of the atom's probability inside (see {@link #inside})
     * @param coverage95 the same for the central 95% interval
     * @param seconds CPU time of the method's work (fit, forecast, distribution), summed over threads
     * @param coverage80Plain share of outcomes {@code y} with {@code q(0.1) <= y <= q(0.9)}, atoms counted whole
     * @param coverage95Plain share with {@code q(0.025) <= y <= q(0.975)}
     */
    public record MethodResult(double maseMean, double maseMedian, double rmsseMean, double maeMean,
                               double biasMean, double coverage80, double coverage95, double seconds,
                               double coverage80Plain, double coverage95Plain) {
    }

    /**
     * The whole backtest.
     *
     * @param series number of series read
     * @param excluded series left out of the means (training shorter than 2 periods or a zero naive scale)
     * @param methods results by alias, in the order run, {@code Auto} last
     * @param autoChoices how often the automatic choice took each method
     * @param autoDefault the automatic choice's default method
     * @param defaultTrials mean RMSSE of the automatic choice with each candidate as the default, on
     *     the last periods of the training parts (empty if the default was given)
     * @param defaultSeconds elapsed time of choosing the default
     * @param wallSeconds elapsed time
     */
    public record Result(int series, int excluded, Map<String, MethodResult> methods,
                         Map<String, Integer> autoChoices, String autoDefault, Map<String, Double> defaultTrials,
                         double defaultSeconds, double wallSeconds) {
    }

    private record SeriesScore(boolean scored, boolean usable, double[] mase, double[] rmsse, double[] mae,
                               double[] bias, double[] in80, double[] in95, int[] plain80, int[] plain95, int steps,
                               long[] nanos, String autoMethod) {
    }

    /**
     * Runs the backtest; {@code auto} chooses per series from the training part, with its default
     * chosen on the training parts ({@link AutomaticForecaster#withDefaultChosenOn}).
     */
    public static Result run(DemandHistory history, int horizon, int holdout, List<ForecastMethod> methods,
                             AutomaticForecaster auto) {
        return run(history, horizon, holdout, methods, auto, true, null);
    }

    /**
     * Runs the backtest; {@code auto} chooses per series from the training part, with the
     * installed-base method as one more candidate where {@code base} (may be null) covers the
     * series. With {@code chooseDefault}, the automatic choice's default is chosen on the training
     * parts first (never on the held-out periods); otherwise {@code auto}'s default is kept.
     */
    public static Result run(DemandHistory history, int horizon, int holdout, List<ForecastMethod> methods,
                             AutomaticForecaster configured, boolean chooseDefault, InstalledBaseFile base) {
        long t0 = System.nanoTime();
        Map<String, Double> trials = Map.of();
        AutomaticForecaster auto = configured;
        if (chooseDefault) {
            List<double[]> training = history.series().stream()
                    .filter(s -> s.demand().length - holdout >= 2)
                    .map(s -> Arrays.copyOf(s.demand(), s.demand().length - holdout))
                    .toList();
            DefaultMethodTrials t = configured.trialsOn(training, horizon);
            trials = t.means();
            auto = t.series() == 0 ? configured : configured.withDefault(t.best());
        }
        double defaultSeconds = (System.nanoTime() - t0) / 1e9;
        LeadTimeDemandModel model = LeadTimeDemandModel.withDefaults();
        int m = methods.size() + 1;
        AutomaticForecaster chosen = auto;
        List<SeriesScore> scores = history.series().parallelStream()
                .map(s -> score(s, horizon, holdout, methods, chosen, model, base))
                .toList();
        List<List<Double>> mase = new ArrayList<>();
        List<List<Double>> rmsse = new ArrayList<>();
        double[] maeSum = new double[m];
        double[] biasSum = new double[m];
        double[] in80 = new double[m];
        double[] in95 = new double[m];
        long[] plain80 = new long[m];
        long[] plain95 = new long[m];
        long[] nanos = new long[m];
        long steps = 0;
        int used = 0;
        for (int i = 0; i < m; i++) {
            mase.add(new ArrayList<>());
            rmsse.add(new ArrayList<>());
        }
        Map<String, Integer> choices = new TreeMap<>();
        for (SeriesScore s : scores) {
            if (!s.usable()) {
                continue;
            }
            steps += s.steps();
            choices.merge(s.autoMethod(), 1, Integer::sum);
            for (int i = 0; i < m; i++) {
                in80[i] += s.in80()[i];
                in95[i] += s.in95()[i];
                plain80[i] += s.plain80()[i];
                plain95[i] += s.plain95()[i];
                nanos[i] += s.nanos()[i];
            }
            if (!s.scored()) {
                continue;
            }
            used++;
            for (int i = 0; i < m; i++) {
                mase.get(i).add(s.mase()[i]);
                rmsse.get(i).add(s.rmsse()[i]);
                maeSum[i] += s.mae()[i];
                biasSum[i] += s.bias()[i];
            }
        }
        Map<String, MethodResult> results = new LinkedHashMap<>();
        for (int i = 0; i < m; i++) {
            String alias = i < methods.size() ? methods.get(i).alias() : AUTO;
            results.put(alias, new MethodResult(mean(mase.get(i)), median(mase.get(i)), mean(rmsse.get(i)),
                    used == 0 ? Double.NaN : maeSum[i] / used, used == 0 ? Double.NaN : biasSum[i] / used,
                    share(in80[i], steps), share(in95[i], steps), nanos[i] / 1e9,
                    share(plain80[i], steps), share(plain95[i], steps)));
        }
        return new Result(history.series().size(), history.series().size() - used, results, choices,
                auto.defaultMethod(), trials, defaultSeconds, (System.nanoTime() - t0) / 1e9);
    }

    private static SeriesScore score(SeriesData s, int horizon, int holdout, List<ForecastMethod> methods,
                                     AutomaticForecaster auto, LeadTimeDemandModel model, InstalledBaseFile base) {
        double[] y = s.demand();
        int n = y.length - holdout;
        int m = methods.size() + 1;
        if (n < 2) {
            return new SeriesScore(false, false, null, null, null, null, null, null, null, null, 0, null, null);
        }
        double[] train = Arrays.copyOf(y, n);
        int steps = Math.min(horizon, holdout);
        double[] actual = Arrays.copyOfRange(y, n, n + steps);
        double[] scale = ErrorMeasures.naiveScale(train);
        boolean scored = scale[0] > 0 && scale[1] > 0;
        double[] mase = new double[m];
        double[] rmsse = new double[m];
        double[] mae = new double[m];
        double[] bias = new double[m];
        double[] in80 = new double[m];
        double[] in95 = new double[m];
        int[] plain80 = new int[m];
        int[] plain95 = new int[m];
        long[] nanos = new long[m];
        String chosen = null;
        for (int i = 0; i < m; i++) {
            long start = CPU.getCurrentThreadCpuTime();
            SeriesForecast f = i < methods.size()
                    ? AutomaticForecaster.forecastWith(methods.get(i), train, horizon)
                    : auto.forecast(train, horizon, base == null ? null
                            : base.unitsFor(s.partNo(), s.region(), s.start(), n + horizon));
            DemandDistribution[] periods = model.perPeriod(f);
            nanos[i] = CPU.getCurrentThreadCpuTime() - start;
            if (i == methods.size()) {
                chosen = f.method();
            }
            double[] forecast = Arrays.copyOf(f.mean(), steps);
            ErrorMeasures e = ErrorMeasures.of(train, actual, forecast);
            mase[i] = e.mase();
            rmsse[i] = e.rmsse();
            mae[i] = e.mae();
            bias[i] = e.bias();
            for (int h = 0; h < steps; h++) {
                double[] q = new double[INTERVALS.length];
                for (int j = 0; j < q.length; j++) {
                    q[j] = periods[h].quantile(INTERVALS[j]);
                }
                if (actual[h] >= q[0] && actual[h] <= q[1]) {
                    plain80[i]++;
                }
                if (actual[h] >= q[2] && actual[h] <= q[3]) {
                    plain95[i]++;
                }
                in80[i] += inside(periods[h], actual[h], 0.1, 0.9);
                in95[i] += inside(periods[h], actual[h], 0.025, 0.975);
            }
        }
        return new SeriesScore(scored, true, mase, rmsse, mae, bias, in80, in95, plain80, plain95, steps, nanos,
                chosen);
    }

    /**
     * How much of outcome {@code y} lies inside the central interval between probabilities
     * {@code lo} and {@code hi}: the probability that the randomised PIT
     * {@code u ~ Uniform(F(y-), F(y))} falls in {@code [lo, hi]} (Czado, Gneiting &amp; Held 2009,
     * "Predictive model assessment for count data", Biometrics 65(4)). For a continuous
     * distribution this is 1 or 0, the plain definition; for a count distribution an outcome on an
     * atom counts by the share of the atom inside, so that a calibrated forecast covers exactly the
     * nominal share. Counting atoms whole, a series with 90% zeros would be covered at least 90% by
     * every interval, whatever its nominal level.
     */
    static double inside(DemandDistribution d, double y, double lo, double hi) {
        double upper = d.cdf(y);
        double lower = d.cdf(Math.nextDown(y));
        if (upper - lower <= 1e-12) {
            return upper >= lo && upper <= hi ? 1 : 0;
        }
        double overlap = Math.min(upper, hi) - Math.max(lower, lo);
        return Math.max(0, overlap) / (upper - lower);
    }

    private static double share(double count, long steps) {
        return steps == 0 ? Double.NaN : count / steps;
    }

    private static double mean(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.size();
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] a = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int k = a.length / 2;
        return a.length % 2 == 1 ? a[k] : (a[k - 1] + a[k]) / 2;
    }
}
