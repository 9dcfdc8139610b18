package com.sparecast.models.distribution;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Demand given by a sample (the bootstrap's replicates), each value with weight {@code 1 / N}.
 * Quantile: the smallest sample value {@code x} with {@code F(x) >= p}; loss function: the sample
 * mean of {@code (x - s)+}.
 */
public final class EmpiricalDemand implements DemandDistribution {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final double[] sorted;
    private final double mean;
    private final double variance;
    /** Suffix sums of the sorted sample: {@code tail[i] = sum_{j >= i} sorted[j]}. */
    private final transient double[] tail;

    private EmpiricalDemand(String name, double[] sorted) {
        this.name = name;
        this.sorted = sorted;
        int n = sorted.length;
        this.tail = new double[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            tail[i] = tail[i + 1] + sorted[i];
        }
        this.mean = tail[0] / n;
        double ss = 0;
        for (double x : sorted) {
            ss += (x - mean) * (x - mean);
        }
        this.variance = ss / n;
    }

    /**
     * Serialized as its runs of equal values: a bootstrap's 1,000 sorted replicates of a count
     * hold a few dozen distinct values, and the nightly plan stages one or two of these per line.
     */
    private Object writeReplace() {
        return new Runs(this);
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("an empirical distribution is read through its runs");
    }

    /** The serialized form: each distinct value of the sorted sample and how often it occurs. */
    private static final class Runs implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String name;
        private final double[] values;
        private final int[] counts;

        Runs(EmpiricalDemand d) {
            double[] sorted = d.sorted;
            double[] distinct = new double[sorted.length];
            int[] times = new int[sorted.length];
            int runs = 0;
            long previous = 0;
            for (int i = 0; i < sorted.length; i++) {
                long bits = Double.doubleToRawLongBits(sorted[i]);
                if (i == 0 || bits != previous) {
                    distinct[runs++] = sorted[i];
                    previous = bits;
                }
                times[runs - 1]++;
            }
            this.name = d.name;
            this.values = Arrays.copyOf(distinct, runs);
            this.counts = Arrays.copyOf(times, runs);
        }

        /** Read back with the suffix sums worked out again rather than stored. */
        private Object readResolve() {
            double[] sorted = new double[Arrays.stream(counts).sum()];
            int at = 0;
            for (int run = 0; run < values.length; run++) {
                Arrays.fill(sorted, at, at + counts[run], values[run]);
                at += counts[run];
            }
            return new EmpiricalDemand(name, sorted);
        }
    }

    /**
     * The distribution of this sample (copied), called {@code name} in plans ("Bootstrap").
     *
     * @throws IllegalArgumentException if the sample is empty
     */
    public static EmpiricalDemand of(String name, double[] sample) {
        if (sample.length == 0) {
            throw new IllegalArgumentException("empirical distribution needs at least one value");
        }
        double[] sorted = sample.clone();
        Arrays.sort(sorted);
        return new EmpiricalDemand(name, sorted);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double mean() {
        return mean;
    }

    @Override
    public double variance() {
        return variance;
    }

    /** The number of replicates. */
    int size() {
        return sorted.length;
    }

    @Override
    public double quantile(double p) {
        Distributions.requireProbability(p);
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    @Override
    public double cdf(double x) {
        return (double) upper(x) / sorted.length;
    }

    @Override
    public double expectedShortage(double s) {
        int i = upper(s);
        int above = sorted.length - i;
        return (tail[i] - s * above) / sorted.length;
    }

    /** Number of sample values {@code <= x}. */
    private int upper(double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
