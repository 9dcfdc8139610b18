package com.sparecast.models.inventory;

import com.sparecast.models.distribution.DemandDistribution;
import org.apache.commons.statistics.distribution.DiscreteDistribution;
import org.apache.commons.statistics.distribution.PascalDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/**
 * Test-only discrete demand on Commons Statistics, so the inventory formulas can be pinned to R
 * without depending on the distribution package (developed elsewhere).
 *
 * <p>Loss function for integer-valued demand: {@code E[(X - s)+] = E[X] - s + sum_{x <= s} (s - x) P(X = x)}
 * for {@code s >= 0}, and {@code E[X] - s} for {@code s < 0}.
 */
final class DiscreteTestDemand implements DemandDistribution {

    private final String name;
    private final DiscreteDistribution d;

    private DiscreteTestDemand(String name, DiscreteDistribution d) {
        this.name = name;
        this.d = d;
    }

    static DiscreteTestDemand poisson(double mean) {
        return new DiscreteTestDemand("Poisson", PoissonDistribution.of(mean));
    }

    /** R's {@code dnbinom(x, size, prob)}: failures before the size-th success. */
    static DiscreteTestDemand negativeBinomial(int size, double prob) {
        return new DiscreteTestDemand("NegativeBinomial", PascalDistribution.of(size, prob));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double mean() {
        return d.getMean();
    }

    @Override
    public double variance() {
        return d.getVariance();
    }

    @Override
    public double quantile(double p) {
        return d.inverseCumulativeProbability(p);
    }

    @Override
    public double cdf(double x) {
        return x < 0 ? 0 : d.cumulativeProbability((int) Math.floor(x));
    }

    @Override
    public double expectedShortage(double s) {
        double mean = d.getMean();
        if (s < 0) {
            return mean - s;
        }
        double below = 0;
        int top = (int) Math.floor(s);
        for (int x = 0; x <= top; x++) {
            below += (s - x) * d.probability(x);
        }
        return Math.max(0, mean - s + below);
    }
}
