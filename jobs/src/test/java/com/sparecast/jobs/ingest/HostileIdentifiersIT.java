package com.sparecast.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.jobs.TestInputs;
import com.sparecast.jobs.batch.JobRepositoryConfiguration;
import com.sparecast.jobs.batch.NightlyRun;
import com.sparecast.jobs.batch.RunOutcome;
import com.sparecast.jobs.batch.RunRequest;
import com.sparecast.jobs.cli.StatusCommand;
import com.sparecast.jobs.config.Settings;
import com.sparecast.jobs.storage.LocalStorage;
import com.sparecast.jobs.storage.OutputClaim;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, "identifiers are never paths", on the whole job: warehouse ids that are traversals,
 * hold separators, NUL or control characters, are over-long or reserved, used consistently in
 * warehouses.csv, lanes.csv, inventory and the shipments feed. They are rejected when master
 * data is read (BAD_IDENTIFIER) and their rows are unknown warehouses; with the default gate the
 * run exits 3, and with the gate opened it publishes the clean warehouses only. Either way no file
 * is written outside the output and work folders (which sit deep in the temporary folder, so any
 * traversal would land inside it and be seen).
 */
class HostileIdentifiersIT {

    static final LocalDate DATE = LocalDate.parse("2026-11-20");
    static final List<String> HOSTILE = List.of("../../../../outside/escaped", "a/b", "a\\b", "WH\u0000X", "WH\u0001X",
            "W".repeat(300), "CON", ".", "..");
    static final Set<String> CLEAN_WAREHOUSES = Set.of("DC-NL", "WH-BR", "WH-DE", "WH-GB", "WH-JP", "WH-SE", "WH-US");

    @TempDir
    static Path temp;
    static final List<Settings> USED = new java.util.ArrayList<>();

    @AfterAll
    static void closeJobRepositories() throws Exception {
        for (Settings settings : USED) {
            try (Connection c = DriverManager.getConnection(JobRepositoryConfiguration.jdbcUrl(settings), "sa", "")) {
                c.createStatement().execute("SHUTDOWN");
            }
        }
    }

