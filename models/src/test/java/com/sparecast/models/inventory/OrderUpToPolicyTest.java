package com.sparecast.models.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.models.distribution.DemandDistribution;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fill rate of an (R, S) policy and the order-up-to level for a target, against R 4.2.2:
 * src/test/resources/inventory/fillrate.csv (src/test/R/inventory-reference.R), which sums the
 * pmf for ESPRC = E[(D_{L+R} - S)+] - E[(D_L - S)+] (Silver, Pyke &amp; Thomas) with L = 3, R = 1;
 * Poisson demand 2 per period and negative binomial size 1, prob 1/3 per period (mean 2,
 * variance 6).
 */
class OrderUpToPolicyTest {

    private static final DemandDistribution POIS_L = DiscreteTestDemand.poisson(6);
    private static final DemandDistribution POIS_LR = DiscreteTestDemand.poisson(8);
    private static final DemandDistribution NB_L = DiscreteTestDemand.negativeBinomial(3, 1.0 / 3);
    private static final DemandDistribution NB_LR = DiscreteTestDemand.negativeBinomial(4, 1.0 / 3);

    private static DemandDistribution lr(String family) {
        return family.equals("poisson") ? POIS_LR : NB_LR;
    }

    private static DemandDistribution l(String family) {
        return family.equals("poisson") ? POIS_L : NB_L;
    }

    @Test
    void fillRatesMatchR() {
        List<Map<String, String>> rows = ReferenceTable.read("/inventory/fillrate.csv");
        assertEquals(42, rows.size());
        for (var row : rows) {
            String f = row.get("family");
            double s = ReferenceTable.num(row, "S");
            double exact = Math.max(0, ReferenceTable.num(row, "exact"));
            double approx = Math.max(0, ReferenceTable.num(row, "approx"));
            assertEquals(exact, OrderUpToPolicy.fillRate(lr(f), l(f), 2, s), 1e-10, row::toString);
            assertEquals(approx, OrderUpToPolicy.fillRate(lr(f), 2, s), 1e-10, row::toString);
        }
    }

    @Test
    void orderUpToIsTheSmallestLevelReachingTheTarget() {
        List<Map<String, String>> rows = ReferenceTable.read("/inventory/fillrate.csv");
        for (String f : List.of("poisson", "negbinom")) {
            for (double target : new double[] {0.80, 0.90, 0.95, 0.98, 0.99}) {
                double expected = rows.stream().filter(r -> r.get("family").equals(f))
                        .filter(r -> ReferenceTable.num(r, "exact") >= target)
                        .mapToDouble(r -> ReferenceTable.num(r, "S")).min().orElseThrow();
                assertEquals(expected, OrderUpToPolicy.orderUpToFor(lr(f), l(f), 2, target), f + " " + target);
            }
        }
        // Read off the table: Poisson 0.95 -> S = 13 (beta 0.9699; S = 12 gives 0.9424);
        // negative binomial 0.95 -> S = 18 (0.9538; 17 gives 0.9396).
        assertEquals(13, OrderUpToPolicy.orderUpToFor(POIS_LR, POIS_L, 2, 0.95));
        assertEquals(18, OrderUpToPolicy.orderUpToFor(NB_LR, NB_L, 2, 0.95));
    }

    @Test
    void theStockCapBoundsTheOrderUpToLevelAndSaysTheTargetIsUnreachable() {
        // Poisson, target 0.95: uncapped S = 13 (beta 0.9699, R table). Capped at 12: S = 12 and the
        // plan expects 0.9424 (the table's S = 12), below the target: held back.
        PolicyInput in = new PolicyInput(POIS_LR, 2, 0.95, 0, 0, 0, 0, 1, 0).withLeadTimeDemand(POIS_L);
        PolicyDecision free = OrderUpToPolicy.withDefaults().decide(in);
        assertEquals(13, free.orderUpTo());
        assertEquals(false, OrderUpToPolicy.heldBackByCap(in, free));
        PolicyInput capped = in.withMaxOrderUpTo(12.7);
        PolicyDecision d = OrderUpToPolicy.withDefaults().decide(capped);
        assertEquals(12, d.orderUpTo());
        assertEquals(0.942398165856243, d.expectedFillRate(), 1e-10);
        assertTrue(OrderUpToPolicy.heldBackByCap(capped, d));
        // A cap at or above what the target needs changes nothing and holds nothing back.
        PolicyInput roomy = in.withMaxOrderUpTo(13);
        assertEquals(free, OrderUpToPolicy.withDefaults().decide(roomy));
        assertEquals(false, OrderUpToPolicy.heldBackByCap(roomy, OrderUpToPolicy.withDefaults().decide(roomy)));
        // Batches of 5 (pack 5): S = s + 5 <= 12, so s = 7 at most; a cap under one batch leaves
        // the band at 0 (s = -1, S = 4): an order is still one batch.
        PolicyInput packed = new PolicyInput(POIS_LR, 2, 0.95, 0, 0, 0, 0, 5, 0).withLeadTimeDemand(POIS_L);
        assertEquals(12, OrderUpToPolicy.withDefaults().decide(packed.withMaxOrderUpTo(12)).orderUpTo());
        assertEquals(7, OrderUpToPolicy.withDefaults().decide(packed.withMaxOrderUpTo(12)).reorderPoint());
        assertEquals(4, OrderUpToPolicy.withDefaults().decide(packed.withMaxOrderUpTo(2)).orderUpTo());
        assertThrows(IllegalArgumentException.class, () -> in.withMaxOrderUpTo(-1));
    }

