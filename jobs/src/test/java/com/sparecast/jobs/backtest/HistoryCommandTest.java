package com.sparecast.jobs.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.jobs.backtest.BacktestCommandTest.Run;
import com.sparecast.jobs.config.Settings;
import com.sparecast.jobs.input.DemandHistory;
import com.sparecast.jobs.input.Frequency;
import com.sparecast.jobs.spark.SparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sparecast history} on src/test/resources/history-input: a supersession chain
 * P-OLD -> P-MID -> P-NEW, two regions, a Sunday, a timestamp with an offset that is the next
 * day in UTC, an incomplete last week, and four rows the ingest step rejects (unknown country,
 * zero and non-numeric quantity, a shipment id seen in an earlier file). Expected rows worked
 * out by hand in the comments.
 */
class HistoryCommandTest {

    @TempDir
    Path dir;

    @TempDir
    static Path sparkDir;

    private static SparkSession spark;

    /** One session for the class: the command uses the active session and leaves it running. */
    @BeforeAll
    static void startSpark() {
        spark = SparkSessions.create("local[2]", Settings.withOverrides(Map.of()), sparkDir);
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    private static Path input() throws Exception {
        return Path.of(HistoryCommandTest.class.getResource("/history-input/master/regions.csv").toURI())
                .getParent().getParent();
    }

    private static final List<String> EXPECTED = List.of(
            "part_no,region,period,quantity",
            // S1 P-OLD 2 (Mon 2026-11-02) + S2 P-MID 3 (Sun 2026-11-08, same ISO week), both moved to P-NEW
            "P-NEW,EU-WEST,2026-11-02,5",
            // S3; S8 (2026-11-19) is in the week of 2026-11-16, which ends after the planning date
            "P-NEW,EU-WEST,2026-11-09,1",
            // S9 2026-10-26T23:30-02:00 is 2026-10-27 in UTC; S10's quantity does not parse
            "P-X,NA,2026-10-26,1",
            // S4; S5 (country XX) and S6 (quantity 0) are rejected; S7 is in the incomplete week;
            // the second S1 (b-2026.csv, P-X 100) is a duplicate of a-2026.csv's and rejected
            "P-X,NA,2026-11-02,5");

    @Test
    void weeklyHistoryByRegionAndLastPartOfTheChain() throws Exception {
        Path out = dir.resolve("h.csv");
        Run r = BacktestCommandTest.run(new HistoryCommand(), "--input", input().toString(), "--output",
                out.toString(), "--date", "2026-11-20");
        assertEquals(0, r.exit(), r.err());
        assertEquals(EXPECTED, Files.readAllLines(out));
        assertTrue(r.out().startsWith("11 shipment rows: 5 used, 4 rejected by the ingest checks (BAD_QUANTITY 2, "
                + "DUPLICATE_ID 1, UNKNOWN_COUNTRY 1), 2 in incomplete or later weeks\n2 series, 4 non-zero weeks, "
                + "2026-10-26 to 2026-11-09"), r.out());
    }

    @Test
    void planningDateDefaultsToTheDayAfterTheLastShipment() throws Exception {
        Path out = dir.resolve("h.csv");
        Run r = BacktestCommandTest.run(new HistoryCommand(), "--input", input().toString(), "--output",
                out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(EXPECTED, Files.readAllLines(out));
    }

    @Test
    void anEarlierPlanningDateDropsTheWeeksThatEndOnOrAfterIt() throws Exception {
        Path out = dir.resolve("h.csv");
        // the week of 2026-11-02 ends on Sunday 2026-11-08, which is not before 2026-11-08
        Run r = BacktestCommandTest.run(new HistoryCommand(), "--input", input().toString(), "--output",
                out.toString(), "--date", "2026-11-08");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("part_no,region,period,quantity", "P-X,NA,2026-10-26,1"), Files.readAllLines(out));
    }

    @Test
    void theOutputIsABacktestHistory() throws Exception {
        Path out = dir.resolve("h.csv");
        BacktestCommandTest.run(new HistoryCommand(), "--input", input().toString(), "--output", out.toString());
        DemandHistory h = DemandHistory.read(out, Frequency.WEEK);
        assertEquals(2, h.series().size());
        assertEquals(LocalDate.of(2026, 10, 26), h.start());
        assertEquals(LocalDate.of(2026, 11, 9), h.end());
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        Path out = dir.resolve("h.csv");
        assertEquals(2, BacktestCommandTest.run(new HistoryCommand(), "--input", dir.resolve("none").toString(),
                "--output", out.toString()).exit());
        assertEquals(2, BacktestCommandTest.run(new HistoryCommand(), "--input", input().toString(),
                "--output", out.toString(), "--date", "20-11-2026").exit());
        // Master data is read and checked as the nightly job reads it, with its errors.
        Files.createDirectories(dir.resolve("partial/master"));
        Files.copy(input().resolve("master/regions.csv"), dir.resolve("partial/master/regions.csv"));
        Files.copy(input().resolve("master/parts.csv"), dir.resolve("partial/master/parts.csv"));
        Run r = BacktestCommandTest.run(new HistoryCommand(), "--input", dir.resolve("partial").toString(),
                "--output", out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("--input: Required master data file master/warehouses.csv is missing in "),
                r.err());
        try (var files = Files.list(input().resolve("master"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve("partial/master").resolve(f.getFileName()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        r = BacktestCommandTest.run(new HistoryCommand(), "--input", dir.resolve("partial").toString(),
                "--output", out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("--input: Required input shipments has no CSV or Parquet file in "), r.err());
    }
}
