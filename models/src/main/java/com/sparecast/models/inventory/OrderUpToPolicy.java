package com.sparecast.models.inventory;

import com.sparecast.models.distribution.DemandDistribution;

/**
 * Periodic review, order-up-to level {@code S} for a target fill rate.
 *
 * <p>The fill rate of an (R, S) policy is approximated by
 * {@code beta(S) = 1 - E[(X - S)+] / E[D_R]}, where {@code X} is demand over lead time plus
 * review period and {@code D_R} demand over one review period (Silver, Pyke &amp; Thomas, 2017,
 * sec. 7.8). {@code S} is the smallest whole number of units whose fill rate reaches the target;
 * the reorder point is {@code S} minus the expected review-period demand, rounded up. When the
 * inventory position is at or below the reorder point, the order lifts it to {@code S}, rounded
 * up to the pack size and to at least the MOQ.
 */
public final class OrderUpToPolicy {

    private OrderUpToPolicy() {
    }

    /** The default policy. */
    public static OrderUpToPolicy withDefaults() {
        return new OrderUpToPolicy();
    }

    /** Decides the policy and the order for one (warehouse, part). */
    public PolicyDecision decide(PolicyInput input) {
        DemandDistribution x = input.protectionDemand();
        double reviewDemand = input.reviewPeriodDemand();
        double orderUpTo = orderUpToFor(x, reviewDemand, input.targetFillRate());
        double reorderPoint = Math.max(0, Math.ceil(orderUpTo - reviewDemand));
        double position = input.inventoryPosition();
        long order = 0;
        if (position <= reorderPoint && orderUpTo > position) {
            order = roundToPack(orderUpTo - position, input.packSize(), input.minOrderQty());
        }
        double fillRate = fillRate(x, reviewDemand, orderUpTo);
        // Average on hand over a cycle: stock just after arrival minus half a cycle's demand.
        double expectedOnHand = Math.max(0, orderUpTo - x.mean() + x.expectedShortage(orderUpTo) + reviewDemand / 2);
        return new PolicyDecision(orderUpTo - x.mean(), reorderPoint, orderUpTo, position, order, fillRate,
                expectedOnHand);
    }

    /** The fill rate of order-up-to level {@code s}: {@code 1 - E[(X - s)+] / E[D_R]}. */
    public static double fillRate(DemandDistribution x, double reviewDemand, double s) {
        if (reviewDemand <= 0) {
            return 1;
        }
        return Math.max(0, 1 - x.expectedShortage(s) / reviewDemand);
    }

    /** The smallest whole {@code S >= 0} with {@code fillRate(S) >= target}. */
    static double orderUpToFor(DemandDistribution x, double reviewDemand, double target) {
        if (reviewDemand <= 0) {
            return 0;
        }
        // Shortage falls as S rises: bisect on whole units between 0 and a level that surely suffices.
        long lo = 0;
        long hi = Math.max(1, (long) Math.ceil(x.quantile(0.999999)));
        while (fillRate(x, reviewDemand, hi) < target) {
            hi *= 2;
        }
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (fillRate(x, reviewDemand, mid) >= target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** {@code need} rounded up to a multiple of {@code packSize}, and at least {@code moq}. */
    public static long roundToPack(double need, int packSize, int moq) {
        long units = (long) Math.ceil(need - 1e-9);
        long packs = (units + packSize - 1) / packSize;
        long qty = packs * packSize;
        if (qty < moq) {
            qty = ((moq + packSize - 1L) / packSize) * packSize;
        }
        return qty;
    }
}
