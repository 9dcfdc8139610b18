package com.sparecast.models.inventory;

import com.sparecast.models.distribution.DemandDistribution;

/**
 * How often realised demand over lead time plus review falls at or below a plan's 50%, 80% and
 * 95% lead-time-demand quantiles: for a calibrated {@code D_{L+R}}, 50%, 80% and 95% of the time.
 *
 * <p>Demand is a count, so an outcome {@code y} on an atom of the distribution counts by the
 * share of the atom at or below the level: the probability that the randomised PIT
 * {@code u ~ Uniform(F(y-), F(y))} is at most {@code p} (Czado, Gneiting &amp; Held 2009,
 * "Predictive model assessment for count data", Biometrics 65(4)), as the backtest's coverage
 * counts it. For a continuous distribution this is the plain indicator {@code F(y) <= p}.
 *
 * <p>Immutable: {@link #plus} returns a new tally.
 *
 * @param plans outcomes counted
 * @param atOrBelow50 sum over outcomes of {@code P(u <= 0.5)}
 * @param atOrBelow80 sum over outcomes of {@code P(u <= 0.8)}
 * @param atOrBelow95 sum over outcomes of {@code P(u <= 0.95)}
 */
public record LeadTimeDemandCalibration(long plans, double atOrBelow50, double atOrBelow80, double atOrBelow95) {

    /** No outcome counted. */
    public static final LeadTimeDemandCalibration EMPTY = new LeadTimeDemandCalibration(0, 0, 0, 0);

    /** The tally of one outcome {@code realised} against the plan's distribution. */
    public static LeadTimeDemandCalibration of(DemandDistribution planned, double realised) {
        return new LeadTimeDemandCalibration(1, atOrBelow(planned, realised, 0.5), atOrBelow(planned, realised, 0.8),
                atOrBelow(planned, realised, 0.95));
    }

    /**
     * {@code P(u <= p)} for the randomised PIT {@code u ~ Uniform(F(y-), F(y))}: 1 below the
     * {@code p}-quantile's atom, 0 above it, the share {@code (p - F(y-)) / (F(y) - F(y-))} on it.
     */
    public static double atOrBelow(DemandDistribution d, double y, double p) {
        double upper = d.cdf(y);
        double lower = d.cdf(Math.nextDown(y));
        if (upper - lower <= 1e-12) {
            return upper <= p ? 1 : 0;
        }
        return Math.max(0, Math.min(1, (p - lower) / (upper - lower)));
    }

    /** Both tallies together. */
    public LeadTimeDemandCalibration plus(LeadTimeDemandCalibration o) {
        return new LeadTimeDemandCalibration(plans + o.plans, atOrBelow50 + o.atOrBelow50, atOrBelow80 + o.atOrBelow80,
                atOrBelow95 + o.atOrBelow95);
    }

    /** Share of outcomes at or below the 50% quantile; NaN without outcomes. */
    public double share50() {
        return share(atOrBelow50);
    }

    /** Share of outcomes at or below the 80% quantile; NaN without outcomes. */
    public double share80() {
        return share(atOrBelow80);
    }

    /** Share of outcomes at or below the 95% quantile; NaN without outcomes. */
    public double share95() {
        return share(atOrBelow95);
    }

    private double share(double sum) {
        return plans == 0 ? Double.NaN : sum / plans;
    }
}
