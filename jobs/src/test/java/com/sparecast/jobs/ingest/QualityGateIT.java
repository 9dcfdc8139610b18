package com.sparecast.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.jobs.TestInputs;
import com.sparecast.jobs.batch.JobRepositoryConfiguration;
import com.sparecast.jobs.batch.NightlyRun;
import com.sparecast.jobs.batch.RunOutcome;
import com.sparecast.jobs.batch.RunRequest;
import com.sparecast.jobs.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The input quality gate on the whole job: required master data missing, or a feed's rejected
 * share over {@code sparecast.quality.max-rejected-share}, ends the run with exit 3 and
 * publishes nothing.
 */
class QualityGateIT {

    static final LocalDate DATE = LocalDate.parse("2026-11-20");

    @TempDir
    static Path temp;
    static Settings settings;

    @BeforeAll
    static void configure() {
        settings = Settings.withOverrides(Map.of("sparecast.work-dir", temp.resolve("work").toString()));
    }

    @AfterAll
    static void closeJobRepository() throws Exception {
        try (Connection c = DriverManager.getConnection(JobRepositoryConfiguration.jdbcUrl(settings), "sa", "")) {
            c.createStatement().execute("SHUTDOWN");
        }
    }

    RunOutcome run(Path input, Path out) {
        return NightlyRun.execute(new RunRequest(input.toString(), out.toString(), DATE, "local[2]", false, settings));
    }

    @Test
    void missingRequiredMasterFileExitsThreeAndPublishesNothing() throws IOException {
        Path input = TestInputs.copyOf(TestInputs.dataSamples(), temp.resolve("no-lanes"));
        Files.delete(input.resolve("master/lanes.csv"));
        Path out = temp.resolve("out-no-lanes");

        RunOutcome outcome = run(input, out);

        assertEquals(3, outcome.exitCode(), outcome.message());
        assertTrue(outcome.message().contains("master/lanes.csv"), outcome.message());
        assertFalse(Files.exists(out.resolve(DATE.toString())), "nothing published");
    }

    @Test
    void rejectedShareOverTheThresholdExitsThreeNamingTheFeed() throws IOException {
        Path input = TestInputs.copyOf(TestInputs.dataSamples(), temp.resolve("too-many-rejects"));
        long rows;
        try (var files = Files.list(input.resolve("shipments"))) {
            rows = 0;
            for (Path file : files.toList()) {
                rows += Files.readAllLines(file).size() - 1;
            }
        }
        // 6% more rows, every one dated after the planning date: 6/106 = 5.7% rejected, over 5%.
        long bad = rows * 6 / 100;
        StringBuilder csv = new StringBuilder("shipment_id,ship_date,part_no,warehouse_id,country,quantity\n");
        for (long i = 0; i < bad; i++) {
            csv.append("LATE").append(i).append(",2026-12-01,P-000001,WH-US,CA,1\n");
        }
        Files.writeString(input.resolve("shipments/zz-late.csv"), csv);
        Path out = temp.resolve("out-too-many");

        RunOutcome outcome = run(input, out);

        assertEquals(3, outcome.exitCode(), outcome.message());
        assertTrue(outcome.message().contains("shipments rejected ")
                && outcome.message().contains(" of " + (rows + bad) + " rows"), outcome.message());
        // The message points at rejects that exist: the feed's rejected rows as written, with the top reason.
        assertTrue(outcome.message().contains("most frequent: FUTURE_DATE " + bad + ", first shipments/zz-late.csv line 2;"
                + " rejected rows in "), outcome.message());
        String where = outcome.message().replaceAll("(?s).*rejected rows in (\\S+?)\\).*", "$1");
        assertTrue(where.endsWith("ingest/shipments/outcome=REJECTED"), where);
        try (var parquet = Files.list(Path.of(where))) {
            assertTrue(parquet.anyMatch(f -> f.getFileName().toString().endsWith(".parquet")), where);
        }
        assertFalse(Files.exists(out.resolve(DATE.toString())), "nothing published");
    }
}
