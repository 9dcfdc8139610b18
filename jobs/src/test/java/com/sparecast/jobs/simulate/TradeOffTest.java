package com.sparecast.jobs.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.sparecast.models.inventory.SimulationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdict of the trade-off curve: a baseline's curve read at Sparecast's fill rate, worked by hand. */
class TradeOffTest {

    /** {@code fill} of 100 units of demand and {@code onHand} over 10 periods. */
    private static SimulationResult result(double fill, double onHand) {
        return new SimulationResult(10, 100, 100 * fill, 10 * onHand, 0, 0);
    }

    @Test
    void interpolatesBetweenTheBracketingPointsAndNeverExtrapolates() {
        List<double[]> curve = List.of(new double[] {0.9, 20}, new double[] {0.7, 10}, new double[] {0.8, 12});
        // Between 0.8 (12) and 0.9 (20): a quarter of the way, 14.
        assertEquals(14, TradeOff.interpolate(curve, 0.825), 1e-9);
        assertEquals(11, TradeOff.interpolate(curve, 0.75), 1e-9);
        assertEquals(10, TradeOff.interpolate(curve, 0.7), 1e-12);
        assertEquals(Double.NaN, TradeOff.interpolate(curve, 0.69));
        assertEquals(Double.NaN, TradeOff.interpolate(curve, 0.91));
        // Two points at the same fill rate (a target the policy cannot reach): the least stock.
        assertEquals(5, TradeOff.interpolate(List.of(new double[] {0.6, 9}, new double[] {0.6, 5}), 0.6), 0);
    }

    @Test
    void verdictPerPoint() {
        // Normal: (0.70, 10), (0.90, 20). Bootstrap: (0.80, 30), (0.95, 40).
        TradeOff.Point low = new TradeOff.Point(0.7, result(0.65, 8), result(0.70, 10), 0.8, result(0.80, 30));
        TradeOff.Point mid = new TradeOff.Point(0.9, result(0.80, 16), result(0.90, 20), 0.95, result(0.95, 40));
        TradeOff t = new TradeOff(List.of(low, mid), 0);
        // At 0.80 the normal curve holds 15 and the bootstrap's 30: Sparecast's 16 is above one, below the other.
        assertEquals(15, t.normalOnHandAt(mid), 1e-9);
        assertEquals(false, TradeOff.atOrBelow(mid, t.normalOnHandAt(mid)));
        assertEquals(30, t.bootstrapOnHandAt(mid), 1e-9);
        assertEquals(true, TradeOff.atOrBelow(mid, t.bootstrapOnHandAt(mid)));
        // 0.65 is below both baselines' ranges: no verdict.
        assertNull(TradeOff.atOrBelow(low, t.normalOnHandAt(low)));
        assertNull(TradeOff.atOrBelow(low, t.bootstrapOnHandAt(low)));
    }
}
