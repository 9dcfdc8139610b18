package com.sparecast.models.inventory;

import java.io.Serializable;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Runs a periodic-review (R, s, S) policy period by period over a demand path and reports the
 * achieved fill rate, average on hand and number of orders. Deterministic: the same arguments
 * give the same result.
 *
 * <p>Each period {@code t}: orders due arrive; backorders are served first; the period's demand
 * is met from what is on hand, the rest is backordered (full backordering); at the end of every
 * {@code R}-th period the inventory position (on hand + on order - backorders) is reviewed and,
 * if at or below {@code s} and below {@code S}, an order is placed by
 * {@link OrderUpToPolicy#orderQuantity} (up to {@code S} rounded to the pack and the MOQ, or
 * whole batches). An order placed at the end of
 * period {@code t} with lead time {@code L} is usable from period {@code t + L + 1}, so demand
 * over {@code L + R} periods falls on each position, as in {@link OrderUpToPolicy}.
 *
 * <p>Measured after {@code warmUp} periods: the fill rate is demand met from stock in its own
 * period over total demand; on hand per period is the mean of on hand after receipts (and
 * after serving backorders) and on hand at the end of the period, the quantity
 * {@link OrderUpToPolicy} predicts.
 *
 * <p>Immutable and thread-safe.
 */
