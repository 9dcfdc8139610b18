package com.sparecast.jobs.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sparecast.jobs.simulate.PolicyComparison.ExpectedFill;
import com.sparecast.models.inventory.SimulationResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decile table of expected against achieved fill rate, on lines worked by hand. */
class ExpectedFillDecilesTest {

    private static ExpectedFill expected(double demand, double rate) {
        return new ExpectedFill(demand, demand * rate);
    }

    private static SimulationResult achieved(double demand, double filled) {
        return new SimulationResult(12, demand, filled, 0, 0, 0);
    }

    @Test
    void elevenLinesRankedByExpectedFillRateAndOneWithoutExpectedDemand() {
        List<ExpectedFill> e = new ArrayList<>();
        List<SimulationResult> a = new ArrayList<>();
        // Lines given in reverse order of their promise: line j promises 0.90 - 0.04 j (j = 0..10),
        // with E[D_R] 3 for j = 0 and 1 otherwise, and achieves 21 of 30 (j = 0) or 8 of 10.
        for (int j = 0; j <= 10; j++) {
            e.add(expected(j == 0 ? 3 : 1, 0.90 - 0.04 * j));
            a.add(j == 0 ? achieved(30, 21) : achieved(10, 8));
        }
        // A line whose plans expect nothing, and which met 1 of 4 units.
        e.add(ExpectedFill.EMPTY);
        a.add(achieved(4, 1));
        ExpectedFillDeciles d = ExpectedFillDeciles.of(e, a);
        // 11 ranked lines: decile k (1..10) takes ranks floor(11 (k-1) / 10) .. floor(11 k / 10) - 1,
        // that is one line each for deciles 1 to 9 (ranks 0..8) and two for decile 10 (ranks 9, 10).
        assertEquals(10, d.deciles().size());
        for (int k = 1; k <= 9; k++) {
            ExpectedFillDeciles.Decile r = d.deciles().get(k - 1);
            assertEquals(k, r.decile());
            assertEquals(1, r.lines());
            // rank k-1 is line j = 11 - k: promise 0.90 - 0.04 (11 - k)
            assertEquals(0.90 - 0.04 * (11 - k), r.expectedFillRate(), 1e-12);
            assertEquals(0.8, r.achievedFillRate(), 1e-12);
        }
        ExpectedFillDeciles.Decile top = d.deciles().get(9);
        assertEquals(2, top.lines());
        // lines j = 1 (0.86, weight 1) and j = 0 (0.90, weight 3): (0.86 + 3 * 0.90) / 4 = 0.89
        assertEquals(0.89, top.expectedFillRate(), 1e-12);
        // (8 + 21) / (10 + 30) = 0.725
        assertEquals(0.725, top.achievedFillRate(), 1e-12);
        assertEquals(1, d.unplanned().lines());
        assertEquals(0.25, d.unplanned().achieved().fillRate(), 1e-12);
    }

    @Test
    void tiesKeepTheLinesOrderAndFewLinesLeaveDecilesOut() {
        // Three lines, all promising 0.9: deciles 4, 7 and 10 (ranks floor(3 (k-1) / 10) .. floor(3 k / 10) - 1).
        List<ExpectedFill> e = List.of(expected(1, 0.9), expected(1, 0.9), expected(1, 0.9));
        List<SimulationResult> a = List.of(achieved(1, 1), achieved(2, 0), achieved(4, 3));
        ExpectedFillDeciles d = ExpectedFillDeciles.of(e, a);
        assertEquals(List.of(4, 7, 10), d.deciles().stream().map(ExpectedFillDeciles.Decile::decile).toList());
        assertEquals(List.of(1.0, 0.0, 0.75),
                d.deciles().stream().map(ExpectedFillDeciles.Decile::achievedFillRate).toList());
        assertEquals(0, d.unplanned().lines());
        assertThrows(IllegalArgumentException.class, () -> ExpectedFillDeciles.of(e, List.of()));
    }
}
