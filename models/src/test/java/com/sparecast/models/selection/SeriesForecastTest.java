package com.sparecast.models.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sparecast.models.series.IntermittencyStatistics;
import org.junit.jupiter.api.Test;

class SeriesForecastTest {

    private static SeriesForecast forecast(double[] mean, double errorVariance, double... spanErrorVariance) {
        IntermittencyStatistics stats = IntermittencyStatistics.of(new double[] {1, 2, 3});
        return new SeriesForecast("Test", "test", stats.demandClass(), stats, mean, errorVariance, spanErrorVariance);
    }

    @Test
    void meanOverASpanWeighsTheLastPartialPeriod() {
        SeriesForecast f = forecast(new double[] {2, 4, 6}, 1);
        assertEquals(2, f.meanPerPeriod(0), 1e-12);
        assertEquals(2, f.meanPerPeriod(0.5), 1e-12);
        assertEquals(3, f.meanPerPeriod(2), 1e-12);
        assertEquals((2 + 4 + 0.5 * 6) / 2.5, f.meanPerPeriod(2.5), 1e-12);
        assertEquals(f.meanPerPeriod(), f.meanPerPeriod(3), 1e-12);
        // Beyond the horizon the last period's mean holds: (2 + 4 + 6 + 6) / 4.
        assertEquals(4.5, f.meanPerPeriod(4), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> f.meanPerPeriod(-1));
    }

    @Test
    void spanVarianceIsInterpolatedAndExtendedBeyondTheLastSpan() {
        SeriesForecast f = forecast(new double[] {1}, 2, 2, 6, 14);
        assertEquals(0, f.spanErrorVariance(0), 1e-12);
        assertEquals(1, f.spanErrorVariance(0.5), 1e-12);
        assertEquals(6, f.spanErrorVariance(2), 1e-12);
        assertEquals(10, f.spanErrorVariance(2.5), 1e-12);
        // Beyond span 3: the last span's variance per period (14 / 3) times the span, as it
        // exceeds the one-step variance (2) times the span.
        assertEquals(14.0 / 3 * 4, f.spanErrorVariance(4), 1e-12);
        SeriesForecast below = forecast(new double[] {1}, 2, 2, 3);
        assertEquals(2 * 5, below.spanErrorVariance(5), 1e-12);
        // Without span variances, independent one-step errors.
        assertEquals(2 * 3.5, forecast(new double[] {1}, 2).spanErrorVariance(3.5), 1e-12);
    }
}
