package com.sparecast.models.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExceptionRulesTest {

    private static final ExceptionRules RULES = ExceptionRules.withDefaults();
    private static final OrderUpToPolicy POLICY = OrderUpToPolicy.withDefaults();

    private static PolicyInput input(double onHand, double onOrder) {
        // Poisson 2 per week, lead time 3 weeks, review 1 week: S = 13 for 95% (see OrderUpToPolicyTest).
        return new PolicyInput(DiscreteTestDemand.poisson(8), 2, 0.95, onHand, onOrder, 0, 0, 1, 0)
                .withLeadTimeDemand(DiscreteTestDemand.poisson(6));
    }

    private static List<ExceptionCode> check(PolicyInput in, int sinceDemand) {
        return RULES.all(in, POLICY.decide(in), 2, sinceDemand);
    }

    @Test
    void stockoutRiskWhenThePositionCannotCoverTheLeadTime() {
        assertEquals(List.of(ExceptionCode.STOCKOUT_RISK), check(input(3, 0), 0));
        // below the reorder point but the position covers the expected lead-time demand of 6
        assertEquals(List.of(), check(input(4, 4), 0));
    }

    @Test
    void overstockBeyondTheCover() {
        // S = 13, cover 26 weeks x 2 = 52: overstock above 65.
        assertEquals(List.of(), check(input(65, 0), 0));
        assertEquals(List.of(ExceptionCode.OVERSTOCK), check(input(66, 0), 0));
        assertEquals(List.of(), RULES.withOverstockCover(30).all(input(66, 0), POLICY.decide(input(66, 0)), 2, 0));
    }

    @Test
    void deadStockComesBeforeOverstock() {
        PolicyInput in = input(70, 0);
        assertEquals(List.of(ExceptionCode.DEAD_STOCK, ExceptionCode.OVERSTOCK), check(in, 52));
        assertEquals(Optional.of(ExceptionCode.DEAD_STOCK), RULES.reason(in, POLICY.decide(in), 2, Integer.MAX_VALUE));
        assertEquals(List.of(ExceptionCode.OVERSTOCK), check(in, 51));
        assertEquals(List.of(), RULES.withDeadStockPeriods(12).all(input(0, 0), POLICY.decide(input(10, 0)), 2, 20));
    }

    @Test
    void belowTargetWhenTheExpectedFillRateMissesTheTargetByMoreThanTheMargin() {
        PolicyInput in = input(10, 0); // target 0.95
        // 0.95 - 0.84 = 0.11 > 0.10: below target; 0.95 - 0.86 = 0.09: within the margin
        assertEquals(List.of(ExceptionCode.BELOW_TARGET), RULES.all(in, decision(0.84), 2, 0));
        assertEquals(List.of(), RULES.all(in, decision(0.86), 2, 0));
        // a wider margin lets 0.84 pass; a margin of 0 flags any shortfall
        assertEquals(List.of(), RULES.withBelowTargetMargin(0.2).all(in, decision(0.84), 2, 0));
        assertEquals(List.of(ExceptionCode.BELOW_TARGET), RULES.withBelowTargetMargin(0).all(in, decision(0.94), 2, 0));
        // a stock-out risk is the more urgent reason
        PolicyDecision short_ = new PolicyDecision(0, 5, 13, 1, 12, 0.5, 0, 0.95, 6);
        assertEquals(List.of(ExceptionCode.STOCKOUT_RISK, ExceptionCode.BELOW_TARGET), RULES.all(in, short_, 2, 0));
        assertEquals(Optional.of(ExceptionCode.STOCKOUT_RISK), RULES.reason(in, short_, 2, 0));
    }

    /** Position 10 between reorder point 5 and order-up-to 13 (no other exception), at this fill rate. */
    private static PolicyDecision decision(double expectedFillRate) {
        return new PolicyDecision(0, 5, 13, 10, 3, expectedFillRate, 0, 0.95, 6);
    }

    @Test
    void invalidRulesThrow() {
        assertThrows(IllegalArgumentException.class, () -> new ExceptionRules(26, 52, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new ExceptionRules(-1, 52));
        assertThrows(IllegalArgumentException.class, () -> new ExceptionRules(26, 0));
    }
}
