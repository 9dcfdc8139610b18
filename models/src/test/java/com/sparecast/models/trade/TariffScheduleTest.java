package com.sparecast.models.trade;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TariffScheduleTest {

    private static Tariff row(String country, String prefix, double duty) {
        return new Tariff(country, prefix, duty, 0.20, null, null);
    }

    @Test
    void longestMatchingPrefixWins() {
        // DE rows: "" 5 %, "84" 2 %, "8471" 0 %, "847130" 1 %, "8507" 2.7 %; one GB row.
        TariffSchedule de = TariffSchedule.of("DE", List.of(
                row("DE", "", 0.05), row("DE", "84", 0.02), row("DE", "8471", 0.0),
                row("DE", "8471.30", 0.01), row("DE", "8507", 0.027), row("GB", "847130", 0.5)));
        // 8471300000: prefixes "", "84", "8471", "847130" match; the longest, 847130, gives 1 %
        assertEquals(0.01, de.lookup("8471300000").orElseThrow().dutyRate());
        // 8471410000: "", "84", "8471" match -> 0 %
        assertEquals(0.0, de.lookup("8471.41.00.00").orElseThrow().dutyRate());
        // 8483100000: "", "84" -> 2 %
        assertEquals(0.02, de.lookup("8483100000").orElseThrow().dutyRate());
        // 9032890000: only the catch-all "" -> 5 %
        assertEquals(0.05, de.lookup("9032890000").orElseThrow().dutyRate());
        // the GB row at 50 % is never used for DE
        assertEquals("DE", de.destinationCountry());
    }

    @Test
    void noMatchWithoutCatchAll() {
        TariffSchedule de = TariffSchedule.of("de", List.of(row("DE", "8471", 0.0)));
        assertTrue(de.lookup("8507600000").isEmpty());
    }

    @Test
    void duplicatePrefixTakesTheHigherDuty() {
        TariffSchedule de = TariffSchedule.of("DE", List.of(row("DE", "8507", 0.02), row("DE", "8507", 0.03)));
        assertEquals(0.03, de.lookup("850760").orElseThrow().dutyRate());
    }
}
