package com.sparecast.models.distribution;

/** No demand: a point mass at 0. */
public final class ZeroDemand implements DemandDistribution {

    private static final long serialVersionUID = 1L;

    private static final ZeroDemand INSTANCE = new ZeroDemand();

    private ZeroDemand() {
    }

    /** No demand (one shared instance). */
    public static ZeroDemand of() {
        return INSTANCE;
    }

    @Override
    public String name() {
        return "Zero";
    }

    @Override
    public double mean() {
        return 0;
    }

    @Override
    public double variance() {
        return 0;
    }

    @Override
    public double quantile(double p) {
        Distributions.requireProbability(p);
        return 0;
    }

    @Override
    public double cdf(double x) {
        return x >= 0 ? 1 : 0;
    }

    @Override
    public double expectedShortage(double s) {
        return Math.max(0, -s);
    }
}
