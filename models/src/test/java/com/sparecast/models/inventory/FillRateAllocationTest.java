package com.sparecast.models.inventory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FillRateAllocationTest {

    private static PolicyInput poisson(double perWeek, int lead, double target) {
        return new PolicyInput(DiscreteTestDemand.poisson(perWeek * (lead + 1)), perWeek, target, 0, 0, 0, 0, 1, 0)
                .withLeadTimeDemand(DiscreteTestDemand.poisson(perWeek * lead));
    }

    @Test
    void curvesAreConcaveAndIncreasing() {
        for (double m : new double[] {0.05, 0.7, 2, 15}) {
            ResponseCurve c = FillRateAllocation.withDefaults().withLineFloor(0).curve(poisson(m, 3, 0.9));
            assertEquals(0, c.levels()[0]);
            for (int k = 0; k < c.segments(); k++) {
                assertTrue(c.gain(k) > 0);
                assertTrue(c.levels()[k + 1] > c.levels()[k]);
                if (k > 0) {
                    assertTrue(c.slope(k) < c.slope(k - 1), "slopes fall along the hull");
                }
            }
            double lastFill = c.filled()[c.segments()] / c.demand();
            assertTrue(lastFill >= 0.999, "the curve reaches the cap");
        }
    }

    @Test
    void theClassReachesItsTargetInExpectationWithLessStockThanPerLineTargets() {
        List<PolicyInput> lines = new ArrayList<>();
        double[] means = {0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1.2, 2, 3, 5, 8};
        for (double m : means) {
            lines.add(poisson(m, 4, 0.9));
        }
        List<PolicyDecision> alloc = FillRateAllocation.withDefaults().decideAll(lines, 0.9);
        double demand = 0;
        double filled = 0;
        double stock = 0;
        double filledPerLine = 0;
        double stockPerLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            PolicyDecision perLine = OrderUpToPolicy.withDefaults().decide(lines.get(i));
            demand += means[i];
            filled += means[i] * alloc.get(i).expectedFillRate();
            stock += alloc.get(i).expectedOnHand();
            filledPerLine += means[i] * perLine.expectedFillRate();
            stockPerLine += perLine.expectedOnHand();
            assertTrue(alloc.get(i).expectedFillRate() >= 0.5, "default floor");
            assertEquals(0.9, alloc.get(i).targetFillRate());
        }
        assertTrue(filled / demand >= 0.9);
        assertTrue(filled / demand < 0.905, "no more than one step over: " + filled / demand);
        assertTrue(filledPerLine / demand > filled / demand);
        assertTrue(stock < stockPerLine, stock + " vs " + stockPerLine);
    }

    @Test
    void multiplierEdgeCases() {
        FillRateAllocation a = FillRateAllocation.withDefaults().withLineFloor(0.95);
        List<ResponseCurve> curves = List.of(a.curve(poisson(1, 2, 0.9)), a.curve(poisson(3, 2, 0.9)));
        assertEquals(Double.POSITIVE_INFINITY, a.multiplier(curves, 0.9), "the floors already reach it");
        FillRateAllocation capped = FillRateAllocation.withDefaults().withLineCap(0.92);
        List<ResponseCurve> low = List.of(capped.curve(poisson(1, 2, 0.9)));
        assertEquals(0, capped.multiplier(low, 0.98), "the caps cannot reach it");
        assertEquals(Double.POSITIVE_INFINITY, a.multiplier(List.of(), 0.9));
        assertThrows(IllegalArgumentException.class, () -> a.multiplier(curves, 1));
        assertThrows(IllegalArgumentException.class, () -> FillRateAllocation.withDefaults().withLineFloor(0.9999));
    }

    @Test
    void theStockCapEndsEveryCurveAndTheClassTakesWhatTheCapsGive() {
        FillRateAllocation a = FillRateAllocation.withDefaults();
        // Poisson 1 a period, lead time 2: S = 4 gives 0.75578, S = 5 0.88787, S = 6 0.95522
        // (PlanLineTest's worked example); capped at 5, the curve's last level is 5.
        PolicyInput slow = poisson(1, 2, 0.95).withMaxOrderUpTo(5);
        PolicyInput fast = poisson(3, 2, 0.95).withMaxOrderUpTo(100);
        ResponseCurve c = a.curve(slow);
        long[] levels = c.levels();
        assertEquals(5, levels[levels.length - 1]);
        assertEquals(0.887867, c.filled()[levels.length - 1], 1e-6);
        // The class cannot reach 0.999 within the caps: multiplier 0, every line at its cap's fill rate
        // (the fast line at its own 0.999 level, which is below 100), the slow one held back.
        List<ResponseCurve> curves = List.of(c, a.curve(fast));
        assertEquals(0, a.multiplier(curves, 0.999));
        List<PolicyDecision> d = a.decideAll(List.of(slow, fast), 0.999);
        assertEquals(5, d.get(0).orderUpTo());
        assertTrue(OrderUpToPolicy.heldBackByCap(slow, d.get(0)));
        assertTrue(d.get(1).expectedFillRate() >= 0.999 && d.get(1).orderUpTo() < 100, d.get(1).toString());
        assertEquals(false, OrderUpToPolicy.heldBackByCap(fast, d.get(1)));
        // A cap under the floor's level wins over the floor.
        PolicyInput tight = poisson(1, 2, 0.95).withMaxOrderUpTo(3);
        assertEquals(3, a.withLineFloor(0.9).decide(tight, 0).orderUpTo());
    }

    @Test
    void decisionsFromCurvesAreDeterministicAndSerializableValues() {
        FillRateAllocation a = FillRateAllocation.withDefaults();
        PolicyInput line = poisson(0.4, 3, 0.95);
        ResponseCurve c1 = a.curve(line);
        ResponseCurve c2 = a.curve(line);
        assertEquals(c1, c2);
        assertArrayEquals(c1.levels(), c2.levels());
        double lambda = a.multiplier(List.of(c1), 0.95);
        assertEquals(a.decide(line, lambda), a.decide(line, c1, lambda));
        assertTrue(c1 instanceof java.io.Serializable);
    }

    @Test
    void aHoldingWeightMovesStockToTheCheaperLine() {
        FillRateAllocation a = FillRateAllocation.withDefaults();
        PolicyInput line = poisson(1, 3, 0.9);
        List<ResponseCurve> units = List.of(a.curve(line, 1), a.curve(line, 1));
        List<ResponseCurve> value = List.of(a.curve(line, 1), a.curve(line, 50));
        PolicyDecision sameA = a.decide(line, units.get(0), a.multiplier(units, 0.9));
        PolicyDecision sameB = a.decide(line, units.get(1), a.multiplier(units, 0.9));
        double lambda = a.multiplier(value, 0.9);
        PolicyDecision cheap = a.decide(line, value.get(0), lambda);
        PolicyDecision dear = a.decide(line, value.get(1), lambda);
        assertEquals(sameA.orderUpTo(), sameB.orderUpTo());
        assertTrue(cheap.orderUpTo() > dear.orderUpTo(), cheap.orderUpTo() + " vs " + dear.orderUpTo());
        assertTrue((cheap.expectedFillRate() + dear.expectedFillRate()) / 2 >= 0.9);
    }

    @Test
    void zeroDemandLinesHoldNothing() {
        PolicyInput none = new PolicyInput(DiscreteTestDemand.poisson(1e-12), 0, 0.9, 2, 0, 0, 0, 1, 0);
        ResponseCurve c = FillRateAllocation.withDefaults().curve(none);
        assertEquals(0, c.segments());
        assertEquals(0, FillRateAllocation.withDefaults().decide(none, c, 1.0).orderUpTo());
    }
}
