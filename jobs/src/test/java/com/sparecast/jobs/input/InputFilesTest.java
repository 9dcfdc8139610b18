package com.sparecast.jobs.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one {@link Frequency}, the installed base and the ground truth, on hand-written rows. */
class InputFilesTest {

    @TempDir
    Path dir;

    @Test
    void frequencyParsesInfersAndBuckets() {
        assertEquals(Frequency.WEEK, Frequency.parse(" Weekly"));
        assertEquals(Frequency.MONTH, Frequency.parse("m"));
        assertThrows(IllegalArgumentException.class, () -> Frequency.parse("day"));
        LocalDate monday = LocalDate.of(2026, 6, 1);
        assertEquals(Frequency.WEEK, Frequency.infer(List.of(monday)), "a first of month that is a Monday");
        assertEquals(Frequency.MONTH, Frequency.infer(List.of(monday, LocalDate.of(2026, 7, 1))));
        assertEquals(LocalDate.of(2026, 6, 1), Frequency.WEEK.bucketOf(LocalDate.of(2026, 6, 7)));
        assertTrue(Frequency.MONTH.isBucketStart(LocalDate.of(2026, 7, 1)));
        assertFalse(Frequency.WEEK.isBucketStart(LocalDate.of(2026, 7, 1)));
        assertEquals(52, Frequency.WEEK.periodsPerYear());
        assertEquals(12, Frequency.MONTH.periodsPerYear());
    }

    @Test
    void installedBaseTakesRegionOrCountryAndMonthsAndCarriesTheLastValueForward() throws IOException {
        Path file = Files.writeString(dir.resolve("installed_base.csv"), """
                part_no,country,month,units_in_field
                P1,DE,2026-01,100
                P1,DE,2026-01,20
                P1,DE,2026-03,150
                """);
        InstalledBaseFile base = InstalledBaseFile.read(file, Frequency.MONTH);
        assertEquals(1, base.size());
        assertArrayEquals(new double[] {0, 120, 120, 150, 150},
                base.unitsFor("P1", "DE", LocalDate.of(2025, 12, 1), 5));
        assertNull(base.unitsFor("P2", "DE", LocalDate.of(2026, 1, 1), 1));
        Path bad = Files.writeString(dir.resolve("bad.csv"), "part_no,region,period,units_in_field\nP1,EU,2026-01-05,-3\n");
        InputFileException e = assertThrows(InputFileException.class, () -> InstalledBaseFile.read(bad, Frequency.WEEK));
        assertEquals(bad + " line 2, column units_in_field: must be finite and >= 0, got '-3'", e.getMessage());
    }

    @Test
    void groundTruthGivesEverySeriesTheFilesWeeks() throws IOException {
        Path file = Files.writeString(dir.resolve("future_demand.csv"), """
                part_no,region,period,expected,realised
                P1,EU,2026-01-05,1.2,2
                P2,NA,2026-01-19,0.5,1
                """);
        GroundTruth truth = GroundTruth.read(file);
        assertEquals(LocalDate.of(2026, 1, 5), truth.start());
        assertEquals(3, truth.weeks());
        assertArrayEquals(new double[] {2, 0, 0}, truth.realised().get("P1|EU"));
        assertArrayEquals(new double[] {0, 0, 1}, truth.realised().get("P2|NA"));
        Path sunday = Files.writeString(dir.resolve("sunday.csv"), "part_no,region,period,realised\nP1,EU,2026-01-04,1\n");
        InputFileException e = assertThrows(InputFileException.class, () -> GroundTruth.read(sunday));
        assertEquals(sunday + " line 2, column period: 2026-01-04 is not a Monday", e.getMessage());
    }
}
