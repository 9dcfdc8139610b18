package com.sparecast.models.distribution;

import org.apache.commons.statistics.distribution.PoissonDistribution;

/**
 * Poisson demand with mean {@code lambda > 0} (Commons Statistics {@link PoissonDistribution}).
 *
 * <p>Loss function in closed form, from {@code x p(x) = lambda p(x-1)}: with {@code k = floor(s)}
 * and {@code S(j) = P(X > j)}, {@code E[(X - s)+] = lambda S(k - 1) - s S(k)} for {@code s >= 0},
 * and {@code lambda - s} for {@code s < 0} (Silver, Pyke &amp; Thomas 2017, appendix B).
 */
public final class PoissonDemand implements DemandDistribution {

    private static final long serialVersionUID = 1L;

    private final double lambda;
    /** Rebuilt from {@code lambda} when read back ({@link #readResolve}): Commons Statistics' is not serializable. */
    private final transient PoissonDistribution poisson;

    private PoissonDemand(double lambda) {
        this.lambda = lambda;
        this.poisson = PoissonDistribution.of(lambda);
    }

    private Object readResolve() {
        return new PoissonDemand(lambda);
    }

    /**
     * The Poisson distribution with this mean.
     *
     * @throws IllegalArgumentException if the mean is not finite and &gt; 0
     */
    public static PoissonDemand of(double lambda) {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("Poisson mean must be finite and > 0, got " + lambda);
        }
        return new PoissonDemand(lambda);
    }

    @Override
    public String name() {
        return "Poisson";
    }

    @Override
    public double mean() {
        return lambda;
    }

    @Override
    public double variance() {
        return lambda;
    }

    @Override
    public double quantile(double p) {
        Distributions.requireProbability(p);
        return poisson.inverseCumulativeProbability(p);
    }

    @Override
    public double cdf(double x) {
        if (x < 0) {
            return 0;
        }
        return poisson.cumulativeProbability((int) Math.min(Integer.MAX_VALUE, Math.floor(x)));
    }

    @Override
    public double expectedShortage(double s) {
        if (s < 0) {
            return lambda - s;
        }
        int k = (int) Math.min(Integer.MAX_VALUE - 1, Math.floor(s));
        double above = poisson.survivalProbability(k);
        double atOrAbove = k == 0 ? 1 : poisson.survivalProbability(k - 1);
        return Math.max(0, lambda * atOrAbove - s * above);
    }
}
