package com.sparecast.jobs.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sparecast.models.distribution.DemandDistribution;
import com.sparecast.models.distribution.LeadTime;
import com.sparecast.models.distribution.LeadTimeDemandModel;
import org.junit.jupiter.api.Test;

/** The coverage count of {@link Backtest#inside}: atoms counted by their share inside the interval. */
class BacktestTest {

    @Test
    void anOutcomeOnAnAtomCountsByTheShareOfItsMassInside() {
        // Poisson(0.3): F(0) = 0.7408, F(1) = 0.9631. The central 80% interval is [0.1, 0.9].
        DemandDistribution poisson = LeadTimeDemandModel.withDefaults().over(0.3, 0.3, new LeadTime(1, 0), 0)
                .distribution();
        assertEquals("Poisson", poisson.name());
        double f0 = Math.exp(-0.3);
        double f1 = f0 * 1.3;
        assertEquals((f0 - 0.1) / f0, Backtest.inside(poisson, 0, 0.1, 0.9), 1e-12);
        assertEquals((0.9 - f0) / (f1 - f0), Backtest.inside(poisson, 1, 0.1, 0.9), 1e-12);
        assertEquals(0, Backtest.inside(poisson, 3, 0.1, 0.9), 0);
        // The expected count under the forecast itself is the nominal 80%.
        double expected = 0;
        for (int y = 0; y < 30; y++) {
            expected += (poisson.cdf(y) - poisson.cdf(y - 1)) * Backtest.inside(poisson, y, 0.1, 0.9);
        }
        assertEquals(0.8, expected, 1e-12);
    }

    @Test
    void aContinuousDistributionCountsWhole() {
        DemandDistribution normal = LeadTimeDemandModel.withDefaults().over(40, 90, new LeadTime(1, 0), 0)
                .distribution();
        assertEquals("Normal", normal.name());
        assertEquals(1, Backtest.inside(normal, 40, 0.1, 0.9), 0);
        assertEquals(0, Backtest.inside(normal, 60, 0.1, 0.9), 0);
    }
}
