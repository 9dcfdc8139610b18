package com.sparecast.jobs.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of the one history reader, where {@code backtest}'s and {@code simulate}'s readers
 * used to differ: a period must be its bucket's first day (backtest moved any date to its
 * bucket), and every series runs to the file's last period (simulate ended each at its own).
 */
class DemandHistoryTest {

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("h.csv"), text, StandardCharsets.UTF_8);
    }

    @Test
    void everySeriesRunsFromItsFirstPeriodToTheFilesLastAndRowsOfOnePeriodAddUp() throws IOException {
        DemandHistory h = DemandHistory.read(file("""
                part_no,region,period,quantity
                P2,US,2026-01-12,4
                P1,EU,2026-01-05,3
                P1,EU,2026-01-19, 1.5
                P1,EU,2026-01-19,0.5
                P1,AP,2026-02-02,7
                """), Frequency.WEEK);
        assertEquals(Frequency.WEEK, h.frequency());
        assertEquals(LocalDate.of(2026, 1, 5), h.start());
        assertEquals(LocalDate.of(2026, 2, 2), h.end());
        assertEquals(List.of("P1|AP", "P1|EU", "P2|US"), h.series().stream().map(DemandHistory.SeriesData::key).toList());
        assertArrayEquals(new double[] {7}, h.series().get(0).demand());
        // P1/EU: weeks of 5, 12 (no row: zero), 19 (1.5 + 0.5), 26 and 2 Feb (after its last row: zero)
        assertEquals(LocalDate.of(2026, 1, 5), h.series().get(1).start());
        assertArrayEquals(new double[] {3, 0, 2, 0, 0}, h.series().get(1).demand());
        // P2/US stopped after its first week: zeros to the end of the file, not a shorter series
        assertEquals(LocalDate.of(2026, 1, 12), h.series().get(2).start());
        assertArrayEquals(new double[] {4, 0, 0, 0}, h.series().get(2).demand());
    }

    @Test
    void aPeriodThatIsNotTheFirstDayOfItsBucketIsAnErrorNamingTheLine() throws IOException {
        Path tuesday = file("part_no,region,period,quantity\nP1,EU,2026-01-05,3\nP1,EU,2026-01-13,1\n");
        InputFileException e = assertThrows(InputFileException.class, () -> DemandHistory.read(tuesday, Frequency.WEEK));
        assertEquals(tuesday + " line 3, column period: 2026-01-13 is not the first day of a week (a Monday)",
                e.getMessage());
        Path midMonth = file("part_no,region,period,quantity\nP1,EU,2026-01-01,3\nP1,EU,2026-02-15,1\n");
        e = assertThrows(InputFileException.class, () -> DemandHistory.read(midMonth, Frequency.MONTH));
        assertEquals(midMonth + " line 3, column period: 2026-02-15 is not the first day of a month (the first of a"
                + " month)", e.getMessage());
        // A monthly file read as weekly fails instead of being spread over weeks.
        Path monthly = file("part_no,region,period,quantity\nP1,EU,2026-01-01,3\nP1,EU,2026-02-01,1\n");
        e = assertThrows(InputFileException.class, () -> DemandHistory.read(monthly, Frequency.WEEK));
        assertTrue(e.getMessage().contains("line 2, column period: 2026-01-01 is not the first day of a week"),
                e.getMessage());
    }

    @Test
    void theFrequencyIsInferredWhenNotGivenAndTheErrorSaysSo() throws IOException {
        DemandHistory monthly = DemandHistory.read(file("""
                part_no,region,period,quantity
                P1,EU,2026-01-01,3
                P1,EU,2026-03-01,1
                """), null);
        assertEquals(Frequency.MONTH, monthly.frequency());
        assertArrayEquals(new double[] {3, 0, 1}, monthly.series().get(0).demand());
        Path typo = file("part_no,region,period,quantity\nP1,EU,2026-01-01,3\nP1,EU,2026-03-02,1\n");
        InputFileException e = assertThrows(InputFileException.class, () -> DemandHistory.read(typo, null));
        assertEquals(typo + " line 2, column period: 2026-01-01 is not the first day of a week (a Monday); the"
                + " frequency was inferred as week, give --frequency if that is wrong", e.getMessage());
    }

    @Test
    void valuesThatBreakARuleAreErrorsNamingLineAndColumn() throws IOException {
        String header = "part_no,region,period,quantity\n";
        List<List<String>> cases = List.of(
                List.of("P1,,2026-01-05,1", "line 2, column region: empty"),
                List.of(",EU,2026-01-05,1", "line 2, column part_no: empty"),
                List.of("P1,EU,05.01.2026,1", "line 2, column period: not an ISO date: '05.01.2026'"),
                List.of("P1,EU,2026-01-05,x", "line 2, column quantity: not a number: 'x'"),
                List.of("P1,EU,2026-01-05,-1", "line 2, column quantity: must be finite and >= 0, got '-1'"),
                List.of("P1,EU,2026-01-05,Infinity", "line 2, column quantity: must be finite and >= 0, got 'Infinity'"),
                List.of("P1,EU", "line 2: the row has 2 values, no period"));
        for (List<String> c : cases) {
            Path f = file(header + c.get(0) + "\n");
            InputFileException e = assertThrows(InputFileException.class, () -> DemandHistory.read(f, Frequency.WEEK));
            assertEquals(f + " " + c.get(1), e.getMessage());
        }
        Path noRegion = file("part_no,period,quantity\nP1,2026-01-05,1\n");
        InputFileException e = assertThrows(InputFileException.class, () -> DemandHistory.read(noRegion, null));
        assertEquals(noRegion + ": missing column 'region' (needs part_no, region, period, quantity)", e.getMessage());
    }

    @Test
    void gzipIsDetectedFromTheContentAndAHeaderOnlyFileIsEmpty() throws IOException {
        Path gz = dir.resolve("history.csv");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("part_no,region,period,quantity\nP1,EU,2026-01-05,2\n".getBytes(StandardCharsets.UTF_8));
        }
        assertArrayEquals(new double[] {2}, DemandHistory.read(gz, null).series().get(0).demand());
        DemandHistory empty = DemandHistory.read(file("part_no,region,period,quantity\n"), Frequency.WEEK);
        assertEquals(List.of(), empty.series());
        assertNull(empty.start());
    }
}
