package com.sparecast.models.distribution;

import org.apache.commons.numbers.gamma.RegularizedBeta;

/**
 * Negative binomial demand given by its mean {@code mu} and variance {@code v > mu}: size
 * {@code r = mu^2 / (v - mu)} and probability {@code p = mu / v}, with
 * {@code P(X = x) = Gamma(x + r) / (Gamma(r) x!) p^r (1 - p)^x}.
 *
 * <p>Commons Statistics' {@code PascalDistribution} takes a whole number of successes only; the
 * size fitted from two moments is real. The CDF is the regularized incomplete beta,
 * {@code F(k) = I_p(r, k + 1)} (Commons Numbers), and so is the loss function: with
 * {@code x P_r(x) = mu P_{r+1}(x - 1)}, {@code E[(X - s)+] = mu S_{r+1}(m - 1) - s S_r(m)} where
 * {@code m} is the largest whole number below {@code s} and {@code S = 1 - F}, taken from the
 * complement so that the right tail, where fill rates are decided, keeps its precision. Both cost
 * the same at any level: the central warehouse's lead-time demand runs to thousands of units,
 * where summing probabilities one by one made each plan line take seconds. The quantile sums the
 * recurrence {@code P(0) = p^r}, {@code P(x) = P(x - 1) (x - 1 + r) / x (1 - p)} up to where
 * {@code F} reaches {@code p}, for at most {@link #SUMMED_TERMS} terms; beyond, it bisects on
 * {@code F}, so that no level of demand makes it slow.
 *
 * <p>Syntetos, Babai &amp; Altay (2012), "On the demand distributions of spare parts", IJPR 50(8).
 */
public final class NegativeBinomialDemand implements DemandDistribution {

    private static final long serialVersionUID = 1L;

    private final double mean;
    private final double variance;
    private final double r;
    private final double p;
    private final double q;
    private final double p0;

    private NegativeBinomialDemand(double mean, double variance, double logP0) {
        this.mean = mean;
        this.variance = variance;
        this.r = mean * mean / (variance - mean);
        this.p = mean / variance;
        this.q = 1 - p;
        this.p0 = Math.exp(logP0);
    }

    /**
     * The negative binomial distribution with this mean and variance.
     *
     * @throws IllegalArgumentException unless {@code 0 < mean < variance < infinity}, or if
     *     {@code P(0)} underflows ({@code r log p < -700}: use the normal approximation)
     */
    public static NegativeBinomialDemand of(double mean, double variance) {
        if (!(mean > 0) || !(variance > mean) || Double.isInfinite(variance)) {
            throw new IllegalArgumentException("negative binomial needs 0 < mean < variance < infinity, got mean "
                    + mean + ", variance " + variance);
        }
        double logP0 = logP0(mean, variance);
        if (logP0 < -700) {
            throw new IllegalArgumentException("negative binomial with mean " + mean + " and variance " + variance
                    + " is too far from zero to sum; use the normal approximation");
        }
        return new NegativeBinomialDemand(mean, variance, logP0);
    }

    /** Whether {@code P(0) = p^r} of these moments is representable, so the sums can start. */
    static boolean summable(double mean, double variance) {
        return logP0(mean, variance) >= -700;
    }

    /** {@code log P(0) = r log p} of these moments. */
    private static double logP0(double mean, double variance) {
        double r = mean * mean / (variance - mean);
        return r * Math.log(mean / variance);
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
            if (x == SUMMED_TERMS) {
                return bisect(p, x);
            }
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

    /**
     * Terms the quantile sums one by one (about 2 ms) before it bisects on the CDF instead, so that
     * its cost does not grow with the level of demand (issue 16): a level of 10^8 units took seconds.
     */
    static final long SUMMED_TERMS = 100_000;

    /** The least whole {@code x > below} with {@code F(x) >= p}, by doubling then bisection on {@code F}. */
    private double bisect(double p, long below) {
        long lo = below;
        long hi = 2 * below;
        while (cdf(hi) < p) {
            if (hi > Long.MAX_VALUE / 4) {
                return hi; // F stays a hair under p by rounding: as far as a double reaches
            }
            lo = hi;
            hi *= 2;
        }
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (cdf(mid) >= p) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    @Override
    public double cdf(double x) {
        if (x < 0) {
            return 0;
        }
        return RegularizedBeta.value(p, r, Math.floor(x) + 1);
    }

    @Override
    public double expectedShortage(double s) {
        if (s <= 0) {
            return mean - s;
        }
        long m = (long) Math.ceil(s) - 1;
        double shortage = mean * survival(r + 1, m - 1) - s * survival(r, m);
        return Math.max(0, shortage);
    }

    /**
     * {@inheritDoc}
     *
     * <p>From each whole level to the next by {@code E[(X - s - 1)+] = E[(X - s)+] - P(X > s)},
     * {@code P(X > s + 1) = P(X > s) - P(X = s + 1)} and
     * {@code P(X = s + 2) = P(X = s + 1) (s + 1 + r) / (s + 2) (1 - p)}, restarting from the closed
     * forms every {@link #EXACT_EVERY} levels: three incomplete betas per block instead of two per
     * level, the costly part of a response curve's level (issue 17). A step only subtracts, so
     * its rounding adds a few units in the last place of the largest term; the restart keeps that
     * from piling up (agreement with {@link #expectedShortage} is tested to 1e-12 of the mean).
     */
    @Override
    public double[] expectedShortages(long first, int count) {
        double[] out = new double[count];
        double loss = 0;
        double above = 0;
        double next = 0;
        for (int i = 0; i < count; i++) {
            long s = first + i;
            if (s < 0) {
                out[i] = mean - s;
                continue;
            }
            if (i % EXACT_EVERY == 0 || s == 0) {
                loss = s == 0 ? mean : mean * survival(r + 1, s - 2) - s * survival(r, s - 1);
                above = survival(r, s);
                next = probability(s + 1);
            } else {
                loss -= above;
                above -= next;
                next *= (s + r) / (s + 1) * q;
            }
            out[i] = Math.max(0, loss);
        }
        return out;
    }

    /** Levels {@link #expectedShortages} steps through between two evaluations of the closed forms. */
    static final int EXACT_EVERY = 16;

    /**
     * {@code P(X = k)}, {@code k >= 0}: from the incomplete beta's density,
     * {@code d/dp I_p(r, k + 1) = P(X = k) (r + k) / p}.
     */
    private double probability(long k) {
        return p / (r + k) * RegularizedBeta.derivative(p, r, k + 1.0);
    }

    /** {@code P(X > k)} for the negative binomial of size {@code size} and this {@code p}. */
    private double survival(double size, long k) {
        return k < 0 ? 1 : RegularizedBeta.complement(p, size, k + 1.0);
    }
}
