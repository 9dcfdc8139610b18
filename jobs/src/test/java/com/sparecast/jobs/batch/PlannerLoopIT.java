package com.sparecast.jobs.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.jobs.TestInputs;
import com.sparecast.jobs.config.Settings;
import com.sparecast.jobs.publish.Manifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner's loop (issue 13) on data-samples: 2026-11-20 is planned, then 2026-11-21 with a
 * {@code decisions/overrides.csv} holding each kind of decision and one row for each way a
 * decision is rejected, into the same output. Checked against golden files
 * ({@code src/test/resources/golden/planner-loop/}; regenerate with {@code -Dgolden.update=true}
 * and review the diff) and against hand-checked facts: each decision applied and visible on its
 * line, the ACCEPT suppressing the OVERSTOCK it acknowledged, every rejected decision with its
 * reason, held lines HOLD in the restock files, arrivals on working days, a file for every
 * warehouse (WH-XX, added to warehouses.csv with nothing to order, gets the header alone).
 */
class PlannerLoopIT {

    static final LocalDate FIRST = LocalDate.parse("2026-11-20");
    static final LocalDate SECOND = LocalDate.parse("2026-11-21");
    static final List<String> GOLDEN = List.of("plans/replenishment.csv", "quality/rejected/overrides.csv");

    @TempDir
    static Path temp;
    static Path input;
    static Settings settings;
    static Path out;

