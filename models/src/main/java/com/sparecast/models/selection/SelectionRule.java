package com.sparecast.models.selection;

import com.sparecast.models.forecast.Combination;
import com.sparecast.models.forecast.FittedForecast;
import com.sparecast.models.forecast.ForecastMethod;
import com.sparecast.models.forecast.HoltDamped;
import com.sparecast.models.forecast.Naive;
import com.sparecast.models.series.DemandClass;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The rule that chooses among candidate methods on one history, given a default method.
 *
 * <ol>
 *   <li>Every candidate is fitted once to the whole history and scored from every origin in the
 *       second half of it: the forecast made after {@code o} periods, for {@code o} from
 *       {@code n / 2} to {@code n - 1}, of each of the next {@code horizon} periods up to the end
 *       of the history ({@link FittedForecast#fitted(int)}, the parameters held at their fitted
 *       values). An origin counts when every candidate has a forecast from it. On weekly data
 *       that is some 70 origins and 1,500 errors per candidate instead of a dozen: the validation
 *       errors of intermittent demand are too noisy to choose on a few origins, and a trailing run
 *       of zeros, which a few recent origins would reward following, weighs only its share.</li>
 *   <li>The bias guard: when those periods had demand, a candidate whose mean error (forecast
 *       minus outcome) is at least {@code biasLimit} times their mean demand, in absolute value,
 *       is set aside: with the default limit 1, a forecast that was more than twice the demand, or
 *       next to nothing where there was demand.</li>
 *   <li>Of the rest, the one with the least squared error (equal to ranking on RMSSE, since the
 *       scale is the series' own) challenges the default method: the challenger is chosen only if
 *       its squared error is below {@code (1 - margin)} times the default's, or if the default
 *       failed the bias guard. Ties go to the earlier candidate. MASE is never used: it rewards
 *       forecasting zero.</li>
 *   <li>A {@link Combination} candidate is built from its members' fits where they are candidates
 *       (each member is fitted once per series) and is scored like any other.</li>
 *   <li>{@link HoltDamped} does not take part for intermittent and lumpy series, unless it is
 *       the only candidate: a trend in intermittent demand is noise.</li>
 *   <li>{@link Naive} is scored on every series but is neither challenger nor default for
 *       intermittent and lumpy ones (its forecast is the last period's zero or spike). When every
 *       challenger failed the bias guard, the least squared error of all candidates that take
 *       part, Naive included, is chosen: demand collapsed or jumped.</li>
 * </ol>
 *
 * <p>Immutable, thread-safe and serializable.
 *
 * <p>Tashman (2000), "Out-of-sample tests of forecasting accuracy", IJF 16(4) (rolling origin);
 * Hyndman &amp; Koehler (2006), IJF 22(4); Kourentzes (2014), "On intermittent demand model
 * optimisation and selection", IJPE 156 (why not MASE).
 */
final class SelectionRule implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<ForecastMethod> candidates;
    private final double biasLimit;
    private final double margin;

    /**
     * @param candidates the candidate methods, in tie-breaking order; at least one
     * @param biasLimit the bias guard, as a share of the mean demand; &gt; 0
     * @param margin the share of the default's squared error a challenger must win by; in [0, 1)
     * @throws IllegalArgumentException if a value is out of its range
     */
    SelectionRule(List<ForecastMethod> candidates, double biasLimit, double margin) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("at least one candidate method is needed");
        }
        if (!(biasLimit > 0)) {
            throw new IllegalArgumentException("biasLimit must be > 0, got " + biasLimit);
        }
        if (!(margin >= 0 && margin < 1)) {
            throw new IllegalArgumentException("margin must be in [0, 1), got " + margin);
        }
        this.candidates = List.copyOf(candidates);
        this.biasLimit = biasLimit;
        this.margin = margin;
    }

    /** The candidate methods, in tie-breaking order. */
    List<ForecastMethod> candidates() {
        return candidates;
    }

    double biasLimit() {
        return biasLimit;
    }

    double margin() {
        return margin;
    }

    /** This rule with other candidates. */
    SelectionRule withCandidates(List<ForecastMethod> methods) {
        return new SelectionRule(methods, biasLimit, margin);
    }

    /** This rule with another bias guard, {@code > 0}. */
    SelectionRule withBiasLimit(double limit) {
        return new SelectionRule(candidates, limit, margin);
    }

    /** This rule with another margin, in [0, 1). */
    SelectionRule withMargin(double share) {
        return new SelectionRule(candidates, biasLimit, share);
    }

    /**
     * Every candidate fitted to the history and scored from every origin of its second half; null
     * if no origin has a forecast from every candidate.
     */
    Scores score(double[] history, int horizon, DemandClass demandClass) {
        int n = history.length;
        boolean intermittent = demandClass == DemandClass.INTERMITTENT || demandClass == DemandClass.LUMPY;
        int count = candidates.size();
        boolean[] takesPart = new boolean[count];
        FittedForecast[] fits = new FittedForecast[count];
        for (int m = 0; m < count; m++) {
            takesPart[m] = !(intermittent && candidates.get(m) instanceof HoltDamped && count > 1);
            if (takesPart[m] && !(candidates.get(m) instanceof Combination)) {
                fits[m] = candidates.get(m).fit(history);
            }
        }
        for (int m = 0; m < count; m++) {
            if (takesPart[m] && candidates.get(m) instanceof Combination c) {
                fits[m] = combine(c, fits, history);
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

    /**
     * A combination from its members' fits where they are candidates fitted here (each member is
     * fitted once per series), otherwise fitted on its own.
     */
    private FittedForecast combine(Combination c, FittedForecast[] fits, double[] history) {
        List<ForecastMethod> members = c.members();
        FittedForecast[] memberFits = new FittedForecast[members.size()];
        for (int i = 0; i < memberFits.length; i++) {
            String alias = members.get(i).alias();
            for (int m = 0; m < candidates.size() && memberFits[i] == null; m++) {
                if (candidates.get(m).alias().equals(alias) && !(candidates.get(m) instanceof Combination)) {
                    memberFits[i] = fits[m];
                }
            }
            if (memberFits[i] == null) {
                memberFits[i] = members.get(i).fit(history);
            }
        }
        return c.combine(memberFits);
    }

    private static int origins(boolean[] scored) {
        int k = 0;
        for (boolean b : scored) {
            k += b ? 1 : 0;
        }
        return k;
    }

    /** The candidates' scores on one history; choices for any default are made from them. */
    final class Scores {
        private final FittedForecast[] fits;
        private final boolean[] takesPart;
        private final boolean[] eligible;
        private final double[] mse;
        private final double[] bias;
        private final boolean[] biased;
        private final String where;

        private Scores(FittedForecast[] fits, boolean[] takesPart, boolean[] eligible, double[] mse, double[] bias,
                       boolean[] biased, String where) {
            this.fits = fits;
            this.takesPart = takesPart;
            this.eligible = eligible;
            this.mse = mse;
            this.bias = bias;
            this.biased = biased;
            this.where = where;
        }

        /** Candidate {@code m} fitted to the history; null if it did not take part. */
        FittedForecast fit(int m) {
            return fits[m];
        }

        /** Candidate {@code m} as the default, or -1 where it cannot be (not eligible for this series). */
        int defaultIndex(int m) {
            return takesPart[m] && eligible[m] ? m : -1;
        }

        /** The candidate called {@code alias} as the default, or -1 where it cannot be (or is no candidate). */
        int defaultIndex(String alias) {
            for (int m = 0; m < candidates.size(); m++) {
                if (candidates.get(m).alias().equals(alias)) {
                    return defaultIndex(m);
                }
            }
            return -1;
        }

        /** Candidate {@code m}'s mean squared error from the scored origins (0 if it did not take part). */
        double mse(int m) {
            return mse[m];
        }

        /** Whether candidate {@code m} took part, is eligible for this series and passed the bias guard. */
        boolean usable(int m) {
            return takesPart[m] && eligible[m] && !biased[m];
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

        /** The candidate chosen with {@code defaultIndex} as the default (-1: no default). */
        int choose(int defaultIndex) {
            int best = best();
            if (best < 0) {
                return bestAny();
            }
            return keepsDefault(best, defaultIndex) ? defaultIndex : best;
        }

        /** Why {@code chosen} was chosen with {@code defaultIndex} as the default, for the planner. */
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
}
