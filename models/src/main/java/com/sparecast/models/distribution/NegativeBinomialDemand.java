package com.sparecast.models.distribution;

import java.util.Arrays;

/**
 * Negative binomial demand given by its mean {@code mu} and variance {@code v > mu}: size
 * {@code r = mu^2 / (v - mu)} and probability {@code p = mu / v}, with
 * {@code P(X = x) = Gamma(x + r) / (Gamma(r) x!) p^r (1 - p)^x}.
 *
 * <p>Commons Statistics' {@code PascalDistribution} takes a whole number of successes only; the
 * size fitted from two moments is real, so the probabilities are tabulated here by the recurrence
 * {@code P(0) = p^r}, {@code P(x) = P(x - 1) (x - 1 + r) / x (1 - p)}, up to where the tail is
 * below {@code 1e-12}. Quantiles, the distribution function and the loss function
 * {@code E[(X - s)+] = mu - s + sum_{x < s} (s - x) P(x)} come from that table.
 *
 * <p>Syntetos, Babai &amp; Altay (2012), "On the demand distributions of spare parts", IJPR 50(8).
 */
final class NegativeBinomialDemand implements DemandDistribution {

    private static final double TAIL = 1e-12;
    private static final int MAX_SUPPORT = 1 << 22;

    private final double mean;
    private final double variance;
    private final double[] cdf;
    /** Partial sums of x P(x): {@code sum_{j <= x} j P(j)}. */
    private final double[] firstMoment;

    NegativeBinomialDemand(double mean, double variance) {
        if (!(mean > 0) || !(variance > mean) || Double.isInfinite(variance)) {
            throw new IllegalArgumentException("negative binomial needs 0 < mean < variance < infinity, got mean "
                    + mean + ", variance " + variance);
        }
        this.mean = mean;
        this.variance = variance;
        double r = mean * mean / (variance - mean);
        double p = mean / variance;
        double logP0 = r * Math.log(p);
        if (logP0 < -700) {
            throw new IllegalArgumentException("negative binomial with mean " + mean + " and variance " + variance
                    + " is too far from zero to tabulate; use the normal approximation");
        }
        double[] c = new double[64];
        double[] m = new double[64];
        double prob = Math.exp(logP0);
        double cum = prob;
        double mom = 0;
        c[0] = cum;
        m[0] = 0;
        int x = 0;
        while (1 - cum > TAIL && x < MAX_SUPPORT) {
            x++;
            prob *= (x - 1 + r) / x * (1 - p);
            cum += prob;
            mom += x * prob;
            if (x == c.length) {
                c = Arrays.copyOf(c, 2 * x);
                m = Arrays.copyOf(m, 2 * x);
            }
            c[x] = cum;
            m[x] = mom;
        }
        this.cdf = Arrays.copyOf(c, x + 1);
        this.firstMoment = Arrays.copyOf(m, x + 1);
    }

    @Override
    public String name() {
        return "NegativeBinomial";
    }

    @Override
    public double mean() {
        return mean;
    }

    @Override
    public double variance() {
        return variance;
    }

    @Override
    public double quantile(double p) {
        Distributions.requireProbability(p);
        int i = Arrays.binarySearch(cdf, p);
        if (i >= 0) {
            // Several equal values are impossible (probabilities are positive); the first x with F(x) >= p.
            return i;
        }
        int x = -i - 1;
        return Math.min(x, cdf.length - 1);
    }

    @Override
    public double cdf(double x) {
        if (x < 0) {
            return 0;
        }
        double k = Math.floor(x);
        return k >= cdf.length - 1 ? cdf[cdf.length - 1] : cdf[(int) k];
    }

    @Override
    public double expectedShortage(double s) {
        if (s <= 0) {
            return mean - s;
        }
        // E[(s - X)+] = sum_{x < s} (s - x) P(x) = s F(k) - sum_{x <= k} x P(x), k the largest x < s.
        int k = (int) Math.min(cdf.length - 1, Math.ceil(s) - 1);
        double under = s * cdf[k] - firstMoment[k];
        return Math.max(0, mean - s + under);
    }
}
