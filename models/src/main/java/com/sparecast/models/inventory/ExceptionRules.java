package com.sparecast.models.inventory;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which exception applies to a plan line. NO_FORECAST and SUPERSESSION_LOOP are known before
 * any policy is computed (the caller sets them); this class decides the other three from the
 * policy and the facts of the line:
 * <ul>
 *   <li>{@link ExceptionCode#STOCKOUT_RISK}: the position is below the reorder point and below
 *       the expected lead-time demand {@code E[D_L]}, so stock is expected to run out before an
 *       order placed now can arrive.</li>
 *   <li>{@link ExceptionCode#DEAD_STOCK}: no demand for {@code deadStockPeriods} periods
 *       (default 52 weeks; 12 for monthly buckets) and stock on hand.</li>
 *   <li>{@link ExceptionCode#OVERSTOCK}: position above the order-up-to level by more than
 *       {@code overstockCoverPeriods} periods of expected demand (default 26).</li>
 *   <li>{@link ExceptionCode#TARGET_UNREACHABLE}: the stock cap holds the levels below what the
 *       target needs ({@link OrderUpToPolicy#heldBackByCap}).</li>
 *   <li>{@link ExceptionCode#BELOW_TARGET}: otherwise, the policy's expected fill rate is below the
 *       line's target by more than {@code belowTargetMargin} (default 0.10): the class-wide allocation
 *       plans slow lines somewhat below the class's target on purpose, this flags the ones far below.</li>
 * </ul>
 * The line's reason is the first that applies in the order SUPERSESSION_LOOP, NO_FORECAST,
 * STOCKOUT_RISK, DEAD_STOCK, OVERSTOCK, TARGET_UNREACHABLE, BELOW_TARGET (dead stock is the more
 * specific overstock; a line below target is a question about its policy, the others about its
 * stock now; a line the cap holds back is said to be so, not merely below target).
 *
 * @param overstockCoverPeriods excess cover that makes an overstock, in periods of demand, &gt;= 0
 * @param deadStockPeriods periods without demand that make stock dead, &gt;= 1
 * @param belowTargetMargin how far below its target a line's expected fill rate may be planned
 *     before it is an exception, in [0, 1]
 */
public record ExceptionRules(double overstockCoverPeriods, int deadStockPeriods, double belowTargetMargin)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The default below-target margin, 0.10 (ten points of fill rate). */
    public static final double DEFAULT_BELOW_TARGET_MARGIN = 0.10;

    /** Rules with the default below-target margin. */
    public ExceptionRules(double overstockCoverPeriods, int deadStockPeriods) {
        this(overstockCoverPeriods, deadStockPeriods, DEFAULT_BELOW_TARGET_MARGIN);
    }

    public ExceptionRules {
        if (!(belowTargetMargin >= 0 && belowTargetMargin <= 1)) {
            throw new IllegalArgumentException("below-target margin must be in [0, 1], got " + belowTargetMargin);
        }
        if (!(overstockCoverPeriods >= 0) || Double.isInfinite(overstockCoverPeriods)) {
            throw new IllegalArgumentException("overstock cover must be finite and >= 0, got " + overstockCoverPeriods);
        }
        if (deadStockPeriods < 1) {
            throw new IllegalArgumentException("dead stock periods must be >= 1, got " + deadStockPeriods);
        }
    }

    /**
     * Weekly buckets: overstock beyond 26 weeks of cover, dead after 52 weeks without demand, below
     * target by more than 0.10.
     */
    public static ExceptionRules withDefaults() {
        return new ExceptionRules(26, 52, DEFAULT_BELOW_TARGET_MARGIN);
    }

    /** A copy with another overstock cover. */
    public ExceptionRules withOverstockCover(double periods) {
        return new ExceptionRules(periods, deadStockPeriods, belowTargetMargin);
    }

    /** A copy with another dead-stock horizon. */
    public ExceptionRules withDeadStockPeriods(int periods) {
        return new ExceptionRules(overstockCoverPeriods, periods, belowTargetMargin);
    }

    /** A copy with another below-target margin. */
    public ExceptionRules withBelowTargetMargin(double margin) {
        return new ExceptionRules(overstockCoverPeriods, deadStockPeriods, margin);
    }

    /** Whether the decision's expected fill rate is below the input's target by more than the margin. */
    public boolean belowTarget(PolicyInput input, PolicyDecision decision) {
        return input.targetFillRate() - decision.expectedFillRate() > belowTargetMargin;
    }

    /**
     * Every exception that applies to a planned line, most urgent first.
     *
     * @param input what the policy was decided from
     * @param decision the policy
     * @param demandPerPeriod expected demand per period
     * @param periodsSinceLastDemand periods since the last period with demand
     *     ({@code Integer.MAX_VALUE} if never)
     */
    public List<ExceptionCode> all(PolicyInput input, PolicyDecision decision, double demandPerPeriod,
                                   int periodsSinceLastDemand) {
        List<ExceptionCode> out = new ArrayList<>(4);
        double position = decision.inventoryPosition();
        if (position < decision.reorderPoint() && position < decision.expectedLeadTimeDemand()) {
            out.add(ExceptionCode.STOCKOUT_RISK);
        }
        if (periodsSinceLastDemand >= deadStockPeriods && input.onHand() > 0) {
            out.add(ExceptionCode.DEAD_STOCK);
        }
        if (position > decision.orderUpTo() + overstockCoverPeriods * Math.max(0, demandPerPeriod)) {
            out.add(ExceptionCode.OVERSTOCK);
        }
        if (OrderUpToPolicy.heldBackByCap(input, decision)) {
            out.add(ExceptionCode.TARGET_UNREACHABLE);
        } else if (belowTarget(input, decision)) {
            out.add(ExceptionCode.BELOW_TARGET);
        }
        return out;
    }

    /** The reason code of a planned line: the most urgent exception, if any. */
    public Optional<ExceptionCode> reason(PolicyInput input, PolicyDecision decision, double demandPerPeriod,
                                          int periodsSinceLastDemand) {
        List<ExceptionCode> all = all(input, decision, demandPerPeriod, periodsSinceLastDemand);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }
}