    @Test
    void hostileWarehouseIdsAreRejectedAndNothingIsWrittenOutsideTheOutputAndWorkFolders() throws IOException {
        Path deep = Files.createDirectories(temp.resolve("d1/d2/d3/d4/d5/d6"));
        Path input = TestInputs.copyOf(TestInputs.dataSamples(), deep.resolve("in"));
        StringBuilder warehouses = new StringBuilder();
        StringBuilder lanes = new StringBuilder();
        StringBuilder inventory = new StringBuilder();
        StringBuilder shipments = new StringBuilder("shipment_id,ship_date,part_no,warehouse_id,country,quantity\n");
        for (int i = 0; i < HOSTILE.size(); i++) {
            String id = quoted(HOSTILE.get(i));
            warehouses.append(id).append(",EU-WEST,DE,REGIONAL\n");
            lanes.append("DC-NL,").append(id).append(",ROAD,1.5,0.5,0,0,DAP,MON;TUE;WED;THU;FRI,24000\n");
            inventory.append(id).append(",P-000001,5,0\n");
            shipments.append("HOSTILE-").append(i).append(",2026-11-02,P-000001,").append(id).append(",DE,3\n");
        }
        append(input.resolve("master/warehouses.csv"), warehouses);
        append(input.resolve("master/lanes.csv"), lanes);
        append(input.resolve("master/inventory.csv"), inventory);
        Files.writeString(input.resolve("shipments/zz-hostile.csv"), shipments, StandardCharsets.UTF_8);
        // And a corrupt Parquet file: rejected as a file, named and counted, the run goes on.
        Files.write(input.resolve("shipments/zz-corrupt.parquet"), "PAR1 not really\nPAR1".getBytes(StandardCharsets.UTF_8));
        // Messages that help (issue 16): an empty file, a header-only file, a UTF-16 returns file full of
        // customer data and a repeated personal header column, each named; no personal value leaves ingest.
        Files.writeString(input.resolve("shipments/zz-empty.csv"), "");
        Files.writeString(input.resolve("failures/zz-header-only.csv"),
                "failure_id,failure_date,part_no,country,quantity,product_model,serial_no\n");
        String returnsHeader = "return_id,return_date,part_no,country,quantity,reason_code,condition,customer_name,"
                + "customer_email,customer_phone,customer_address";
        Files.write(input.resolve("returns/zz-utf16.csv"), ("\uFEFF" + returnsHeader + "\nRX1,2026-11-02,P-000001,DE,1,"
                + "DEFECTIVE,REFURBISHABLE,Zelda Widechar,zelda.widechar@example.org,+49 30 5550101,\"9 Wide Road, Bonn\"\n")
                .getBytes(StandardCharsets.UTF_16LE));
        Files.writeString(input.resolve("returns/zz-repeated.csv"), returnsHeader + ",CUSTOMER_EMAIL\nRX2,2026-11-02,"
                + "P-000001,DE,1,DEFECTIVE,REFURBISHABLE,Yann Repeat,yann.repeat@example.org,+49 30 5550102,\"1 Rue, Lyon\","
                + "yann.second@example.org\n");

        // The default gate: 9 of 16 warehouses rejected is over 5%, nothing is published.
        Settings settings = Settings.withOverrides(Map.of("sparecast.work-dir", deep.resolve("work").toString()));
        USED.add(settings);
        Path gatedOut = deep.resolve("out-gated");
        RunOutcome gated = NightlyRun.execute(new RunRequest(input.toString(), gatedOut.toString(), DATE, "local[2]",
                false, settings));
        assertEquals(3, gated.exitCode(), gated.message());
        assertTrue(gated.message().contains("warehouses"), gated.message());
        assertFalse(Files.exists(gatedOut.resolve(DATE.toString())), "nothing published");
        assertEquals(Set.of(), outsideOf(Set.of("in", "work")), "nothing written outside the output and work folders");

        // The gate opened: the run completes, with the clean warehouses only.
        settings = Settings.withOverrides(Map.of("sparecast.work-dir", deep.resolve("work2").toString(),
                "sparecast.quality.max-rejected-share", "1"));
        USED.add(settings);
        Path out = deep.resolve("out");
        RunOutcome outcome = NightlyRun.execute(new RunRequest(input.toString(), out.toString(), DATE, "local[2]",
                false, settings));
        assertEquals(0, outcome.exitCode(), outcome.message());
        assertEquals(Set.of(), outsideOf(Set.of("in", "work", "work2", "out")),
                "nothing written outside the output and work folders");
        Set<String> restock = new TreeSet<>();
        try (Stream<Path> files = Files.list(out.resolve(DATE + "/restock"))) {
            files.forEach(f -> restock.add(f.getFileName().toString().replace(".csv", "")));
        }
        assertTrue(CLEAN_WAREHOUSES.containsAll(restock) && !restock.isEmpty(), restock.toString());
        try (Stream<Path> all = Files.walk(out.resolve(DATE.toString()))) {
            for (Path p : all.toList()) {
                String name = p.getFileName().toString();
                assertTrue(name.matches("[A-Za-z0-9_][A-Za-z0-9._-]*") && name.length() <= 200, "a plain name: " + p);
            }
        }
        assertTrue(shipmentRejects(out).contains("shipments/zz-corrupt.parquet,0,,UNREADABLE_FILE,"),
                shipmentRejects(out));
        assertTrue(Files.readString(out.resolve(DATE + "/quality/reconciliation.json")).contains("zz-corrupt.parquet"));
        String reconciliation = Files.readString(out.resolve(DATE + "/quality/reconciliation.json"));
        assertTrue(reconciliation.contains("\"file\" : \"shipments/zz-empty.csv\",\n") && reconciliation.contains(
                "\"warning\" : \"empty file: no header and no rows\""), reconciliation);
        assertTrue(reconciliation.contains("\"warning\" : \"header only: no data rows\""), reconciliation);
        String returnRejects = Files.readString(out.resolve(DATE + "/quality/rejected/returns.csv"));
        assertTrue(returnRejects.contains("returns/zz-utf16.csv,2,,BAD_ENCODING,\"returns/zz-utf16.csv is UTF-16LE, not"
                + " UTF-8 (byte-order mark FF FE)"), returnRejects);
        assertTrue(returnRejects.contains("returns/zz-repeated.csv,2,customer_email,DUPLICATE_COLUMN,"), returnRejects);
        for (String personal : List.of("Zelda", "Widechar", "zelda.widechar", "5550101", "Wide Road", "Yann", "yann.",
                "5550102", "Rue, Lyon")) {
            assertEquals(List.of(), filesHolding(deep, personal), personal + " reached a file");
        }
        String rejected = Files.readString(out.resolve(DATE + "/quality/rejected/warehouses.csv"));
        assertEquals(HOSTILE.size(), rejected.split("BAD_IDENTIFIER", -1).length - 1, rejected);
        String shipmentRejects = Files.readString(out.resolve(DATE + "/quality/rejected/shipments.csv"));
        for (int i = 0; i < HOSTILE.size(); i++) {
            assertTrue(shipmentRejects.contains("zz-hostile.csv," + (i + 2) + ",warehouse_id,UNKNOWN_WAREHOUSE"),
                    shipmentRejects);
        }
    }

