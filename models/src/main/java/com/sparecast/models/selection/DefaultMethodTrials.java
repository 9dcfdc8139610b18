package com.sparecast.models.selection;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link AutomaticForecaster#defaultTrial trials} of a data set's series, summed: for each
 * candidate, the mean RMSSE the automatic choice reaches with it as the default. The sums are
 * kept in fixed point (units of 1e-9), so that adding series in any order, on any number of
 * threads or Spark partitions, gives the same means and the same choice to the last bit.
 *
 * <p>Immutable and serializable (Spark reduces it across executors).
 */
public final class DefaultMethodTrials implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final double UNIT = 1e-9;
    /** RMSSE beyond this counts as this: one wild series must not overflow the sums. */
    private static final double CAP = 1e6;

    private final List<String> aliases;
    private final long[] sums;
    private final long series;

    private DefaultMethodTrials(List<String> aliases, long[] sums, long series) {
        this.aliases = List.copyOf(aliases);
        this.sums = sums;
        this.series = series;
    }

    /** No series yet. */
    public static DefaultMethodTrials empty(List<String> aliases) {
        return new DefaultMethodTrials(aliases, new long[aliases.size()], 0);
    }

    /** One series' trial (null, or one with a non-finite value: the series is not counted). */
    public static DefaultMethodTrials of(List<String> aliases, double[] trial) {
        if (trial == null || Arrays.stream(trial).anyMatch(v -> !Double.isFinite(v))) {
            return empty(aliases);
        }
        if (trial.length != aliases.size()) {
            throw new IllegalArgumentException("a trial has one RMSSE per candidate: " + aliases.size()
                    + " expected, got " + trial.length);
        }
        long[] sums = new long[trial.length];
        for (int m = 0; m < trial.length; m++) {
            sums[m] = Math.round(Math.min(trial[m], CAP) / UNIT);
        }
        return new DefaultMethodTrials(aliases, sums, 1);
    }

    /** Both sets of series together. */
    public DefaultMethodTrials merge(DefaultMethodTrials other) {
        if (!aliases.equals(other.aliases)) {
            throw new IllegalArgumentException("trials of different candidates: " + aliases + " and " + other.aliases);
        }
        long[] out = new long[sums.length];
        for (int m = 0; m < out.length; m++) {
            out[m] = sums[m] + other.sums[m];
        }
        return new DefaultMethodTrials(aliases, out, series + other.series);
    }

    /** Number of series counted. */
    public long series() {
        return series;
    }

    /** Mean RMSSE of the automatic choice with each candidate as the default, in candidate order. */
    public Map<String, Double> means() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int m = 0; m < sums.length; m++) {
            out.put(aliases.get(m), series == 0 ? Double.NaN : sums[m] * UNIT / series);
        }
        return out;
    }

    /**
     * The candidate with the least mean; ties go to the earlier candidate.
     *
     * @throws IllegalStateException if no series was counted
     */
    public String best() {
        if (series == 0) {
            throw new IllegalStateException("no series with a trial: the default cannot be chosen on this data");
        }
        int best = 0;
        for (int m = 1; m < sums.length; m++) {
            if (sums[m] < sums[best]) {
                best = m;
            }
        }
        return aliases.get(best);
    }
}
