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
    void invalidRulesThrow() {
        assertThrows(IllegalArgumentException.class, () -> new ExceptionRules(-1, 52));
        assertThrows(IllegalArgumentException.class, () -> new ExceptionRules(26, 0));
    }
}
