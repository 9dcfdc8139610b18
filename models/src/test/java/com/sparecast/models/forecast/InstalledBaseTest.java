package com.sparecast.models.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Installed-base forecasting: worked examples by hand (rate = failures / unit-periods). */
class InstalledBaseTest {

    @Test
    void rateTimesProjectedUnits() {
        // 6 failures over 100 + 100 + 200 + 200 = 600 unit-periods: 0.01 per unit and period.
        double[] units = {100, 100, 200, 200, 300, 400};
        FittedForecast fit = InstalledBase.of(units).fit(new double[] {1, 1, 2, 2});
        assertArrayEquals(new double[] {3, 4, 4}, fit.forecast(3), 1e-12);
        assertEquals(0.01, fit.parameters().get("failureRate"), 1e-15);
        // Fitted at t = 2: (1 + 1) / 200 * 200.
        assertEquals(2, fit.fitted()[2], 1e-12);
    }

    @Test
    void windowAndUnknownFleet() {
        double[] units = {0, 0, 50, 50, 100};
        // The first two periods have no known fleet: their demand is not counted.
        FittedForecast all = InstalledBase.of(units).fit(new double[] {9, 9, 1, 1});
        assertEquals(2.0 / 100, all.parameters().get("failureRate"), 1e-15);
        assertEquals(2, all.forecast(1)[0], 1e-12);
        FittedForecast last = InstalledBase.of(units, 1).fit(new double[] {9, 9, 1, 3});
        assertEquals(3.0 / 50, last.parameters().get("failureRate"), 1e-15);
    }
}
