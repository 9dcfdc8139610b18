package com.sparecast.models.inventory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.models.distribution.EmpiricalDemand;
import com.sparecast.models.distribution.LeadTime;
import com.sparecast.models.inventory.PolicySimulator.Levels;
import org.junit.jupiter.api.Test;

/**
 * The empirical bootstrap baseline, pinned to worked examples computed by hand below.
 */
class BootstrapOrderUpToPolicyTest {

    private static final BootstrapOrderUpToPolicy POLICY = BootstrapOrderUpToPolicy.withDefaults();

    /**
     * Quantile rule on ten replicates 0 0 0 0 1 1 2 3 5 8: the p quantile is the
     * ceil(10 p)-th smallest value: p 0.50 -> 5th = 1; 0.75 -> 8th = 3; 0.85 -> 9th = 5;
     * 0.95 -> 10th = 8. S is that value, s = S - 1.
     */
    @Test
    void orderUpToIsTheTargetQuantileOfTheReplicates() {
        EmpiricalDemand d = EmpiricalDemand.of("Bootstrap", new double[] {8, 0, 3, 0, 1, 5, 0, 2, 1, 0});
        assertEquals(1, BootstrapOrderUpToPolicy.orderUpTo(d, 0.50));
        assertEquals(3, BootstrapOrderUpToPolicy.orderUpTo(d, 0.75));
        assertEquals(5, BootstrapOrderUpToPolicy.orderUpTo(d, 0.85));
        assertEquals(8, BootstrapOrderUpToPolicy.orderUpTo(d, 0.95));
        assertEquals(Levels.of(4, 5), BootstrapOrderUpToPolicy.levels(d, 0.85));
        // A fractional quantile is rounded up to a whole unit.
        assertEquals(3, BootstrapOrderUpToPolicy.orderUpTo(EmpiricalDemand.of("x", new double[] {2.2}), 0.9));
    }

    /**
     * History 1 0 3 0 1 0 3 0: every demand is followed by a zero (P(d -> d) = 0/4) and every zero
     * by a demand (P(0 -> d) = 3/3); the last period is a zero. With lead time 2 (sd 0) and review
     * 1, each replicate spans 3 periods: demand, zero, demand, so it is the sum of two sizes drawn
     * from {1, 3, 1, 3}: 2 with probability 1/4, 4 with 1/2, 6 with 1/4 (mean 4). The 0.20 quantile
     * is 2, the 0.70 quantile 4, the 0.80 and 0.98 quantiles 6; with 1000 replicates the sample
     * shares at 2 and 4 (0.25 and 0.75, standard error 0.014) are far enough from those targets.
     */
    @Test
    void resamplesOccurrencesAndSizesOfTheHistory() {
        double[] history = {1, 0, 3, 0, 1, 0, 3, 0};
        EmpiricalDemand d = POLICY.demand(history, new LeadTime(2, 0), 1, 42);
        assertEquals(2, BootstrapOrderUpToPolicy.orderUpTo(d, 0.20));
        assertEquals(4, BootstrapOrderUpToPolicy.orderUpTo(d, 0.70));
        assertEquals(6, BootstrapOrderUpToPolicy.orderUpTo(d, 0.80));
        assertEquals(6, BootstrapOrderUpToPolicy.orderUpTo(d, 0.98));
        assertEquals(0.25, d.cdf(2), 0.045);
        assertEquals(0.75, d.cdf(4), 0.045);
        assertEquals(1.0, d.cdf(6));
        assertEquals(0.0, d.cdf(1.999));
        assertEquals(4, d.mean(), 0.14);
        // Every replicate is 2, 4 or 6: the chain never puts two demands in a row.
        assertEquals(d.cdf(2) + (d.cdf(4) - d.cdf(3.999)) + (d.cdf(6) - d.cdf(5.999)), 1.0, 1e-12);
    }

    /** A demand in every period and one period to cover (lead time 0, review 1): always the one size, 2. */
    @Test
    void aSteadySeriesGivesItsOwnDemand() {
        EmpiricalDemand d = POLICY.demand(new double[] {2, 2, 2, 2}, new LeadTime(0, 0), 1, 7);
        assertEquals(2, d.mean(), 0);
        assertEquals(0, d.variance(), 0);
        assertEquals(2, BootstrapOrderUpToPolicy.orderUpTo(d, 0.98));
    }

    @Test
    void sameSeedSameSample() {
        double[] history = {0, 0, 4, 0, 1, 0, 0, 9, 2, 0, 0, 1};
        LeadTime lt = new LeadTime(2, 0.5);
        double[] qs = {0.5, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98};
        EmpiricalDemand a = POLICY.demand(history, lt, 1, 11);
        EmpiricalDemand b = POLICY.demand(history, lt, 1, 11);
        EmpiricalDemand c = POLICY.demand(history, lt, 1, 12);
        double[] qa = new double[qs.length];
        double[] qb = new double[qs.length];
        for (int i = 0; i < qs.length; i++) {
            qa[i] = a.quantile(qs[i]);
            qb[i] = b.quantile(qs[i]);
        }
        assertArrayEquals(qa, qb);
        assertEquals(a.mean(), b.mean(), 0);
        assertNotEquals(a.mean(), c.mean());
        // Levels rise with the target.
        long previous = 0;
        for (double q : qs) {
            long s = BootstrapOrderUpToPolicy.orderUpTo(a, q);
            assertTrue(s >= previous, q + ": " + s);
            previous = s;
        }
    }

    @Test
    void noDemandGivesNoStock() {
        EmpiricalDemand d = POLICY.demand(new double[] {0, 0, 0}, new LeadTime(2, 0.5), 1, 1);
        assertEquals(0, BootstrapOrderUpToPolicy.orderUpTo(d, 0.98));
        assertEquals(Levels.of(-1, 0), BootstrapOrderUpToPolicy.levels(d, 0.98));
        assertEquals(0, POLICY.demand(new double[0], new LeadTime(1, 0), 1, 1).mean(), 0);
    }

    @Test
    void invalidArgumentsThrow() {
        EmpiricalDemand d = EmpiricalDemand.of("x", new double[] {1});
        assertThrows(IllegalArgumentException.class, () -> BootstrapOrderUpToPolicy.orderUpTo(d, 1.0));
        assertThrows(IllegalArgumentException.class, () -> BootstrapOrderUpToPolicy.orderUpTo(d, 0.0));
        assertThrows(IllegalArgumentException.class, () -> POLICY.withReplicates(0));
        assertThrows(IllegalArgumentException.class,
                () -> POLICY.demand(new double[] {1, -1}, new LeadTime(1, 0), 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> POLICY.demand(new double[] {1}, new LeadTime(1, 0), -1, 1));
    }
}
