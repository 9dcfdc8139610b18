package com.sparecast.models.inventory;

import com.sparecast.models.distribution.DemandDistribution;
import java.io.Serializable;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A normal distribution with given mean and variance, as the classic safety-stock baseline
 * the policy is compared with (the simulator's "normal approximation" column).
 *
 * <p>Loss function {@code E[(X - s)+] = sigma * G_u(z)}, {@code G_u(z) = phi(z) - z (1 - Phi(z))},
 * {@code z = (s - mu) / sigma} (Silver, Pyke &amp; Thomas, 2017, Appendix B). A zero variance
 * is a point mass at the mean. Quantiles are not rounded: the policy rounds levels itself.
 */
public final class NormalApproximation implements DemandDistribution, Serializable {

    private static final long serialVersionUID = 1L;
    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

    private final double mean;
    private final double sd;

    private NormalApproximation(double mean, double sd) {
        this.mean = mean;
        this.sd = sd;
    }

    /**
     * The normal distribution with this mean and variance.
     *
     * @throws IllegalArgumentException if the mean is not finite or the variance is negative or not finite
     */
    public static NormalApproximation of(double mean, double variance) {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("mean must be finite, got " + mean);
        }
        if (!(variance >= 0) || Double.isInfinite(variance)) {
            throw new IllegalArgumentException("variance must be finite and >= 0, got " + variance);
        }
        return new NormalApproximation(mean, Math.sqrt(variance));
    }

    /** The normal distribution with the mean and variance of {@code d}. */
    public static NormalApproximation matching(DemandDistribution d) {
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
