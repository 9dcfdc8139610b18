package com.sparecast.models.distribution;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Normally distributed demand, truncated at no point: the classic approximation, and the
 * safety-stock baseline the policy simulator compares with.
 * Loss function {@code E[(X-s)+] = sigma * (phi(z) - z * (1 - Phi(z)))}, {@code z = (s - mu)/sigma}
 * (Silver, Pyke &amp; Thomas, 2017, eq. B.6). A zero variance gives a point mass at the mean.
 * Quantiles are not rounded: the policy rounds levels itself.
 */
public final class NormalDemand implements DemandDistribution {

    private static final long serialVersionUID = 1L;
    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

    private final double mean;
    private final double sd;

    private NormalDemand(double mean, double variance) {
        this.mean = mean;
        this.sd = Math.sqrt(variance);
    }

    /**
     * The normal distribution with this mean and variance.
     *
     * @throws IllegalArgumentException if the mean is not finite or the variance is negative or not finite
     */
    public static NormalDemand of(double mean, double variance) {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("mean must be finite, got " + mean);
        }
        if (!(variance >= 0) || Double.isInfinite(variance)) {
            throw new IllegalArgumentException("variance must be finite and >= 0, got " + variance);
        }
        return new NormalDemand(mean, variance);
    }

    /** The normal distribution with the mean and variance of {@code d}. */
    public static NormalDemand matching(DemandDistribution d) {
        return of(d.mean(), d.variance());
    }

    @Override
    public String name() {
        return "Normal";
    }

    @Override
    public double mean() {
        return mean;
    }

    @Override
    public double variance() {
        return sd * sd;
    }

    @Override
    public double quantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must be in (0, 1), got " + p);
        }
        return sd == 0 ? mean : mean + sd * STANDARD.inverseCumulativeProbability(p);
    }

    @Override
    public double cdf(double x) {
        if (sd == 0) {
            return x >= mean ? 1 : 0;
        }
        return STANDARD.cumulativeProbability((x - mean) / sd);
    }

    @Override
    public double expectedShortage(double s) {
        if (sd == 0) {
            return Math.max(0, mean - s);
        }
        double z = (s - mean) / sd;
        return sd * (STANDARD.density(z) - z * STANDARD.survivalProbability(z));
    }
}
