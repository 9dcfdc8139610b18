package com.sparecast.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The feeds' date fast path against the JDK's ISO parser it stands in for. */
class RowValidatorTest {

    @Test
    void everyDayOfFortyYearsReadsAsTheJdkReadsIt() {
        for (LocalDate d = LocalDate.of(1990, 1, 1); d.isBefore(LocalDate.of(2030, 1, 1)); d = d.plusDays(1)) {
            assertEquals(d, RowValidator.isoDate(d.toString()));
        }
    }

    @Test
    void oddAndImpossibleDatesGiveWhatTheJdkGives() {
        List<String> values = List.of("2024-02-29", "2026-02-29", "2026-02-30", "2026-04-31", "2026-00-10",
                "2026-13-01", "2026-12-00", "2026-12-32", "0000-01-01", "9999-12-31", "2026-1-01", "2026/11/20",
                "2026-11-2x", "x026-11-20", "2026-11-20 ", "-026-11-20", "+026-11-20", "２０２６-11-20", "2026-11",
                "20261120", "");
        for (String v : values) {
            assertEquals(outcome(() -> LocalDate.parse(v)), outcome(() -> RowValidator.isoDate(v)), "'" + v + "'");
        }
    }

    private static Object outcome(java.util.function.Supplier<LocalDate> parse) {
        try {
            return parse.get();
        } catch (DateTimeException e) {
            return "rejected";
        }
    }
}
