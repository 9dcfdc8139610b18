package com.sparecast.models.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.models.forecast.CrostonClassic;
import com.sparecast.models.reference.Reference;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Error measures pinned to R: forecast::accuracy for MAE and RMSE, the definitions for MASE and RMSSE. */
class ErrorMeasuresTest {

    @Test
    void matchesRAccuracyOnACrostonForecast() {
        double[] y = Reference.get("series.raf1160");
        double[] train = Arrays.copyOf(y, 72);
        double[] test = Arrays.copyOfRange(y, 72, 84);
        double[] f = CrostonClassic.of(0.1).fit(train).forecast(12);
        ErrorMeasures e = ErrorMeasures.of(train, test, f);
        assertEquals(Reference.scalar("errors.accuracy.MAE"), e.mae(), 1e-12);
        assertEquals(Reference.scalar("errors.accuracy.RMSE"), e.rmse(), 1e-12);
        assertEquals(Reference.scalar("errors.croston.mase"), e.mase(), 1e-12);
        assertEquals(Reference.scalar("errors.croston.rmsse"), e.rmsse(), 1e-12);
        assertEquals(Reference.scalar("errors.croston.bias"), e.bias(), 1e-12);
    }

    @Test
    void zeroScaleGivesNaN() {
        ErrorMeasures e = ErrorMeasures.of(new double[] {2, 2, 2}, new double[] {1}, new double[] {2});
        assertTrue(Double.isNaN(e.mase()) && Double.isNaN(e.rmsse()));
        assertEquals(1, e.mae(), 0);
    }

    @Test
    void invalidLengthsThrow() {
        assertThrows(IllegalArgumentException.class, () -> ErrorMeasures.of(new double[] {1, 2}, new double[] {1}, new double[2]));
        assertThrows(IllegalArgumentException.class, () -> ErrorMeasures.naiveScale(new double[] {1}));
    }
}