public final class PolicySimulator implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int reviewPeriods;

    private PolicySimulator(int reviewPeriods) {
        if (reviewPeriods < 1) {
            throw new IllegalArgumentException("review period must be >= 1, got " + reviewPeriods);
        }
        this.reviewPeriods = reviewPeriods;
    }

    /** Review every period. */
    public static PolicySimulator withDefaults() {
        return new PolicySimulator(1);
    }

    /** Review every {@code reviewPeriods} periods (at the end of periods R-1, 2R-1, ...). */
    public static PolicySimulator withReview(int reviewPeriods) {
        return new PolicySimulator(reviewPeriods);
    }

    /**
     * The policy's levels and order rules.
     *
     * @param reorderPoint order when the position is at or below this
     * @param orderUpTo what an order lifts the position to
     * @param packSize orders are multiples of this, &gt;= 1
     * @param minOrderQty smallest order, &gt;= 0
     * @param batchQuantity order whole batches of this size (0: order up to {@code S}); see
     *     {@link OrderUpToPolicy#orderQuantity}
     */
    public record Levels(double reorderPoint, double orderUpTo, int packSize, int minOrderQty,
                         long batchQuantity) implements Serializable {

        private static final long serialVersionUID = 1L;

        public Levels {
            if (packSize < 1 || minOrderQty < 0 || batchQuantity < 0) {
                throw new IllegalArgumentException("pack size must be >= 1, MOQ and batch >= 0, got " + packSize
                        + ", " + minOrderQty + ", " + batchQuantity);
            }
            if (!Double.isFinite(reorderPoint) || !Double.isFinite(orderUpTo)) {
                throw new IllegalArgumentException("levels must be finite, got " + reorderPoint + ", " + orderUpTo);
            }
        }

        /** Plain levels: pack size 1, no MOQ, no batches. */
        public static Levels of(double reorderPoint, double orderUpTo) {
            return new Levels(reorderPoint, orderUpTo, 1, 0, 0);
        }

        /** The levels a policy decision set, with the order rules of its input. */
        public static Levels of(PolicyDecision decision, PolicyInput input) {
            return new Levels(decision.reorderPoint(), decision.orderUpTo(), input.packSize(), input.minOrderQty(),
                    OrderUpToPolicy.bandWidth(input));
        }
    }

    /** Simulates with a fixed lead time, starting with the order-up-to level on hand. */
    public SimulationResult simulate(double[] demand, Levels levels, int leadTime, int warmUp) {
        if (leadTime < 0) {
            throw new IllegalArgumentException("lead time must be >= 0, got " + leadTime);
        }
        int[] leadTimes = new int[demand.length];
        java.util.Arrays.fill(leadTimes, leadTime);
        return simulate(demand, levels, leadTimes, warmUp, Math.max(0, levels.orderUpTo()));
    }

    /**
     * Simulates over {@code demand}.
     *
     * @param demand demand per period, finite and &gt;= 0
     * @param levels the policy
     * @param leadTimes lead time in periods of an order placed at the end of period {@code t},
     *     one per period, each &gt;= 0 (orders may cross)
     * @param warmUp periods run but not measured, &gt;= 0
     * @param initialOnHand units on hand at the start, nothing on order, &gt;= 0
     */
    public SimulationResult simulate(double[] demand, Levels levels, int[] leadTimes, int warmUp,
                                     double initialOnHand) {
        Levels[] each = new Levels[demand.length];
        java.util.Arrays.fill(each, levels);
        return simulate(demand, each, leadTimes, warmUp, initialOnHand);
    }

    /**
     * Simulates over {@code demand} a policy that is planned again over time, as the nightly
     * plan is: {@code levels[t]} decides the review at the end of period {@code t}.
     *
     * @param levels the policy in force at each period's review, one per period
     * @see #simulate(double[], Levels, int[], int, double)
     */
    public SimulationResult simulate(double[] demand, Levels[] levels, int[] leadTimes, int warmUp,
                                     double initialOnHand) {
        int n = demand.length;
        if (leadTimes.length < n || levels.length < n) {
            throw new IllegalArgumentException("need a lead time and levels per period: " + leadTimes.length + " and "
                    + levels.length + " for " + n);
        }
        if (warmUp < 0 || !(initialOnHand >= 0)) {
            throw new IllegalArgumentException("warm-up and initial on hand must be >= 0, got " + warmUp
                    + ", " + initialOnHand);
        }
        double[] arrivals = new double[n + 1];
        double onHand = initialOnHand;
        double onOrder = 0;
        double backorders = 0;
        long periods = 0;
        long orders = 0;
        double totalDemand = 0;
        double filledTotal = 0;
        double onHandSum = 0;
        double unitsOrdered = 0;
        for (int t = 0; t < n; t++) {
            double d = demand[t];
            if (!(d >= 0) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("demand must be finite and >= 0, got " + d + " at period " + t);
            }
            double receipts = arrivals[t];
            onHand += receipts;
            onOrder -= receipts;
            double served = Math.min(onHand, backorders);
            onHand -= served;
            backorders -= served;
            double start = onHand;
            double filled = Math.min(d, onHand);
            onHand -= filled;
            backorders += d - filled;
            boolean measured = t >= warmUp;
            if (measured) {
                periods++;
                totalDemand += d;
                filledTotal += filled;
                onHandSum += (start + onHand) / 2;
            }
            if (t % reviewPeriods == reviewPeriods - 1) {
                double position = onHand + onOrder - backorders;
                Levels policy = levels[t];
                long q = OrderUpToPolicy.orderQuantity(position, policy.reorderPoint(), policy.orderUpTo(),
                        policy.packSize(), policy.minOrderQty(), policy.batchQuantity());
                if (q > 0) {
                    int lead = leadTimes[t];
                    if (lead < 0) {
                        throw new IllegalArgumentException("lead time must be >= 0, got " + lead + " at period " + t);
                    }
                    long arrival = (long) t + lead + 1;
                    onOrder += q;
                    if (arrival < n) {
                        arrivals[(int) arrival] += q;
                    }
                    if (measured) {
                        orders++;
                        unitsOrdered += q;
                    }
                }
            }
        }
        return new SimulationResult(periods, totalDemand, filledTotal, onHandSum, orders, unitsOrdered);
    }

    /**
     * Lead times for {@code n} orders: a normal with this mean and sd, rounded to whole periods
     * and cut at 0, from a generator seeded with {@code seed} (the same seed gives the same
     * lead times). An sd of 0 gives the rounded mean every time.
     */
    public static int[] sampleLeadTimes(int n, double mean, double sd, long seed) {
        if (!(mean >= 0) || !(sd >= 0) || Double.isInfinite(mean) || Double.isInfinite(sd)) {
            throw new IllegalArgumentException("lead time mean and sd must be finite and >= 0, got " + mean + ", " + sd);
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            double v = sd == 0 ? mean : mean + sd * gauss.sample();
            out[i] = (int) Math.max(0, Math.round(v));
        }
        return out;
    }
}
