package com.sparecast.models.distribution;

/**
 * Demand over an uncertain lead time plus a review period.
 *
 * <p>With per-period demand mean {@code mu} and variance {@code s2}, and lead time plus review
 * {@code T = L + R} with {@code L} of mean {@code mL} and sd {@code sL}, the classical compound
 * moments are {@code E = mu * (mL + R)} and {@code Var = (mL + R) * s2 + mu^2 * sL^2}
 * (Silver, Pyke &amp; Thomas, 2017, sec. 6.10).
 *
 * <p>First version: a normal distribution with those moments.
 */
public final class LeadTimeDemandModel {

    private LeadTimeDemandModel() {
    }

    /** The default model. */
    public static LeadTimeDemandModel withDefaults() {
        return new LeadTimeDemandModel();
    }

    /**
     * The distribution of demand over lead time plus {@code reviewPeriods}.
     *
     * @param meanPerPeriod expected demand per period, &gt;= 0
     * @param variancePerPeriod variance of demand per period, &gt;= 0
     */
    public LeadTimeDemand over(double meanPerPeriod, double variancePerPeriod, LeadTime leadTime, double reviewPeriods) {
        if (!(meanPerPeriod >= 0) || !(variancePerPeriod >= 0) || !(reviewPeriods >= 0)) {
            throw new IllegalArgumentException("mean, variance and review period must be >= 0, got "
                    + meanPerPeriod + ", " + variancePerPeriod + ", " + reviewPeriods);
        }
        double span = leadTime.mean() + reviewPeriods;
        double mean = meanPerPeriod * span;
        double variance = span * variancePerPeriod + meanPerPeriod * meanPerPeriod * leadTime.sd() * leadTime.sd();
        return new LeadTimeDemand(new NormalDemand(mean, variance), "first version: normal approximation");
    }
}
