package com.sparecast.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.jobs.TestInputs;
import com.sparecast.jobs.batch.JobRepositoryConfiguration;
import com.sparecast.jobs.batch.NightlyRun;
import com.sparecast.jobs.batch.RunOutcome;
import com.sparecast.jobs.batch.RunRequest;
import com.sparecast.jobs.config.Settings;
import com.sparecast.jobs.publish.Manifest;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plans two consecutive dates of data-samples into one output, a Sunday and the Monday after it
 * (so the second plan sees one more complete week of demand): the first run has no earlier plan
 * (plans/changes.csv is its header, the page says so), the second compares itself with the first's
 * published plan. Its plans/changes.csv equals {@code src/test/resources/golden-changes/}; when a
 * deliberate change moves it, regenerate with
 * {@code mvn verify -pl jobs -Dit.test=PlanChangesIT -Dgolden.update=true} and review the diff.
 */
class PlanChangesIT {

    static final LocalDate FIRST = LocalDate.parse("2026-11-22");
    static final LocalDate SECOND = LocalDate.parse("2026-11-23");
    static final Path GOLDEN = Path.of("src/test/resources/golden-changes", SECOND.toString(), "plans/changes.csv");

    @TempDir
    Path temp;

    @Test
    void theSecondRunListsWhatChangedSinceTheFirst() throws Exception {
        Path input = TestInputs.copyOf(TestInputs.dataSamples(), temp.resolve("input"));
        Path output = temp.resolve("out");
        Settings settings = Settings.withOverrides(Map.of("sparecast.work-dir", temp.resolve("work").toString()));
        try {
            for (LocalDate date : List.of(FIRST, SECOND)) {
                RunOutcome outcome = NightlyRun.execute(new RunRequest(input.toString(), output.toString(), date,
                        "local[2]", false, settings));
                assertEquals(0, outcome.exitCode(), outcome.message());
            }
        } finally {
            try (Connection c = DriverManager.getConnection(JobRepositoryConfiguration.jdbcUrl(settings), "sa", "")) {
                c.createStatement().execute("SHUTDOWN");
            }
        }

        Path first = output.resolve(FIRST.toString());
        assertEquals(String.join(",", PlanChanges.COLUMNS), body(first.resolve("plans/changes.csv")).strip());
        assertTrue(Files.readString(first.resolve("report/index.html"), StandardCharsets.UTF_8)
                .contains("No earlier plan is published in " + output), "the first run says there is no earlier plan");

        Path second = output.resolve(SECOND.toString());
        Path changes = second.resolve("plans/changes.csv");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.copy(changes, GOLDEN, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), Files.readString(changes, StandardCharsets.UTF_8),
                "plans/changes.csv differs from its golden file");

        // Invariant, from the two published plans: the new and resolved exceptions are exactly the
        // lines whose exception appeared, changed or went.
        Map<String, String> before = exceptions(first.resolve("plans/replenishment.csv"));
        Map<String, String> after = exceptions(second.resolve("plans/replenishment.csv"));
        long appeared = after.entrySet().stream().filter(e -> !e.getValue().isEmpty()
                && !e.getValue().equals(before.getOrDefault(e.getKey(), ""))).count();
        long went = before.entrySet().stream().filter(e -> !e.getValue().isEmpty()
                && after.getOrDefault(e.getKey(), "").isEmpty()).count();
        List<CSVRecord> rows = records(changes);
        assertTrue(rows.size() > 0, "a week more of demand changes something");
        assertEquals(appeared, rows.stream().filter(r -> r.get("change").equals("EXCEPTION_NEW")).count());
        assertEquals(went, rows.stream().filter(r -> r.get("change").equals("EXCEPTION_RESOLVED")).count());
        for (CSVRecord r : rows) {
            assertTrue(PlanChanges.Change.valueOf(r.get("change")) != null);
        }

        String page = Files.readString(second.resolve("report/index.html"), StandardCharsets.UTF_8);
        assertTrue(page.contains("Compared with the plan published for " + FIRST + ": " + rows.size() + " changes"), page);
        Manifest manifest = Manifest.read(second.resolve("manifest.json"));
        assertTrue(manifest.outputs().stream().anyMatch(f -> f.path().equals("plans/changes.csv")),
                "the manifest lists plans/changes.csv");
    }

    private static String body(Path csv) throws IOException {
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static List<CSVRecord> records(Path csv) throws IOException {
        try (Reader reader = new java.io.StringReader(body(csv));
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().get().parse(reader)) {
            return parser.getRecords();
        }
    }

    /** Exception by warehouse and part. */
    private static Map<String, String> exceptions(Path plan) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (CSVRecord r : records(plan)) {
            out.put(r.get("warehouse_id") + "/" + r.get("part_no"), r.get("exception"));
        }
        return out;
    }
}
