package com.sparecast.models.inventory;

import com.sparecast.models.distribution.DemandDistribution;
import java.io.Serializable;
import java.util.Locale;

/**
 * A planner's decision on one plan line, which the next run respects
 * ({@code decisions/overrides.csv}).
 *
 * <ul>
 *   <li>{@link Kind#FORECAST}: the mean weekly demand the line is planned with (applied to the
 *       forecast before the policy; see the plan step).</li>
 *   <li>{@link Kind#MIN_STOCK} {@code m}: the reorder point is at least {@code m}: the band of
 *       positions after a review ({@code s+1 .. S}, as wide as the batch) moves up to start at
 *       {@code m + 1} when it started lower.</li>
 *   <li>{@link Kind#MAX_STOCK} {@code M}: the order-up-to level is at most {@code M}: the band
 *       moves down to end at {@code M} when it ended higher (never below a reorder point of -1).</li>
 *   <li>{@link Kind#DO_NOT_STOCK}: reorder point and order-up-to 0, nothing ordered.</li>
 *   <li>{@link Kind#ORDER_QTY} {@code q}: the line orders {@code q} units now, whatever its levels.</li>
 *   <li>{@link Kind#ACCEPT}: the planner acknowledged the line's exception; it changes no number
 *       (the plan step suppresses the exception while the line's inputs stay close).</li>
 * </ul>
 * Levels moved by MIN_STOCK or MAX_STOCK are decided again at the new band
 * ({@link OrderUpToPolicy#decideAt}): order, expected fill rate and expected on hand follow them.
 *
 * @param kind what the planner decided
 * @param value the number of the decision (units per week for FORECAST, units otherwise); NaN for
 *     DO_NOT_STOCK and ACCEPT
 */
public record PlannerDecision(Kind kind, double value) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The kinds of decision, as {@code decisions/overrides.csv} names them. */
    public enum Kind {
        FORECAST, ORDER_QTY, MIN_STOCK, MAX_STOCK, DO_NOT_STOCK, ACCEPT;

        /** Whether the kind takes a value (every kind but DO_NOT_STOCK and ACCEPT). */
        public boolean hasValue() {
            return this != DO_NOT_STOCK && this != ACCEPT;
        }

        /** Whether the value counts whole units (ORDER_QTY, MIN_STOCK, MAX_STOCK) rather than a rate. */
        public boolean wholeUnits() {
            return this == ORDER_QTY || this == MIN_STOCK || this == MAX_STOCK;
        }

        /** The kind named {@code text} (any case), or null. */
        public static Kind parse(String text) {
            try {
                return text == null ? null : valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    public PlannerDecision {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (kind.hasValue() && !(value >= 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(kind + " needs a finite value >= 0, got " + value);
        }
        if (kind.wholeUnits() && value != Math.rint(value)) {
            throw new IllegalArgumentException(kind + " needs whole units, got " + value);
        }
    }

    /**
     * The policy of a line with this decision applied to {@code decision}, the policy the line was
     * planned at from {@code input}. FORECAST and ACCEPT return it unchanged.
     */
    public PolicyDecision apply(PolicyInput input, PolicyDecision decision) {
        OrderUpToPolicy policy = OrderUpToPolicy.withDefaults();
        long width = Math.max(1, Math.round(decision.orderUpTo() - decision.reorderPoint()));
        return switch (kind) {
            case FORECAST, ACCEPT -> decision;
            case MIN_STOCK -> decision.reorderPoint() >= value
                    ? decision : withBand(policy, input, (long) value + 1, width);
            case MAX_STOCK -> decision.orderUpTo() <= value
                    ? decision : withBand(policy, input, Math.max(0, (long) value - width + 1), width);
            case DO_NOT_STOCK -> doNotStock(input, decision);
            case ORDER_QTY -> new PolicyDecision(decision.safetyStock(), decision.reorderPoint(), decision.orderUpTo(),
                    decision.inventoryPosition(), (long) value, decision.expectedFillRate(), decision.expectedOnHand(),
                    decision.targetFillRate(), decision.expectedLeadTimeDemand());
        };
    }

    private static PolicyDecision withBand(OrderUpToPolicy policy, PolicyInput input, long bandStart, long width) {
        if (input.reviewPeriodDemand() <= 0) {
            // No demand: the levels are the planner's, the order lifts the position to them.
            long s = bandStart - 1;
            long order = OrderUpToPolicy.orderQuantity(input.inventoryPosition(), s, s + width, input.packSize(),
                    input.minOrderQty(), 0);
            return new PolicyDecision(s + width, s, s + width, input.inventoryPosition(), order, 1,
                    Math.max(0, input.inventoryPosition()), input.targetFillRate(),
                    input.leadTimeDemand() == null ? 0 : input.leadTimeDemand().mean());
        }
        return policy.decideAt(input, bandStart);
    }

    private static PolicyDecision doNotStock(PolicyInput input, PolicyDecision decision) {
        DemandDistribution x = input.protectionDemand();
        double fillRate = OrderUpToPolicy.fillRate(x, input.leadTimeDemand(), input.reviewPeriodDemand(), 0);
        return new PolicyDecision(-x.mean(), 0, 0, decision.inventoryPosition(), 0, fillRate,
                OrderUpToPolicy.expectedOnHand(x, input.leadTimeDemand(), input.reviewPeriodDemand(),
                        Math.max(0, decision.inventoryPosition())), decision.targetFillRate(),
                decision.expectedLeadTimeDemand());
    }
}
