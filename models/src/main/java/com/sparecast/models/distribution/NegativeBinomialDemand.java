package com.sparecast.models.distribution;

/**
 * Negative binomial demand given by its mean {@code mu} and variance {@code v > mu}: size
 * {@code r = mu^2 / (v - mu)} and probability {@code p = mu / v}, with
 * {@code P(X = x) = Gamma(x + r) / (Gamma(r) x!) p^r (1 - p)^x}.
 *
 * <p>Commons Statistics' {@code PascalDistribution} takes a whole number of successes only; the
 * size fitted from two moments is real, so the probabilities are summed here by the recurrence
 * {@code P(0) = p^r}, {@code P(x) = P(x - 1) (x - 1 + r) / x (1 - p)}, as far as each question
 * needs: {@code F(x)} up to {@code x}, the quantile up to where {@code F} reaches {@code p}, and
 * the loss function {@code E[(X - s)+] = mu - s + sum_{x < s} (s - x) P(x)} up to {@code s}. No
 * table is kept: the work is proportional to the answer, and the object stays immutable.
 *
 * <p>Syntetos, Babai &amp; Altay (2012), "On the demand distributions of spare parts", IJPR 50(8).
 */
final class NegativeBinomialDemand implements DemandDistribution {

    private final double mean;
    private final double variance;
    private final double r;
    private final double q;
    private final double p0;

    NegativeBinomialDemand(double mean, double variance) {
        if (!(mean > 0) || !(variance > mean) || Double.isInfinite(variance)) {
            throw new IllegalArgumentException("negative binomial needs 0 < mean < variance < infinity, got mean "
                    + mean + ", variance " + variance);
        }
        this.mean = mean;
        this.variance = variance;
        this.r = mean * mean / (variance - mean);
        double p = mean / variance;
        this.q = 1 - p;
        double logP0 = r * Math.log(p);
        if (logP0 < -700) {
            throw new IllegalArgumentException("negative binomial with mean " + mean + " and variance " + variance
                    + " is too far from zero to sum; use the normal approximation");
        }
        this.p0 = Math.exp(logP0);
    }

    /** Whether {@code P(0) = p^r} of these moments is representable, so the sums can start. */
    static boolean summable(double mean, double variance) {
        double r = mean * mean / (variance - mean);
        return r * Math.log(mean / variance) >= -700;
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
        double prob = p0;
        double cum = prob;
        long x = 0;
        // Rounding can leave the sum a hair under p near 1: stop when terms no longer add.
        while (cum < p) {
            x++;
            prob *= (x - 1 + r) / x * q;
            double next = cum + prob;
            if (next == cum && x > mean) {
                break;
            }
            cum = next;
        }
        return x;
    }

    @Override
    public double cdf(double x) {
        if (x < 0) {
            return 0;
        }
        long k = (long) Math.floor(x);
        double prob = p0;
        double cum = prob;
        for (long i = 1; i <= k; i++) {
            prob *= (i - 1 + r) / i * q;
            double next = cum + prob;
            if (next == cum && i > mean) {
                break;
            }
            cum = next;
        }
        return Math.min(1, cum);
    }

    @Override
    public double expectedShortage(double s) {
        if (s <= 0) {
            return mean - s;
        }
        // E[(s - X)+] = sum_{x < s} (s - x) P(x).
        double prob = p0;
        double under = s * prob;
        for (long x = 1; x < s; x++) {
            prob *= (x - 1 + r) / x * q;
            under += (s - x) * prob;
        }
        return Math.max(0, mean - s + under);
    }
}
