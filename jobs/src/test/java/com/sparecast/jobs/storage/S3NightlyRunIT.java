package com.sparecast.jobs.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.jobs.LogCapture;
import com.sparecast.jobs.TestInputs;
import com.sparecast.jobs.batch.JobRepositoryConfiguration;
import com.sparecast.jobs.batch.NightlyRun;
import com.sparecast.jobs.batch.RunOutcome;
import com.sparecast.jobs.batch.RunRequest;
import com.sparecast.jobs.cli.StatusCommand;
import com.sparecast.jobs.config.Settings;
import com.sparecast.jobs.storage.FaultInjectingProxy.Fault;
import com.sparecast.jobs.storage.FaultInjectingProxy.Rule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.gaul.s3proxy.S3Proxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The nightly job reading its input from and publishing to S3: a real S3Proxy on loopback,
 * reached through a fault-injecting HTTP proxy. Transient faults (503 SlowDown, 500, dropped
 * connections) during ingest, master data reads and publishing are retried and cost nothing; a
 * permanent 403 fails the run with exit 1 naming bucket and key, and the next run resumes at
 * publishing. The S3 outputs equal a local run's byte for byte, {@code _SUCCESS} is the last
 * object written after {@code manifest.json}, and the secret key is never printed or logged.
 * The local reference run is also scanned for personal data in every file and log line.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(600)
class S3NightlyRunIT {

    static final LocalDate DATE = LocalDate.parse("2026-11-20");
    static final String BUCKET = "sparecast-plans";
    static final String ACCESS_KEY = "AKIASPARECASTTEST";
    static final String SECRET = "sc-secret-" + UUID.randomUUID();
    static final String PUBLISHED = "/" + BUCKET + "/out/" + DATE + "/";

    @TempDir
    static Path temp;
    static Path input;
    static LoopbackS3 s3;
    static FaultInjectingProxy proxy;
    static S3Client direct;
    static Settings s3Settings;
    static LogCapture log;
    static final List<String> messages = new ArrayList<>();

