package com.sparecast.models.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IntermittencyStatisticsTest {

    @Test
    void statisticsOfASmallSeries() {
        // Sizes 3, 1, 2 in 6 periods: adi = 6 / 3 = 2; mean 2, variance (1 + 1 + 0) / 3 = 2/3,
        // cv2 = (2/3) / 2^2 = 1/6; zero share 3 / 6.
        IntermittencyStatistics s = IntermittencyStatistics.of(new double[] {0, 3, 0, 1, 0, 2});
        assertEquals(6, s.periods());
        assertEquals(3, s.nonZeroPeriods());
        assertEquals(2, s.adi(), 0);
        assertEquals(1.0 / 6, s.cv2(), 1e-15);
        assertEquals(0.5, s.zeroShare(), 0);
    }

    @Test
    void varianceKeepsTheSpreadOfLargeCloseSizes() {
        // Sizes 1e9 + 1, 1e9 + 2, 1e9 + 3: mean m = 1e9 + 2, variance (1 + 0 + 1) / 3 = 2/3,
        // cv2 = (2/3) / (1e9 + 2)^2 = 6.66666664000000008e-19.
        // The one-pass sum z^2 / k - m^2 subtracts two numbers near 1e18, where doubles are 128
        // apart, and gives 0 here: cv2 = 0, as if the sizes were all equal.
        IntermittencyStatistics s = IntermittencyStatistics.of(new double[] {1e9 + 1, 0, 1e9 + 2, 1e9 + 3});
        assertEquals(6.66666664e-19, s.cv2(), 1e-12 * 6.66666664e-19);
    }

    @Test
    void singleDemandAndNoDemand() {
        IntermittencyStatistics one = IntermittencyStatistics.of(new double[] {0, 0, 5, 0});
        assertEquals(4, one.adi(), 0);
        assertEquals(0, one.cv2(), 0);
        IntermittencyStatistics none = IntermittencyStatistics.of(new double[3]);
        assertEquals(Double.POSITIVE_INFINITY, none.adi());
        assertEquals(0, none.cv2(), 0);
        assertEquals(1, none.zeroShare(), 0);
    }

    @Test
    void invalidSeriesThrowWithTheValue() {
        assertThrows(IllegalArgumentException.class, () -> IntermittencyStatistics.of(new double[0]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IntermittencyStatistics.of(new double[] {1, -2}));
        assertTrue(e.getMessage().contains("-2.0 at period 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> IntermittencyStatistics.of(new double[] {Double.NaN}));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }
}
