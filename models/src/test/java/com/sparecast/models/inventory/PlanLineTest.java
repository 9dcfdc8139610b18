package com.sparecast.models.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.models.distribution.LeadTime;
import com.sparecast.models.selection.SeriesForecast;
import com.sparecast.models.series.DemandClass;
import com.sparecast.models.series.IntermittencyStatistics;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A plan line on a worked example: a smooth series forecast flat at 1 a period with a one-step
 * error variance of 1, a lead time of exactly 2 periods and a review period of 1. Then
 * {@code D_{L+R}} is Poisson(3), {@code D_L} Poisson(2) and {@code E[D_R] = 1}, and the fill rate
 * of an order-up-to level {@code S} is {@code 1 - (E[(D_3 - S)+] - E[(D_2 - S)+])} (Silver, Pyke
 * &amp; Thomas, ESPRC). The expected values were worked out by summing the Poisson pmf
 * {@code exp(-l) l^k / k!} for k up to 150 (Python 3, math.lgamma):
 * <pre>
 *   S     4       5       6       7       8
 *   beta  0.75578 0.88787 0.95522 0.98420 0.99500
 * </pre>
 * and the cycle's average on hand at {@code S = 6}, {@code ((S - 2 + E[(D_2 - S)+]) + (S - 3 + E[(D_3 - S)+])) / 2},
 * is 3.528313.
 */
class PlanLineTest {

    private static final double[] HISTORY = {1, 0, 2, 1, 1, 0, 1, 2, 1, 1, 0, 2, 1, 1, 1, 0};
    private static final SeriesForecast FLAT_ONE = new SeriesForecast("HistoricAverage", "worked example",
            DemandClass.SMOOTH, IntermittencyStatistics.of(HISTORY), new double[] {1, 1, 1, 1, 1, 1}, 1);
    private static final LeadTime TWO = new LeadTime(2, 0);

    private static PlanLine.Input input(double target, double onHand, int packSize) {
        return new PlanLine.Input(FLAT_ONE, HISTORY, TWO, 1, 42L, target, onHand, 0, 0, packSize, 0, 0);
    }

    @Test
    void distributionsAreThoseOfTheWorkedExample() {
        PlanLine.Planned line = PlanLine.withDefaults().plan(input(0.9, 0, 1));
        assertEquals("Poisson", line.distribution().name().substring(0, 7), line.distribution().name());
        assertEquals(3, line.distribution().mean(), 1e-12);
        assertEquals(3, line.distribution().variance(), 1e-12);
        assertEquals(2, line.policy().leadTimeDemand().mean(), 1e-12);
        assertEquals(1, line.policy().reviewPeriodDemand(), 1e-12);
        assertSame(line.distribution(), line.policy().protectionDemand());
    }

    @Test
    void theStockCapIsCoverTimesMeanDemandRoundedUp() {
        // mu = 1: a cover of 5 periods caps S at 5, below the 6 that 0.9 needs: beta(5) = 0.88787,
        // held back. 5.5 periods round up to 6, which reaches 0.9: not held back. The default: 36.
        PlanLine five = PlanLine.withDefaults().withStockCap(5);
        PlanLine.Planned line = five.plan(input(0.9, 0, 1));
        assertEquals(5, line.policy().maxOrderUpTo(), 0);
        PolicyDecision d = five.decide(line);
        assertEquals(5, d.orderUpTo());
        assertEquals(0.88787, d.expectedFillRate(), 5e-6);
        assertTrue(five.heldBack(line, d));
        assertTrue(ExceptionRules.withDefaults().all(line.policy(), d, 1, 0).contains(ExceptionCode.TARGET_UNREACHABLE));
        PlanLine more = PlanLine.withDefaults().withStockCap(5.5);
        PlanLine.Planned roomy = more.plan(input(0.9, 0, 1));
        assertEquals(6, roomy.policy().maxOrderUpTo(), 0);
        assertEquals(false, more.heldBack(roomy, more.decide(roomy)));
        assertEquals(60, PlanLine.withDefaults().plan(input(0.9, 0, 1)).policy().maxOrderUpTo(), 0);
        assertEquals(Double.POSITIVE_INFINITY, PlanLine.withDefaults().withStockCap(Double.POSITIVE_INFINITY)
                .plan(input(0.9, 0, 1)).policy().maxOrderUpTo());
        assertThrows(IllegalArgumentException.class, () -> PlanLine.withDefaults().withStockCap(0));
    }

    @Test
    void ownTargetTakesTheLeastLevelThatReachesIt() {
        PlanLine plan = PlanLine.withDefaults();
        PolicyDecision d = plan.decide(plan.plan(input(0.9, 0, 1)));
        assertEquals(6, d.orderUpTo());
        assertEquals(5, d.reorderPoint());
        assertEquals(3, d.safetyStock(), 1e-12);
        assertEquals(0.9552217695628725, d.expectedFillRate(), 1e-9);
        assertEquals(3.528313499022300, d.expectedOnHand(), 1e-9);
        assertEquals(6, d.orderQuantity());
        // 0.88787 at S = 5 misses 0.88; 0.75578 at S = 4 misses 0.76
        assertEquals(5, plan.decide(plan.plan(input(0.88, 0, 1))).orderUpTo());
        assertEquals(5, plan.decide(plan.plan(input(0.76, 0, 1))).orderUpTo());
        assertEquals(4, plan.decide(plan.plan(input(0.75, 0, 1))).orderUpTo());
    }

