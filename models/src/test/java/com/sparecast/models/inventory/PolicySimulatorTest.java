package com.sparecast.models.inventory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sparecast.models.inventory.PolicySimulator.Levels;
import org.junit.jupiter.api.Test;

class PolicySimulatorTest {

    @Test
    void aHandWorkedPath() {
        // S = 5, s = 4, lead time 1: an order at the end of period t is usable in t + 2.
        double[] demand = {3, 4, 0, 2};
        SimulationResult r = PolicySimulator.withDefaults().simulate(demand, Levels.of(4, 5), 1, 0);
        // t0: on hand 5 -> 2, order 3 (arrives t2). t1: 2 on hand, demand 4: 2 filled, 2 owed;
        //     position 0 + 3 - 2 = 1, order 4 (arrives t3). t2: +3, serve 2 owed -> 1; demand 0;
        //     position 1 + 4 = 5, no order. t3: +4 -> 5, demand 2 -> 3; position 3, order 2.
        assertEquals(9, r.demand());
        assertEquals(3 + 2 + 0 + 2, r.filledFromStock());
        assertEquals(3, r.orders());
        assertEquals(9, r.unitsOrdered());
        assertEquals((5 + 2) / 2.0 + (2 + 0) / 2.0 + (1 + 1) / 2.0 + (5 + 3) / 2.0, r.onHandSum(), 1e-12);
        assertEquals(7.0 / 9, r.fillRate(), 1e-12);
    }

    @Test
    void levelsPlannedAgainTakeEffectAtTheNextReview() {
        // The hand-worked path, with the order-up-to level raised to 8 (s = 7) from period 2's review.
        double[] demand = {3, 4, 0, 2};
        Levels low = Levels.of(4, 5);
        Levels high = Levels.of(7, 8);
        SimulationResult r = PolicySimulator.withDefaults()
                .simulate(demand, new Levels[] {low, low, high, high}, new int[] {1, 1, 1, 1}, 0, 5);
        // t0, t1 as before (orders 3 and 4). t2: +3, serve 2 owed -> 1, demand 0; position 1 + 4 = 5
        //     <= 7: order 3 (arrives t4, after the path). t3: +4 -> 5, demand 2 -> 3; position
        //     3 + 3 = 6 <= 7: order 2.
        assertEquals(3 + 2 + 0 + 2, r.filledFromStock());
        assertEquals(4, r.orders());
        assertEquals(3 + 4 + 3 + 2, r.unitsOrdered());
        // The same levels in every period are the fixed-levels simulation.
        assertEquals(PolicySimulator.withDefaults().simulate(demand, low, 1, 0),
                PolicySimulator.withDefaults().simulate(demand, new Levels[] {low, low, low, low},
                        new int[] {1, 1, 1, 1}, 0, 5));
        assertThrows(IllegalArgumentException.class, () -> PolicySimulator.withDefaults()
                .simulate(demand, new Levels[] {low, low}, new int[] {1, 1, 1, 1}, 0, 5));
    }

    @Test
    void warmUpPeriodsAreNotMeasured() {
        double[] demand = {3, 4, 0, 2};
        SimulationResult r = PolicySimulator.withDefaults().simulate(demand, Levels.of(4, 5), 1, 2);
        assertEquals(2, r.periods());
        assertEquals(2, r.demand());
        assertEquals(1, r.orders());
    }

    @Test
    void reviewEveryOtherPeriodWithPacks() {
        double[] demand = {1, 1, 1, 1, 1, 1};
        SimulationResult r = PolicySimulator.withReview(2)
                .simulate(demand, new Levels(3, 4, 3, 0, 0), 0, 0);
        // reviews at the end of t1, t3, t5: positions 2, 4 - 2 + 3 = ... each order is one pack of 3.
        assertEquals(6, r.filledFromStock());
        assertEquals(0, r.unitsOrdered() % 3);
    }

    @Test
    void leadTimeSamplesAreSeededAndRounded() {
        int[] a = PolicySimulator.sampleLeadTimes(50, 3, 1, 42);
        assertArrayEquals(a, PolicySimulator.sampleLeadTimes(50, 3, 1, 42));
        for (int v : a) {
            org.junit.jupiter.api.Assertions.assertTrue(v >= 0);
        }
        assertArrayEquals(new int[] {2, 2, 2}, PolicySimulator.sampleLeadTimes(3, 2.4, 0, 1));
    }

    @Test
    void summedResultsWeightByDemand() {
        SimulationResult a = new SimulationResult(10, 100, 90, 50, 3, 100);
        SimulationResult b = new SimulationResult(10, 10, 10, 30, 1, 10);
        SimulationResult s = a.plus(b);
        assertEquals(100.0 / 110, s.fillRate(), 1e-12);
        assertEquals(4, s.averageOnHand(), 1e-12);
        assertEquals(Double.NaN, SimulationResult.EMPTY.fillRate());
    }

    @Test
    void invalidInputThrows() {
        assertThrows(IllegalArgumentException.class,
                () -> PolicySimulator.withDefaults().simulate(new double[] {-1}, Levels.of(1, 2), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> PolicySimulator.withReview(0));
    }
}
