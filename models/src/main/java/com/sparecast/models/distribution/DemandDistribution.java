package com.sparecast.models.distribution;

import java.io.Serializable;

/**
 * The distribution of demand over some time span, as the stock policy needs it. Serializable, so
 * that a plan line's distributions can be staged between the plan step's passes instead of being
 * worked out again.
 */
public interface DemandDistribution extends Serializable {

    /** Name shown to planners, e.g. {@code "Normal"}, {@code "NegativeBinomial"}. */
    String name();

    double mean();

    double variance();

    /** The smallest {@code x} with {@code P(X <= x) >= p}, for {@code p} in (0, 1). */
    double quantile(double p);

    /** {@code P(X <= x)}. */
    double cdf(double x);

    /**
     * Expected shortage at stock level {@code s}: the first-order loss function
     * {@code E[(X - s)+]}.
     */
    double expectedShortage(double s);

    /**
     * {@link #expectedShortage} at the whole levels {@code first, first + 1, ..., first + count - 1}:
     * a response curve asks for runs of consecutive levels, which a distribution may work out
     * together more cheaply than one by one (the default).
     */
    default double[] expectedShortages(long first, int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = expectedShortage(first + i);
        }
        return out;
    }
}
