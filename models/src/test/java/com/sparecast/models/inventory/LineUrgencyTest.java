package com.sparecast.models.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sparecast.models.distribution.PoissonDemand;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LineUrgencyTest {

    @Test
    void unfilledUnitsAreTheLossOfLeadTimePlusReviewDemandAtThePosition() {
        // Poisson(4) at position 2: E[(X-2)+] = E[X] - 2 + E[(2-X)+] = 4 - 2 + 2 P(0) + 1 P(1)
        //   = 2 + 2 e^-4 + 4 e^-4 = 2 + 6 e^-4 = 2.109894...
        assertEquals(2 + 6 * Math.exp(-4), LineUrgency.unfilledUnits(PoissonDemand.of(4), 2), 1e-9);
        // nothing at risk far above the demand; all of it (and the backlog) at a negative position
        assertEquals(0, LineUrgency.unfilledUnits(PoissonDemand.of(4), 40), 1e-9);
        assertEquals(4 + 3, LineUrgency.unfilledUnits(PoissonDemand.of(4), -3), 1e-9);
    }

    @Test
    void weeksOfCoverArePositionOverMeanDemandAndEmptyWithoutDemand() {
        assertEquals(OptionalDouble.of(2.5), LineUrgency.weeksOfCover(10, 4)); // 10 / 4
        assertEquals(OptionalDouble.of(-0.5), LineUrgency.weeksOfCover(-2, 4)); // backorders: negative cover
        assertEquals(OptionalDouble.empty(), LineUrgency.weeksOfCover(10, 0));
    }

    @Test
    void stockOutDayIsOnHandAtMeanDemandWithinTheHorizon() {
        // 10 on hand at 4 a week: 7 * 10 / 4 = 17.5 days, so the stock runs out on day 17
        assertEquals(OptionalLong.of(17), LineUrgency.daysUntilStockOut(10, 4, 13));
        assertEquals(OptionalLong.of(0), LineUrgency.daysUntilStockOut(0, 4, 13)); // out already
        // 7 * 100 / 4 = 175 days is beyond 13 weeks (91 days), within 26 (182 days)
        assertEquals(OptionalLong.empty(), LineUrgency.daysUntilStockOut(100, 4, 13));
        assertEquals(OptionalLong.of(175), LineUrgency.daysUntilStockOut(100, 4, 26));
        assertEquals(OptionalLong.empty(), LineUrgency.daysUntilStockOut(10, 0, 13));
    }
}