    @BeforeAll
    static void planTwoDates() throws IOException {
        input = TestInputs.copyOf(TestInputs.dataSamples(), temp.resolve("input"));
        Files.writeString(input.resolve("master/warehouses.csv"), "WH-XX,EU-WEST,DE,REGIONAL\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        settings = Settings.withOverrides(Map.of("sparecast.work-dir", temp.resolve("work").toString()));
        out = temp.resolve("out");
        RunOutcome first = NightlyRun.execute(new RunRequest(input.toString(), out.toString(), FIRST, "local[2]", false,
                settings));
        assertEquals(0, first.exitCode(), first.message());
        Files.createDirectories(input.resolve("decisions"));
        Files.copy(Path.of("src/test/resources/planner-loop/overrides.csv"), input.resolve("decisions/overrides.csv"),
                StandardCopyOption.REPLACE_EXISTING);
        RunOutcome second = NightlyRun.execute(new RunRequest(input.toString(), out.toString(), SECOND, "local[2]", false,
                settings));
        assertEquals(0, second.exitCode(), "rejected decisions never stop the plan: " + second.message());
    }

    @AfterAll
    static void closeJobRepository() throws SQLException {
        try (Connection c = DriverManager.getConnection(JobRepositoryConfiguration.jdbcUrl(settings), "sa", "")) {
            c.createStatement().execute("SHUTDOWN");
        }
    }

    private static Map<String, CSVRecord> plan(LocalDate date) throws IOException {
        Map<String, CSVRecord> lines = new HashMap<>();
        RestockChecks.csv(out.resolve(date.toString()).resolve("plans/replenishment.csv"))
                .forEach(r -> lines.put(r.get("warehouse_id") + "|" + r.get("part_no"), r));
        return lines;
    }

    @Test
    void decisionsAreAppliedAndVisibleOnTheirLines() throws IOException {
        Map<String, CSVRecord> before = plan(FIRST);
        Map<String, CSVRecord> after = plan(SECOND);
        // The first night had no decisions.
        before.values().forEach(r -> assertEquals("", r.get("override_kind"), r.toString()));

        CSVRecord forecast = after.get("WH-DE|P-000055");
        assertEquals("FORECAST", forecast.get("override_kind"));
        assertEquals("5", forecast.get("override_value"));
        assertEquals("anna.k", forecast.get("decided_by"));
        assertEquals(5.0, Double.parseDouble(forecast.get("mean_per_week")));
        assertEquals(5.0, Double.parseDouble(forecast.get("forecast_w01")));
        assertEquals(5.0, Double.parseDouble(forecast.get("forecast_w13")));
        // planned at 5 a week instead of 1.87, the order-up-to level rises
        assertTrue(Double.parseDouble(forecast.get("order_up_to"))
                > Double.parseDouble(before.get("WH-DE|P-000055").get("order_up_to")), forecast.toString());

        assertEquals("7", after.get("WH-GB|P-000025").get("order_qty")); // was 2
        assertEquals("ORDER_QTY", after.get("WH-GB|P-000025").get("override_kind"));

        CSVRecord min = after.get("WH-SE|P-000042"); // was s = 3, S = 4, position 4
        assertEquals(20.0, Double.parseDouble(min.get("reorder_point")));
        assertEquals(21.0, Double.parseDouble(min.get("order_up_to")));
        assertEquals("17", min.get("order_qty")); // 21 - 4

        CSVRecord max = after.get("DC-NL|P-000001"); // was s = 62, S = 63, position 34, order 29
        assertEquals(40.0, Double.parseDouble(max.get("order_up_to")));
        assertEquals("6", max.get("order_qty")); // 40 - 34

        CSVRecord none = after.get("WH-US|P-000014"); // was BELOW_TARGET with S = 1
        assertEquals(0.0, Double.parseDouble(none.get("order_up_to")));
        assertEquals("0", none.get("order_qty"));
        assertEquals("", none.get("exception"), "not stocking is the planner's decision, not a shortfall");
        assertEquals("", none.get("override_value"));

        // The ACCEPT acknowledges the OVERSTOCK of the first night; the inputs did not move: quiet.
        assertEquals("OVERSTOCK", before.get("DC-NL|P-000092").get("exception"));
        assertEquals("", after.get("DC-NL|P-000092").get("exception"));
        assertEquals("ACCEPT", after.get("DC-NL|P-000092").get("override_kind"));

        // Rejected decisions change nothing: the line with an unknown kind is as the night before.
        assertEquals(before.get("WH-DE|P-000001").get("order_qty"), after.get("WH-DE|P-000001").get("order_qty"));
        assertEquals("", after.get("WH-DE|P-000001").get("override_kind"));
    }

    @Test
    void everyRejectedDecisionIsListedWithItsReason() throws IOException {
        Path published = out.resolve(SECOND.toString());
        List<String> reasons = new ArrayList<>();
        RestockChecks.csv(published.resolve("quality/rejected/overrides.csv"))
                .forEach(r -> reasons.add(r.get("line") + " " + r.get("column") + " " + r.get("reason_code")));
        assertEquals(List.of("8 warehouse_id UNKNOWN_WAREHOUSE", "9 part_no UNKNOWN_PART", "10 kind UNKNOWN_CODE",
                "11 value BAD_QUANTITY", "12 value BAD_NUMBER", "13 value BAD_NUMBER", "14 valid_until EXPIRED",
                "15 part_no DUPLICATE_ID", "16 decided_by MISSING_VALUE"), reasons);
        // The decisions are an input of the run: in its fingerprint and manifest.
        Manifest manifest = Manifest.read(published.resolve("manifest.json"));
        assertTrue(manifest.inputs().stream().anyMatch(f -> f.path().equals("decisions/overrides.csv")));
    }

    @Test
    void restockFilesForEveryWarehouseWithHeldLinesAndWorkingDayArrivals() throws IOException {
        for (LocalDate date : List.of(FIRST, SECOND)) {
            Path published = out.resolve(date.toString());
            assertTrue(RestockChecks.check(input, published) > 0, "data-samples has held lines");
            assertEquals(1, Files.readAllLines(published.resolve("restock/WH-XX.csv")).size(),
                    "a warehouse with nothing to order gets the header alone");
        }
    }

    @Test
    void plansMatchGoldenFiles() throws IOException {
        Path published = out.resolve(SECOND.toString());
        Path golden = Path.of("src/test/resources/golden/planner-loop").resolve(SECOND.toString());
        List<String> files = new ArrayList<>(GOLDEN);
        try (Stream<Path> restock = Files.list(published.resolve("restock"))) {
            restock.sorted().forEach(f -> files.add("restock/" + f.getFileName()));
        }
        if (Boolean.getBoolean("golden.update")) {
            NightlyJobIT.LocalStorageCopy.replace(published, golden, files);
        }
        for (String file : files) {
            assertEquals(Files.readString(golden.resolve(file), StandardCharsets.UTF_8),
                    Files.readString(published.resolve(file), StandardCharsets.UTF_8), file + " differs from its golden file");
        }
    }
}
