package com.sparecast.models.inventory;

/**
 * The stock policy of one (warehouse, part) and what to order now.
 *
 * @param safetyStock order-up-to level minus expected demand over lead time plus review
 * @param reorderPoint order when the inventory position is at or below this
 * @param orderUpTo the level an order lifts the inventory position to
 * @param inventoryPosition on hand + on order + expected returns - backorders
 * @param orderQuantity units to order now, rounded to pack size and at least the MOQ, or 0
 * @param expectedFillRate the fill rate the order-up-to level gives
 * @param expectedOnHand expected on-hand stock averaged over a review cycle
 */
public record PolicyDecision(
        double safetyStock,
        double reorderPoint,
        double orderUpTo,
        double inventoryPosition,
        long orderQuantity,
        double expectedFillRate,
        double expectedOnHand) {
}