    @BeforeAll
    static void startS3() throws Exception {
        log = new LogCapture("s3-it");
        // The job finds the credentials through the SDK's default chain, as in production.
        s3 = LoopbackS3.start(ACCESS_KEY, SECRET, BUCKET);
        proxy = s3.proxy();
        direct = s3.direct();

        input = TestInputs.copyOf(TestInputs.dataSamples(), temp.resolve("input"));
        try (Stream<Path> files = Files.walk(input)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String key = "in/" + input.relativize(file).toString().replace('\\', '/');
                direct.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromFile(file));
            }
        }
        s3Settings = Settings.withOverrides(Map.of(
                "sparecast.work-dir", temp.resolve("work-s3").toString(),
                "sparecast.s3.endpoint", s3.endpoint(),
                "sparecast.s3.region", "us-east-1",
                "sparecast.s3.path-style", "true"));
    }

    @AfterAll
    static void stopS3() throws Exception {
        for (String workDir : List.of("work-local", "work-s3")) {
            Settings settings = Settings.withOverrides(Map.of("sparecast.work-dir", temp.resolve(workDir).toString()));
            try (Connection c = DriverManager.getConnection(JobRepositoryConfiguration.jdbcUrl(settings), "sa", "")) {
                c.createStatement().execute("SHUTDOWN");
            } catch (java.sql.SQLException e) {
                // that run never opened its repository
            }
        }
        if (s3 != null) {
            s3.close();
        }
        if (log != null) {
            log.close();
        }
    }

    static RunOutcome run(String in, String out, Settings settings) {
        RunOutcome outcome = NightlyRun.execute(new RunRequest(in, out, DATE, "local[2]", false, settings));
        messages.add(outcome.message());
        return outcome;
    }

    @Test
    @Order(1)
    void localReferenceRun() {
        Settings local = Settings.withOverrides(Map.of("sparecast.work-dir", temp.resolve("work-local").toString()));
        RunOutcome outcome = run(input.toString(), temp.resolve("out-local").toString(), local);
        assertEquals(0, outcome.exitCode(), outcome.message());
    }

    /**
     * The personal data of the input (customer_* of returns, serial_no of failures) appears in
     * no file the local run wrote (outputs, staging, job repository) and in no log line; nor do
     * the personal column names, which a Parquet footer would carry uncompressed.
     */
    @Test
    @Order(2)
    void personalDataAppearsInNoFileAndNoLogLine() throws IOException {
        Set<String> personal = PersonalData.valuesOf(input);
        assertTrue(personal.size() > 1000, "personal values found in the input: " + personal.size());
        Map<String, List<String>> index = PersonalData.index(personal);
        List<Path> scanned = new ArrayList<>();
        for (Path root : List.of(temp.resolve("out-local"), temp.resolve("work-local"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                    PersonalData.assertNone(index, text, file.toString(), file.toString().contains(".parquet"));
                    scanned.add(file);
                }
            }
        }
        assertTrue(scanned.stream().anyMatch(f -> f.toString().contains("staging") && f.toString().endsWith(".parquet")));
        assertTrue(scanned.stream().anyMatch(f -> f.toString().endsWith("quality/rejected/returns.csv")));
        PersonalData.assertNone(index, log.text(), "the log", false);
    }

    @Test
    @Order(3)
    void transientFaultsAreRetriedAndAPermanentOneFailsTheRunNamingBucketAndKey() {
        // Transient faults while master data is read on the driver and events in the executors...
        List<Rule> transients = List.of(
                proxy.inject("GET", "/" + BUCKET + "/in/master/parts\\.csv", Fault.SLOW_DOWN, 2),
                proxy.inject("GET", "/" + BUCKET + "/in/master/regions\\.csv", Fault.DROP_CONNECTION, 1),
                proxy.inject("GET", "/" + BUCKET + "/in/shipments/shipments-2025\\.csv", Fault.INTERNAL_ERROR, 2),
                proxy.inject("GET", "/" + BUCKET + "/in/returns/.*", Fault.DROP_CONNECTION, 2),
                // ...and while publishing, before the permanent fault is reached.
                proxy.inject("PUT", PUBLISHED + "forecasts\\.parquet", Fault.SLOW_DOWN, 1));
        // A permanent fault: the bucket policy denies one key.
        proxy.inject("PUT", PUBLISHED + "plans/shipments\\.csv", Fault.ACCESS_DENIED, -1);

        RunOutcome outcome = run("s3://" + BUCKET + "/in", "s3://" + BUCKET + "/out", s3Settings);

        assertEquals(1, outcome.exitCode(), outcome.message());
        assertTrue(outcome.message().contains("bucket " + BUCKET) && outcome.message().contains("key out/" + DATE
                + "/plans/shipments.csv"), outcome.message());
        assertTrue(outcome.message().contains("publishPlans") || outcome.message().contains("upload"), outcome.message());
        for (Rule rule : transients) {
            assertEquals(0, rule.remaining.get(), "every transient fault was met: " + rule.path.pattern());
        }
        assertFalse(keys("out/" + DATE + "/").contains("_SUCCESS"), "a failed publication has no _SUCCESS");
    }

    /**
     * Issue 16, one publisher per output date, on S3 and the whole job: while another process holds
     * the date's publish claim (a lock object on S3), the run resuming at publishPlans is refused with
     * exit 4 and writes nothing into the date folder; once the claim is freed, the next run publishes.
     */
    @Test
    @Order(4)
    void aRunPublishingWhileAnotherHoldsTheOutputDateOnS3IsExitFourAndWritesNothing() throws IOException {
        proxy.clearRules();
        TreeSet<String> before = keys("out/" + DATE + "/");
        RunOutcome refused;
        String other;
        Storage output = Storage.of("s3://" + BUCKET + "/out", StorageSettings.from(s3Settings));
        try (OutputClaim publishing = OutputClaim.acquire(output, DATE.toString(), OutputClaim.DEFAULT)) {
            other = publishing.owner();
            refused = run("s3://" + BUCKET + "/in", "s3://" + BUCKET + "/out", s3Settings);
        }
        assertEquals(4, refused.exitCode(), refused.message());
        assertTrue(refused.message().contains("is being published by " + other), refused.message());
        assertTrue(refused.message().contains("this run published nothing"), refused.message());
        assertEquals(before, keys("out/" + DATE + "/"), "the refused run wrote nothing into the date folder");
        assertFalse(before.contains("_SUCCESS"));
    }

    @Test
    @Order(5)
    void nextRunResumesAtPublishingAndWritesSuccessLast() throws IOException {
        proxy.clearRules();
        proxy.clearExchanges();
        List<Rule> transients = List.of(
                proxy.inject("PUT", PUBLISHED + "plans/shipments\\.csv", Fault.INTERNAL_ERROR, 1),
                proxy.inject("PUT", PUBLISHED + "manifest\\.json", Fault.DROP_CONNECTION, 1),
                proxy.inject("PUT", PUBLISHED + "_SUCCESS", Fault.SLOW_DOWN, 2));

        RunOutcome outcome = run("s3://" + BUCKET + "/in", "s3://" + BUCKET + "/out", s3Settings);

        assertEquals(0, outcome.exitCode(), outcome.message());
        transients.forEach(rule -> assertEquals(0, rule.remaining.get(), rule.path.pattern()));
        StatusCommand.RunStatus last = StatusCommand.runs(s3Settings, DATE, 1).get(0);
        assertEquals(List.of("publishPlans"), last.steps().stream().map(StatusCommand.StepStatus::step).toList(),
                "the resumed execution ran only the step that had failed");

        // Upload order: every data file, then manifest.json, then _SUCCESS, each written once.
        List<String> written = proxy.exchanges().stream()
                .filter(e -> e.method().equals("PUT") && e.status() == 200 && e.path().startsWith(PUBLISHED))
                .map(e -> e.path().substring(PUBLISHED.length())).toList();
        // A retried upload may land twice (a PUT whose answer the client missed is sent again),
        // so the order is checked by first writes: once manifest.json is written, only it and
        // _SUCCESS follow; once _SUCCESS is written, nothing else.
        assertEquals("_SUCCESS", written.get(written.size() - 1), "_SUCCESS is the last object written");
        assertOnlyAfter(written, "manifest.json", Set.of("manifest.json", "_SUCCESS"));
        assertOnlyAfter(written, "_SUCCESS", Set.of("_SUCCESS"));
        assertTrue(proxy.exchanges().stream().noneMatch(e -> e.path().startsWith(PUBLISHED) && e.status() >= 300
                        && !e.method().equals("HEAD")),
                "no request the fault proxy let through failed: " + proxy.exchanges());

        // The published folder equals the local run's, byte for byte (manifest and report differ by run id).
        Path local = temp.resolve("out-local").resolve(DATE.toString());
        Map<String, Path> localFiles = new TreeMap<>();
        try (Stream<Path> files = Files.walk(local)) {
            files.filter(Files::isRegularFile).forEach(f -> localFiles.put(local.relativize(f).toString().replace('\\', '/'), f));
        }
        assertEquals(localFiles.keySet(), keys("out/" + DATE + "/"));
        assertEquals(new TreeSet<>(localFiles.keySet()), new TreeSet<>(written), "every file was uploaded by this run");
        for (String file : List.of("_SUCCESS", "manifest.json", "plans/replenishment.csv", "plans/replenishment.parquet",
                "plans/shipments.csv", "plans/shipment_lines.csv", "quality/reconciliation.json",
                "quality/rejected/shipments.csv", "report/index.html")) {
            assertTrue(localFiles.containsKey(file), file);
        }
        assertTrue(localFiles.keySet().stream().anyMatch(f -> f.startsWith("restock/")));
        assertTrue(localFiles.containsKey("forecasts.parquet"), "forecasts.parquet is one file");
        for (Map.Entry<String, Path> file : localFiles.entrySet()) {
            if (file.getKey().equals("manifest.json") || file.getKey().startsWith("report/")) {
                continue;
            }
            byte[] published = direct.getObjectAsBytes(b -> b.bucket(BUCKET).key("out/" + DATE + "/" + file.getKey()))
                    .asByteArray();
            assertArrayEquals(Files.readAllBytes(file.getValue()), published, file.getKey() + " differs from the local run");
        }
        String manifest = direct.getObjectAsBytes(b -> b.bucket(BUCKET).key("out/" + DATE + "/manifest.json"))
                .asString(StandardCharsets.UTF_8);
        assertTrue(manifest.contains("shipments/shipments-2025.csv"), "the manifest lists the S3 input files");
    }

    @Test
    @Order(6)
    void missingBucketFailsWithExitOneNamingBucketAndKey() {
        RunOutcome outcome = run("s3://no-such-bucket/in", "s3://" + BUCKET + "/out", s3Settings);
        assertEquals(1, outcome.exitCode(), outcome.message());
        assertTrue(outcome.message().contains("bucket no-such-bucket") && outcome.message().contains("key in/"),
                outcome.message());
    }

    @Test
    @Order(7)
    void credentialsAreNeverPrintedOrLogged() throws IOException {
        String logged = log.text();
        assertTrue(logged.contains("Ingested shipments"), "the capture saw the runs' log");
        assertTrue(logged.contains("AccessDenied") || logged.contains("Access Denied"),
                "the capture saw the permanent fault's exception");
        assertFalse(logged.contains(SECRET), "the secret key is in the log");
        messages.forEach(m -> assertFalse(m.contains(SECRET), m));
        try (Stream<Path> files = Files.walk(temp.resolve("work-s3"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(text.contains(SECRET), file + " holds the secret key");
            }
        }
    }

    /** Asserts that from the first write of {@code first} on, only {@code allowed} are written. */
    static void assertOnlyAfter(List<String> written, String first, Set<String> allowed) {
        int from = written.indexOf(first);
        assertTrue(from >= 0, first + " was written");
        for (String later : written.subList(from, written.size())) {
            assertTrue(allowed.contains(later), later + " was written after " + first + ": " + written);
        }
    }

    static TreeSet<String> keys(String prefix) {
        TreeSet<String> keys = new TreeSet<>();
        for (S3Object object : direct.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents()) {
            keys.add(object.key().substring(prefix.length()));
        }
        return keys;
    }
}
