package com.sparecast.models.inventory;

import com.sparecast.models.distribution.DemandDistribution;

/**
 * What the stock policy of one (warehouse, part) is decided from.
 *
 * @param protectionDemand demand over lead time plus review period
 * @param reviewPeriodDemand expected demand over one review period, &gt;= 0
 * @param targetFillRate the fill rate to reach, in (0, 1)
 * @param onHand units on hand
 * @param onOrder units ordered and not yet received
 * @param expectedReturns refurbishable returns expected back within the lead time
 * @param backorders units owed to customers
 * @param packSize order quantities are multiples of this, &gt;= 1
 * @param minOrderQty smallest order, &gt;= 0
 */
public record PolicyInput(
        DemandDistribution protectionDemand,
        double reviewPeriodDemand,
        double targetFillRate,
        double onHand,
        double onOrder,
        double expectedReturns,
        double backorders,
        int packSize,
        int minOrderQty) {

    public PolicyInput {
        if (!(targetFillRate > 0 && targetFillRate < 1)) {
            throw new IllegalArgumentException("target fill rate must be in (0, 1), got " + targetFillRate);
        }
        if (packSize < 1) {
            throw new IllegalArgumentException("pack size must be >= 1, got " + packSize);
        }
        if (minOrderQty < 0) {
            throw new IllegalArgumentException("minimum order quantity must be >= 0, got " + minOrderQty);
        }
        if (!(reviewPeriodDemand >= 0)) {
            throw new IllegalArgumentException("review period demand must be >= 0, got " + reviewPeriodDemand);
        }
    }

    /** On hand plus on order plus expected returns, minus backorders. */
    public double inventoryPosition() {
        return onHand + onOrder + expectedReturns - backorders;
    }
}
