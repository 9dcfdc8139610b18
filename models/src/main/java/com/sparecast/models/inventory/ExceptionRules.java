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
 * </ul>
 * The line's reason is the first that applies in the order SUPERSESSION_LOOP, NO_FORECAST,
 * STOCKOUT_RISK, DEAD_STOCK, OVERSTOCK, TARGET_UNREACHABLE (dead stock is the more specific
 * overstock; an unreachable target is said where nothing more urgent is).
 *
 * @param overstockCoverPeriods excess cover that makes an overstock, in periods of demand, &gt;= 0
 * @param deadStockPeriods periods without demand that make stock dead, &gt;= 1
 */
public record ExceptionRules(double overstockCoverPeriods, int deadStockPeriods) implements Serializable {

    private static final long serialVersionUID = 1L;

    public ExceptionRules {
        if (!(overstockCoverPeriods >= 0) || Double.isInfinite(overstockCoverPeriods)) {
            throw new IllegalArgumentException("overstock cover must be finite and >= 0, got " + overstockCoverPeriods);
        }
        if (deadStockPeriods < 1) {
            throw new IllegalArgumentException("dead stock periods must be >= 1, got " + deadStockPeriods);
        }
    }

    /** Weekly buckets: overstock beyond 26 weeks of cover, dead after 52 weeks without demand. */
    public static ExceptionRules withDefaults() {
        return new ExceptionRules(26, 52);
    }

    /** A copy with another overstock cover. */
    public ExceptionRules withOverstockCover(double periods) {
        return new ExceptionRules(periods, deadStockPeriods);
    }

    /** A copy with another dead-stock horizon. */
    public ExceptionRules withDeadStockPeriods(int periods) {
        return new ExceptionRules(overstockCoverPeriods, periods);
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
