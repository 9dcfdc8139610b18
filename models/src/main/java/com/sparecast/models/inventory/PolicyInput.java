package com.sparecast.models.inventory;

import com.sparecast.models.distribution.DemandDistribution;
import java.io.Serializable;

/**
 * What the stock policy of one (warehouse, part) is decided from.
 *
 * <p>The first nine components are the original ones; the last three are optional (use the
 * nine-argument constructor, then {@link #withLeadTimeDemand}, {@link #withEconomicOrderQuantity}
 * and {@link #withMaxOrderUpTo}).
 *
 * @param protectionDemand demand over lead time plus review period, {@code D_{L+R}}
 * @param reviewPeriodDemand expected demand over one review period, &gt;= 0
 * @param targetFillRate the fill rate to reach, in (0, 1)
 * @param onHand units on hand
 * @param onOrder units ordered and not yet received
 * @param expectedReturns refurbishable returns expected back within the lead time
 *     (see {@link RefurbishedReturns})
 * @param backorders units owed to customers
 * @param packSize order quantities are multiples of this, &gt;= 1
 * @param minOrderQty smallest order, &gt;= 0
 * @param leadTimeDemand demand over the lead time alone, {@code D_L}, or {@code null}; when
 *     given, the fill rate uses the exact periodic-review shortage
 *     {@code E[(D_{L+R} - S)+] - E[(D_L - S)+]}
 * @param economicOrderQuantity the EOQ in units (see {@link Eoq}), or 0 where ordering and
 *     holding costs are not configured; orders are then at least this large
 * @param maxOrderUpTo the stock cap: no level puts the order-up-to level {@code S} above this
 *     (an order is still at least one batch, so {@code S} is at least the batch minus one);
 *     {@code +Infinity} for no cap (see {@link PlanLine#withStockCap})
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
        int minOrderQty,
        DemandDistribution leadTimeDemand,
        double economicOrderQuantity,
        double maxOrderUpTo) implements Serializable {

    private static final long serialVersionUID = 1L;

    public PolicyInput {
        if (protectionDemand == null) {
            throw new IllegalArgumentException("protection demand distribution is required");
        }
        if (!(targetFillRate > 0 && targetFillRate < 1)) {
            throw new IllegalArgumentException("target fill rate must be in (0, 1), got " + targetFillRate);
        }
        if (packSize < 1) {
            throw new IllegalArgumentException("pack size must be >= 1, got " + packSize);
        }
        if (minOrderQty < 0) {
            throw new IllegalArgumentException("minimum order quantity must be >= 0, got " + minOrderQty);
        }
        if (!(reviewPeriodDemand >= 0) || Double.isInfinite(reviewPeriodDemand)) {
            throw new IllegalArgumentException("review period demand must be finite and >= 0, got " + reviewPeriodDemand);
        }
        if (!(economicOrderQuantity >= 0) || Double.isInfinite(economicOrderQuantity)) {
            throw new IllegalArgumentException("economic order quantity must be finite and >= 0, got "
                    + economicOrderQuantity);
        }
        if (!(maxOrderUpTo >= 0)) {
            throw new IllegalArgumentException("maximum order-up-to level must be >= 0, got " + maxOrderUpTo);
        }
        requireFinite("on hand", onHand);
        requireFinite("on order", onOrder);
        requireFinite("expected returns", expectedReturns);
        requireFinite("backorders", backorders);
    }

    /** The original nine-component form: no lead-time-only distribution, no EOQ. */
    public PolicyInput(DemandDistribution protectionDemand, double reviewPeriodDemand, double targetFillRate,
                       double onHand, double onOrder, double expectedReturns, double backorders,
                       int packSize, int minOrderQty) {
        this(protectionDemand, reviewPeriodDemand, targetFillRate, onHand, onOrder, expectedReturns, backorders,
                packSize, minOrderQty, null, 0, Double.POSITIVE_INFINITY);
    }

    /** A copy with the lead-time-only demand distribution {@code D_L}. */
    public PolicyInput withLeadTimeDemand(DemandDistribution leadTimeOnly) {
        return new PolicyInput(protectionDemand, reviewPeriodDemand, targetFillRate, onHand, onOrder,
                expectedReturns, backorders, packSize, minOrderQty, leadTimeOnly, economicOrderQuantity, maxOrderUpTo);
    }

    /** A copy with an economic order quantity in units (0 for none). */
    public PolicyInput withEconomicOrderQuantity(double eoq) {
        return new PolicyInput(protectionDemand, reviewPeriodDemand, targetFillRate, onHand, onOrder,
                expectedReturns, backorders, packSize, minOrderQty, leadTimeDemand, eoq, maxOrderUpTo);
    }

    /** A copy whose order-up-to level is capped at {@code max} units ({@code +Infinity}: no cap). */
    public PolicyInput withMaxOrderUpTo(double max) {
        return new PolicyInput(protectionDemand, reviewPeriodDemand, targetFillRate, onHand, onOrder,
                expectedReturns, backorders, packSize, minOrderQty, leadTimeDemand, economicOrderQuantity, max);
    }

    /** A copy at another target fill rate. */
    public PolicyInput withTargetFillRate(double target) {
        return new PolicyInput(protectionDemand, reviewPeriodDemand, target, onHand, onOrder,
                expectedReturns, backorders, packSize, minOrderQty, leadTimeDemand, economicOrderQuantity,
                maxOrderUpTo);
    }

    /** On hand plus on order plus expected returns, minus backorders. */
    public double inventoryPosition() {
        return onHand + onOrder + expectedReturns - backorders;
    }

    private static void requireFinite(String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be finite, got " + v);
        }
    }
}
