package com.sparecast.models.inventory;

import java.io.Serializable;

/**
 * The stock policy of one (warehouse, part) and what to order now.
 *
 * @param safetyStock expected net stock just before a replenishment arrives: the mean
 *     inventory position after a review minus expected demand over lead time plus review
 *     (for a plain order-up-to policy, {@code S - E[D_{L+R}]})
 * @param reorderPoint order when the inventory position is at or below this
 * @param orderUpTo the level an order lifts the inventory position to
 * @param inventoryPosition on hand + on order + expected returns - backorders
 * @param orderQuantity units to order now, rounded to pack size and at least the MOQ, or 0
 * @param expectedFillRate the fill rate the policy gives, computed from the distribution
 * @param expectedOnHand expected on-hand stock averaged over a review cycle
 * @param targetFillRate the target the policy was set for, to show next to the expected one
 * @param expectedLeadTimeDemand expected demand over the lead time alone, {@code E[D_L]} (the
 *     lead-time distribution's mean, or {@code E[D_{L+R}]} minus the review-period demand)
 */
public record PolicyDecision(
        double safetyStock,
        double reorderPoint,
        double orderUpTo,
        double inventoryPosition,
        long orderQuantity,
        double expectedFillRate,
        double expectedOnHand,
        double targetFillRate,
        double expectedLeadTimeDemand) implements Serializable {

    private static final long serialVersionUID = 1L;
}