    /** Files under {@code root} but the input folder whose bytes (as UTF-8 or UTF-16LE) hold {@code text}. */
    static List<String> filesHolding(Path root, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] utf16 = text.getBytes(StandardCharsets.UTF_16LE);
        List<String> holding = new java.util.ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(f -> !f.startsWith(root.resolve("in"))).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                if (indexOf(bytes, utf8) >= 0 || indexOf(bytes, utf16) >= 0) {
                    holding.add(root.relativize(file).toString());
                }
            }
        }
        return holding;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String shipmentRejects(Path out) throws IOException {
        return Files.readString(out.resolve(DATE + "/quality/rejected/shipments.csv"));
    }

    /** Issue 16: a symbolic link in a feed folder is read by nothing; the run stops before it starts, naming it. */
    @Test
    void aSymbolicLinkInTheInputStopsTheRunBeforeAnythingStarts() throws IOException {
        Path input = TestInputs.copyOf(TestInputs.dataSamples(), temp.resolve("linked/in"));
        Files.createSymbolicLink(input.resolve("shipments/zz-link.csv"), Path.of("/etc/passwd"));
        Path work = temp.resolve("linked/work");
        Settings settings = Settings.withOverrides(Map.of("sparecast.work-dir", work.toString()));
        Path out = temp.resolve("linked/out");

        RunOutcome outcome = NightlyRun.execute(new RunRequest(input.toString(), out.toString(), DATE, "local[1]",
                false, settings));

        assertEquals(3, outcome.exitCode(), outcome.message());
        assertTrue(outcome.message().contains("zz-link.csv") && outcome.message().contains("symbolic link"),
                outcome.message());
        assertFalse(Files.exists(out), "nothing published");
        assertFalse(Files.exists(work.resolve("staging")), "nothing started");
    }

    /**
     * Issue 16, the publish race: a run (its own work folder) reaching publishPlans while another
     * process publishes the same date into the same output is refused with exit 4 and publishes
     * nothing; run again once the other has ended, it resumes at publishPlans and publishes.
     */
    @Test
    void aRunPublishingWhileAnotherHoldsTheOutputDateIsExitFourAndPublishesNothing() throws IOException {
        Path input = TestInputs.copyOf(TestInputs.dataSamples(), temp.resolve("race/in"));
        Path out = temp.resolve("race/out");
        Settings settings = Settings.withOverrides(Map.of("sparecast.work-dir", temp.resolve("race/work").toString()));
        USED.add(settings);
        RunRequest request = new RunRequest(input.toString(), out.toString(), DATE, "local[2]", false, settings);

        RunOutcome refused;
        String other;
        // The other publisher: another run of this date (another work folder) in the middle of publishing.
        try (OutputClaim publishing = OutputClaim.acquire(new LocalStorage(out), DATE.toString(), OutputClaim.DEFAULT)) {
            other = publishing.owner();
            refused = NightlyRun.execute(request);
        }
        assertEquals(4, refused.exitCode(), refused.message());
        assertTrue(refused.message().startsWith("Output " + out.toAbsolutePath() + "/" + DATE + " is being published by "
                + other), refused.message());
        assertFalse(Files.exists(out.resolve(DATE.toString())), "nothing published");
        assertFalse(Files.exists(out.resolve("." + DATE + ".publishing")), "nothing staged in the output");

        RunOutcome rerun = NightlyRun.execute(request);
        assertEquals(0, rerun.exitCode(), rerun.message());
        assertTrue(Files.exists(out.resolve(DATE + "/_SUCCESS")));
        StatusCommand.RunStatus last = StatusCommand.runs(settings, DATE, 1).get(0);
        assertEquals(List.of("publishPlans"), last.steps().stream().map(StatusCommand.StepStatus::step).toList(),
                "the rerun resumed at publishPlans");
    }

    /** Every file or folder under the temporary folder that is not under {@code d1/.../d6/<allowed>}. */
    static Set<String> outsideOf(Set<String> allowed) throws IOException {
        Path deep = temp.resolve("d1/d2/d3/d4/d5/d6");
        Set<String> outside = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(temp)) {
            for (Path p : walk.toList()) {
                if (p.startsWith(temp.resolve("linked")) || p.startsWith(temp.resolve("race"))) {
                    continue; // the other tests' folders
                }
                if (deep.startsWith(p)) {
                    continue;
                }
                Path relative = deep.relativize(p);
                boolean inside = p.startsWith(deep) && (allowed.contains(relative.getName(0).toString())
                        || relative.getName(0).toString().startsWith("out-gated"));
                if (!inside) {
                    outside.add(temp.relativize(p).toString());
                }
            }
        }
        return outside;
    }

    static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    static void append(Path file, CharSequence text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