    @Test
    void packOfFourAveragesTheFillRateOverTheBand() {
        // Positions after a review are uniform on s+1 .. s+4: the band 4..7 averages
        // (0.75578 + 0.88787 + 0.95522 + 0.98420) / 4 = 0.89577 < 0.9, the band 5..8 0.95557.
        PlanLine plan = PlanLine.withDefaults();
        PolicyDecision d = plan.decide(plan.plan(input(0.9, 1, 4)));
        assertEquals(4, d.reorderPoint());
        assertEquals(8, d.orderUpTo());
        assertEquals((0.8878674360121835 + 0.9552217695628725 + 0.9841964993454648 + 0.9950042842339636) / 4,
                d.expectedFillRate(), 1e-9);
        // position 1 is at or below s = 4: one pack lifts it to 5, into the band
        assertEquals(4, d.orderQuantity());
    }

    @Test
    void oneLineClassGetsTheSameLevelAsItsOwnTarget() {
        PlanLine plan = PlanLine.withDefaults();
        PlanLine.Planned line = plan.plan(input(0.9, 0, 1));
        PolicyDecision alone = plan.decideClass(List.of(line), 0.9).get(0);
        assertEquals(6, alone.orderUpTo());
        ResponseCurve curve = plan.curve(line);
        double lambda = plan.allocation().multiplier(List.of(curve), 0.9);
        assertEquals(alone, plan.decide(line, curve, lambda));
    }

    /** Several targets at once give, target by target, what the class-wide allocation gives at each. */
    @Test
    void severalTargetsAtOnceAreEachTargetAlone() {
        PlanLine plan = PlanLine.withDefaults();
        double[] lumpy = {0, 0, 9, 0, 0, 0, 1, 0, 0, 14, 0, 0, 0, 2, 0, 0, 0, 0, 7, 0, 0, 1, 0, 0};
        SeriesForecast f = new SeriesForecast("CrostonSBA", "worked example", DemandClass.LUMPY,
                IntermittencyStatistics.of(lumpy), new double[] {1.4, 1.4, 1.4, 1.4}, 12);
        List<PlanLine.Planned> lines = List.of(plan.plan(input(0.9, 0, 1)), plan.plan(input(0.9, 2, 4)),
                plan.plan(new PlanLine.Input(f, lumpy, TWO, 1, 7L, 0.9, 0, 0, 0, 1, 0, 0)));
        double[] targets = {0.7, 0.8, 0.85, 0.9, 0.95, 0.98};
        List<List<PolicyDecision>> all = plan.decideClass(lines, targets);
        assertEquals(targets.length, all.size());
        for (int j = 0; j < targets.length; j++) {
            double t = targets[j];
            assertEquals(plan.decideClass(lines.stream().map(l -> l.withTarget(t)).toList(), t), all.get(j),
                    "target " + t);
        }
        assertTrue(all.get(5).get(2).orderUpTo() > all.get(0).get(2).orderUpTo(), all.toString());
    }

    @Test
    void withTargetKeepsTheDistributions() {
        PlanLine.Planned line = PlanLine.withDefaults().plan(input(0.5, 0, 1));
        PlanLine.Planned at96 = line.withTarget(0.96);
        assertSame(line.leadTimeDemand(), at96.leadTimeDemand());
        assertSame(line.policy().leadTimeDemand(), at96.policy().leadTimeDemand());
        assertEquals(0.96, at96.policy().targetFillRate());
        // 0.95522 at S = 6 misses 0.96, 0.98420 at S = 7 reaches it
        assertEquals(7, PlanLine.withDefaults().decide(at96).orderUpTo());
    }

    @Test
    void lumpySeriesIsBootstrappedFromItsSeed() {
        double[] lumpy = {0, 0, 9, 0, 0, 0, 1, 0, 0, 14, 0, 0, 0, 2, 0, 0, 0, 0, 7, 0, 0, 1, 0, 0};
        SeriesForecast f = new SeriesForecast("CrostonSBA", "worked example", DemandClass.LUMPY,
                IntermittencyStatistics.of(lumpy), new double[] {1.4, 1.4, 1.4, 1.4}, 12);
        PlanLine plan = PlanLine.withDefaults();
        PlanLine.Input in = new PlanLine.Input(f, lumpy, TWO, 1, 7L, 0.9, 0, 0, 0, 1, 0, 0);
        PlanLine.Planned a = plan.plan(in);
        PlanLine.Planned b = plan.plan(in);
        assertTrue(a.leadTimeDemand().reason().startsWith("Bootstrap"), a.leadTimeDemand().reason());
        assertEquals(plan.decide(a), plan.decide(b));
        assertTrue(plan.decide(a).orderUpTo() > 0);
    }

    @Test
    void missingInputsThrow() {
        assertThrows(IllegalArgumentException.class,
                () -> new PlanLine.Input(null, HISTORY, TWO, 1, 0, 0.9, 0, 0, 0, 1, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new PlanLine.Input(FLAT_ONE, HISTORY, TWO, -1, 0, 0.9, 0, 0, 0, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> PlanLine.withDefaults().withAllocation(null));
    }
}
