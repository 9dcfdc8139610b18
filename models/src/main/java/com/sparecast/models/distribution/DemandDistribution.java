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
}
