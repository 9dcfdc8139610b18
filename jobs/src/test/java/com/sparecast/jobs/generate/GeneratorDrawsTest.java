package com.sparecast.jobs.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The random variates and calendars the generator draws from. */
class GeneratorDrawsTest {

    @ParameterizedTest
    @CsvSource({"0.4, 0.4", "3, 3", "12, 40", "45, 45", "200, 900"})
    void gammaPoissonHasTheRequestedMeanAndVariance(double mean, double variance) {
        SplittableRandom rng = new SplittableRandom(11);
        int n = 200_000;
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < n; i++) {
            long x = Draws.gammaPoisson(rng, mean, variance);
            assertTrue(x >= 0);
            sum += x;
            sumSquares += (double) x * x;
        }
        double m = sum / n;
        double v = sumSquares / n - m * m;
        assertEquals(mean, m, 4 * Math.sqrt(variance / n) + 1e-9, "mean");
        assertEquals(variance, v, 0.05 * variance, "variance");
    }

    @Test
    void logFactorialMatchesTheProductBeyondTheTable() {
        double exact = 0;
        for (int k = 1; k <= 200; k++) {
            exact += Math.log(k);
            assertEquals(exact, Draws.logFactorial(k), 1e-9 * Math.max(1, exact), "ln " + k + "!");
        }
    }

    @Test
    void derivedSeedsDifferByStreamAndIndex() {
        assertTrue(Draws.seed(42, 2, 1) != Draws.seed(42, 2, 2));
        assertTrue(Draws.seed(42, 2, 1) != Draws.seed(42, 3, 1));
        assertTrue(Draws.seed(42, 2, 1) != Draws.seed(43, 2, 1));
        assertEquals(Draws.seed(42, 2, 1), Draws.seed(42, 2, 1));
    }

    @Test
    void easterAndMovableHolidays() {
        assertEquals(LocalDate.of(2024, 3, 31), Holidays.easter(2024));
        assertEquals(LocalDate.of(2025, 4, 20), Holidays.easter(2025));
        assertEquals(LocalDate.of(2026, 4, 5), Holidays.easter(2026));
        assertEquals(LocalDate.of(2027, 3, 28), Holidays.easter(2027));
        List<Holidays.Holiday> us2026 = Holidays.of("US", 2026);
        assertTrue(us2026.contains(new Holidays.Holiday("US", LocalDate.of(2026, 11, 26), "Thanksgiving Day")));
        List<Holidays.Holiday> gb2027 = Holidays.of("GB", 2027);
        // 25 and 26 December 2027 fall on Saturday and Sunday: substitute days on Monday and Tuesday
        assertTrue(gb2027.contains(new Holidays.Holiday("GB", LocalDate.of(2027, 12, 27), "Christmas Day")));
        assertTrue(gb2027.contains(new Holidays.Holiday("GB", LocalDate.of(2027, 12, 28), "Boxing Day")));
        assertTrue(Holidays.of("SE", 2026).contains(new Holidays.Holiday("SE", LocalDate.of(2026, 6, 19), "Midsommarafton")));
    }

    @Test
    void formatsAreLocaleFreeAndCompact() {
        assertEquals("0.035", Formats.decimal(0.035, 4));
        assertEquals("2", Formats.decimal(2.00001, 4));
        assertEquals("0", Formats.decimal(-0.00001, 4));
        assertEquals("-0.25", Formats.decimal(-0.25, 4));
        assertEquals("1.5", Formats.decimal(1.49999, 3));
        assertEquals("12.30", Formats.money(12.3));
        assertEquals("S00000001", Formats.id('S', 1));
        assertEquals("R123456789", Formats.id('R', 123_456_789));
    }
}
