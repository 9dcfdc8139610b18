package com.sparecast.models.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PlannerDecisionTest {

    private static final OrderUpToPolicy POLICY = OrderUpToPolicy.withDefaults();

    /** Poisson 2 per week, lead time 3 weeks, review 1 week: S = 13, s = 12 for 95% (see OrderUpToPolicyTest). */
    private static PolicyInput input(double onHand) {
        return new PolicyInput(DiscreteTestDemand.poisson(8), 2, 0.95, onHand, 0, 0, 0, 1, 0)
                .withLeadTimeDemand(DiscreteTestDemand.poisson(6));
    }

    private static PolicyDecision planned(double onHand) {
        PolicyDecision d = POLICY.decide(input(onHand));
        assertEquals(12, d.reorderPoint());
        assertEquals(13, d.orderUpTo());
        return d;
    }

    @Test
    void minStockRaisesTheReorderPointAndTheOrderFollows() {
        PolicyDecision d = new PlannerDecision(PlannerDecision.Kind.MIN_STOCK, 15).apply(input(10), planned(10));
        // s = 15, S = 16 (the band keeps its width of one batch); position 10: order 16 - 10 = 6
        assertEquals(15, d.reorderPoint());
        assertEquals(16, d.orderUpTo());
        assertEquals(6, d.orderQuantity());
        assertEquals(OrderUpToPolicy.fillRate(DiscreteTestDemand.poisson(8), DiscreteTestDemand.poisson(6), 2, 16),
                d.expectedFillRate(), 1e-12);
        // a minimum below the reorder point changes nothing
        PolicyDecision low = planned(10);
        assertSame(low, new PlannerDecision(PlannerDecision.Kind.MIN_STOCK, 5).apply(input(10), low));
    }

    @Test
    void maxStockCapsTheOrderUpToLevel() {
        PolicyDecision d = new PlannerDecision(PlannerDecision.Kind.MAX_STOCK, 11).apply(input(10), planned(10));
        // S = 11, s = 10; position 10 <= s: order 11 - 10 = 1
        assertEquals(10, d.reorderPoint());
        assertEquals(11, d.orderUpTo());
        assertEquals(1, d.orderQuantity());
        // a cap of 0 orders nothing for a position of 0 (s = -1)
        PolicyDecision zero = new PlannerDecision(PlannerDecision.Kind.MAX_STOCK, 0).apply(input(0), planned(0));
        assertEquals(0, zero.orderUpTo());
        assertEquals(0, zero.orderQuantity());
    }

    @Test
    void doNotStockZeroesTheLevelsAndOrderQtyFixesTheOrder() {
        PolicyDecision none = new PlannerDecision(PlannerDecision.Kind.DO_NOT_STOCK, Double.NaN).apply(input(0), planned(0));
        assertEquals(0, none.reorderPoint());
        assertEquals(0, none.orderUpTo());
        assertEquals(0, none.orderQuantity());
        // with nothing in stock, the fill rate of level 0: 1 - (E[(D_{L+R})] - E[D_L]) / 2 = 1 - (8 - 6) / 2 = 0
        assertEquals(0, none.expectedFillRate(), 1e-9);

        PolicyDecision seven = new PlannerDecision(PlannerDecision.Kind.ORDER_QTY, 7).apply(input(10), planned(10));
        assertEquals(7, seven.orderQuantity());
        assertEquals(13, seven.orderUpTo());
        PolicyDecision d = planned(10);
        assertSame(d, new PlannerDecision(PlannerDecision.Kind.ACCEPT, Double.NaN).apply(input(10), d));
        assertSame(d, new PlannerDecision(PlannerDecision.Kind.FORECAST, 3).apply(input(10), d));
    }

    @Test
    void kindsAndValuesAreChecked() {
        assertEquals(PlannerDecision.Kind.MIN_STOCK, PlannerDecision.Kind.parse(" min_stock "));
        assertNull(PlannerDecision.Kind.parse("MINIMUM"));
        assertThrows(IllegalArgumentException.class, () -> new PlannerDecision(PlannerDecision.Kind.ORDER_QTY, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new PlannerDecision(PlannerDecision.Kind.FORECAST, -1));
        assertThrows(IllegalArgumentException.class, () -> new PlannerDecision(PlannerDecision.Kind.MAX_STOCK, Double.NaN));
    }
}