    @Test
    void decideSetsAPlainOrderUpToPolicyWithPackSizeOne() {
        PolicyInput in = new PolicyInput(NB_LR, 2, 0.95, 5, 4, 1, 2, 1, 0).withLeadTimeDemand(NB_L);
        PolicyDecision d = OrderUpToPolicy.withDefaults().decide(in);
        assertEquals(18, d.orderUpTo());
        assertEquals(17, d.reorderPoint());
        assertEquals(8, d.inventoryPosition());
        assertEquals(10, d.orderQuantity());
        assertEquals(0.953838150717366, d.expectedFillRate(), 1e-10);
        assertEquals(18 - 8, d.safetyStock(), 1e-12);
        assertEquals(0.95, d.targetFillRate());
        assertEquals(6, d.expectedLeadTimeDemand(), 1e-12);
        // Expected on hand: mean of E[(18 - D_L)+] and E[(18 - D_{L+R})+].
        double oh = ((18 - 6 + NB_L.expectedShortage(18)) + (18 - 8 + NB_LR.expectedShortage(18))) / 2;
        assertEquals(oh, d.expectedOnHand(), 1e-12);
    }

    @Test
    void theOriginalNineComponentInputStillWorks() {
        PolicyInput in = new PolicyInput(POIS_LR, 2, 0.95, 20, 0, 0, 0, 1, 0);
        PolicyDecision d = OrderUpToPolicy.withDefaults().decide(in);
        // Classic approximation: smallest S with 1 - G(S)/2 >= 0.95 is 13 (0.9670; 12 gives 0.9351).
        assertEquals(13, d.orderUpTo());
        assertEquals(0, d.orderQuantity());
        assertEquals(6, d.expectedLeadTimeDemand(), 1e-12);
    }

    @Test
    void ordersAreRoundedToThePackAndAtLeastTheMoq() {
        assertEquals(12, OrderUpToPolicy.roundToPack(10.2, 6, 0));
        assertEquals(24, OrderUpToPolicy.roundToPack(3, 6, 20));
        assertEquals(5, OrderUpToPolicy.roundToPack(5, 1, 0));
        PolicyInput in = new PolicyInput(POIS_LR, 2, 0.95, 0, 0, 0, 0, 10, 25).withLeadTimeDemand(POIS_L);
        PolicyDecision d = OrderUpToPolicy.withDefaults().decide(in);
        // Batch Q = 30 > E[D_R]: the position after a review is spread over s+1 .. s+30.
        assertEquals(30, d.orderUpTo() - d.reorderPoint());
        assertEquals(0, d.orderQuantity() % 10);
        assertTrue(d.orderQuantity() >= 30);
        assertTrue(d.expectedFillRate() >= 0.95);
        assertTrue(d.reorderPoint() < 13, "batching lowers the reorder point below the plain S");
    }

    @Test
    void anEoqRaisesTheOrderSize() {
        PolicyInput in = new PolicyInput(POIS_LR, 2, 0.95, 0, 0, 0, 0, 1, 0)
                .withLeadTimeDemand(POIS_L).withEconomicOrderQuantity(20.4);
        PolicyDecision d = OrderUpToPolicy.withDefaults().decide(in);
        assertEquals(21, d.orderUpTo() - d.reorderPoint());
        assertTrue(d.orderQuantity() >= 21);
    }

    @Test
    void zeroDemandOrdersOnlyForBackorders() {
        PolicyDecision none = OrderUpToPolicy.withDefaults().decide(
                new PolicyInput(DiscreteTestDemand.poisson(1e-12), 0, 0.9, 3, 0, 0, 0, 1, 0));
        assertEquals(0, none.orderQuantity());
        assertEquals(1, none.expectedFillRate());
        PolicyDecision owed = OrderUpToPolicy.withDefaults().decide(
                new PolicyInput(DiscreteTestDemand.poisson(1e-12), 0, 0.9, 0, 0, 0, 2, 4, 0));
        assertEquals(4, owed.orderQuantity());
    }

    @Test
    void invalidInputsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new PolicyInput(POIS_LR, 2, 1.0, 0, 0, 0, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new PolicyInput(POIS_LR, 2, 0.9, 0, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new PolicyInput(null, 2, 0.9, 0, 0, 0, 0, 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new PolicyInput(POIS_LR, 2, 0.9, 0, 0, 0, 0, 1, 0).withEconomicOrderQuantity(-1));
        assertThrows(IllegalArgumentException.class, () -> OrderUpToPolicy.orderUpToFor(POIS_LR, POIS_L, 2, 1.0));
    }
}
