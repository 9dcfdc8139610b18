package com.sparecast.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.jobs.ChildJvm;
import com.sparecast.jobs.LoopbackPostgres;
import com.sparecast.jobs.TestInputs;
import com.sparecast.jobs.batch.DateClaims;
import com.sparecast.jobs.batch.NightlyRun;
import com.sparecast.jobs.batch.RunOutcome;
import com.sparecast.jobs.batch.RunRequest;
import com.sparecast.jobs.config.Settings;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job repository on a real PostgreSQL server (Debian's, started on loopback by
 * {@link LoopbackPostgres}): the nightly job on data-samples, a run that fails and resumes at the
 * failed step after taking over a dead process's claim, {@code status}, two {@code run} processes
 * of one date (one runs, the other is refused with exit 4), and two {@code schedule} processes
 * that run the date once. A repository that cannot be used is one line on stderr and exit 2.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresRepositoryIT {

    static final LocalDate DATE = LocalDate.parse("2026-11-20");

    @TempDir
    static Path temp;
    static LoopbackPostgres postgres;
    static Path input;
    static Settings settings;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = LoopbackPostgres.start();
        Assumptions.assumeTrue(postgres != null, "PostgreSQL is not installed (.ci/run installs Debian's postgresql)");
        input = TestInputs.copyOf(TestInputs.dataSamples(), temp.resolve("input"));
        settings = Settings.withOverrides(repository(temp.resolve("work")));
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    static Map<String, String> repository(Path workDir) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("sparecast.job-repository.url", postgres.url());
        values.put("sparecast.job-repository.username", LoopbackPostgres.USER);
        values.put("sparecast.job-repository.password", LoopbackPostgres.PASSWORD);
        values.put("sparecast.work-dir", workDir.toString());
        values.put("sparecast.spark.master", "local[2]");
        values.put("sparecast.schedule.heartbeat-seconds", "2");
        return values;
    }

    static RunOutcome run(Path output) {
        return NightlyRun.execute(new RunRequest(input.toString(), output.toString(), DATE, "local[2]", false, settings));
    }

    @Test
    @Order(1)
    @Timeout(300)
    void anUnusableRepositoryIsOneLineAndExit2BeforeAnythingStarts() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Path output = temp.resolve("never");
        List<String> run = List.of("run", "--input", input.toString(), "--output", output.toString(), "--date",
                DATE.toString());
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("jdbc:mysql://127.0.0.1/sparecast", run);
        cases.put("jdbc:postgresql://127.0.0.1:notaport/sparecast", run);
        cases.put("jdbc:postgresql://127.0.0.1:" + closedPort + "/sparecast?password=hunter2", run);
        cases.put(postgres.url() + "?user=sparecast&password=wrong", run);
        cases.put("jdbc:postgresql://127.0.0.1:" + closedPort + "/x", List.of("status"));
        cases.put("jdbc:postgresql://127.0.0.1:" + closedPort + "/y", List.of("schedule", "--cron", "0 0 2 * * *",
                "--input", input.toString(), "--output", output.toString()));
        // All at once: each is a JVM start and a refusal.
        Map<String, Process> processes = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, List<String>> c : cases.entrySet()) {
            Map<String, String> props = repository(temp.resolve("work-bad-" + i++));
            props.put("sparecast.job-repository.url", c.getKey());
            // The wrong-password case names its user and password in the URL only.
            props.put("sparecast.job-repository.password", "");
            processes.put(c.getKey() + " " + c.getValue().get(0), start(props, c.getValue(), null));
        }
        for (Map.Entry<String, Process> p : processes.entrySet()) {
            assertTrue(p.getValue().waitFor(120, TimeUnit.SECONDS), p.getKey() + " did not end");
            String stderr = new String(p.getValue().getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            String stdout = new String(p.getValue().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            System.out.println(p.getKey() + " -> exit " + p.getValue().exitValue() + ": " + stderr.trim());
            assertEquals(2, p.getValue().exitValue(), p.getKey() + ": " + stderr + stdout);
            // The JVM's own notice of the --add-modules flag (launcher and tests alike) is not ours.
            List<String> lines = stderr.lines().filter(l -> !l.isBlank())
                    .filter(l -> !l.startsWith("WARNING: Using incubator modules")).toList();
            assertEquals(1, lines.size(), p.getKey() + ": one line on stderr, got:\n" + stderr);
            assertTrue(lines.get(0).contains("job-repository") || lines.get(0).contains("job repository"), lines.get(0));
            assertFalse(stderr.contains("Exception") || stderr.contains("\tat "), stderr);
            assertFalse(stderr.contains("hunter2") || stderr.contains("=wrong"), "a password is printed: " + stderr);
            assertTrue(stdout.isBlank() || p.getKey().endsWith("schedule"), stdout);
        }
        assertFalse(Files.exists(output), "nothing was started");
    }

    @Test
    @Order(2)
    @Timeout(600)
    void theNightlyJobRunsWithItsRepositoryOnPostgres() throws Exception {
        Path out = temp.resolve("out-a");
        RunOutcome outcome = run(out);
        assertEquals(0, outcome.exitCode(), outcome.message());
        Path published = out.resolve(DATE.toString());
        assertTrue(Files.isRegularFile(published.resolve("_SUCCESS")));
        // The same plan as with H2: the repository changes nothing in the outputs.
        Path golden = Path.of("src/test/resources/golden").resolve(DATE.toString());
        assertEquals(Files.readString(golden.resolve("plans/replenishment.csv")),
                Files.readString(published.resolve("plans/replenishment.csv")));

        // The executions are in PostgreSQL, and the date's claim was recorded there.
        try (Connection c = postgres.connect();
             ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM batch_step_execution s"
                     + " JOIN batch_job_execution e ON e.job_execution_id = s.job_execution_id WHERE e.status = 'COMPLETED'")) {
            r.next();
            assertEquals(7, r.getInt(1), "seven completed steps in PostgreSQL");
        }
        assertEquals(DateClaims.COMPLETED, claims(out).find(DATE).orElseThrow().status());

        RunOutcome again = run(out);
        assertEquals(0, again.exitCode(), again.message());
        assertTrue(again.message().contains("already completed"), again.message());
    }

    @Test
    @Order(3)
    @Timeout(600)
    void aFailedRunResumesAfterTakingOverTheClaimOfAProcessThatDied() throws Exception {
        Path blocked = temp.resolve("out-c");
        DateClaims claims = claims(blocked);
        // Another host holds the date and is alive: refused, nothing started.
        assertTrue(claims.claim(DATE, "4242@other-host", "2026-11-20T02:30Z").isEmpty());
        RunOutcome refused = run(blocked);
        assertEquals(RunOutcome.CLAIMED, refused.exitCode(), refused.message());
        assertTrue(refused.message().contains("is being run by 4242@other-host"), refused.message());
        assertFalse(Files.exists(blocked));

        // ... then it died: its heartbeat is older than the stale limit, so the claim is taken over.
        try (Connection c = postgres.connect(); PreparedStatement s = c.prepareStatement(
                "UPDATE " + DateClaims.TABLE + " SET HEARTBEAT = 0 WHERE OWNER = ?")) {
            s.setString(1, "4242@other-host");
            assertEquals(1, s.executeUpdate());
        }
        // An output location that is a file: every step runs, publishing fails.
        Files.writeString(blocked, "not a folder");
        RunOutcome failed = run(blocked);
        assertEquals(1, failed.exitCode(), failed.message());
        DateClaims.Claim afterFailure = claims.find(DATE).orElseThrow();
        assertEquals(DateClaims.FAILED, afterFailure.status());
        assertFalse(afterFailure.owner().contains("other-host"), "taken over: " + afterFailure);

        Files.delete(blocked);
        RunOutcome resumed = run(blocked);
        assertEquals(0, resumed.exitCode(), resumed.message());
        assertTrue(Files.isRegularFile(blocked.resolve(DATE.toString()).resolve("_SUCCESS")));
        StatusCommand.RunStatus last = StatusCommand.runs(settings, DATE, 1).get(0);
        assertEquals("COMPLETED", last.status());
        assertEquals(List.of("publishPlans"), last.steps().stream().map(StatusCommand.StepStatus::step).toList(),
                "the resumed execution ran only the step that had failed");
        assertEquals(DateClaims.COMPLETED, claims.find(DATE).orElseThrow().status());
    }

    @Test
    @Order(4)
    void statusListsTheRunsFromPostgres() throws Exception {
        Path config = temp.resolve("postgres.properties");
        StringBuilder properties = new StringBuilder();
        repository(temp.resolve("work-status")).forEach((k, v) -> properties.append(k).append('=').append(v).append('\n'));
        Files.writeString(config, properties);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = SparecastCommand.execute("status", "--date", DATE.toString(), "--config", config.toString());
        } finally {
            System.setOut(original);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        System.out.println(printed);
        assertEquals(0, exit, printed);
        assertTrue(printed.contains(DATE + "  execution"), printed);
        assertTrue(printed.contains("COMPLETED") && printed.contains("FAILED"), printed);
        assertTrue(printed.contains("publishPlans") && printed.contains("ingestEvents"), printed);
    }

    @Test
    @Order(5)
    @Timeout(600)
    void twoRunProcessesOfOneDateOneRunsTheOtherIsRefused() throws Exception {
        Path out = temp.resolve("out-r");
        List<String> command = List.of("run", "--input", input.toString(), "--output", out.toString(), "--date",
                DATE.toString());
        // Started together, as two hosts' crontabs would: the claim's primary key picks one.
        Process a = start(repository(temp.resolve("work-run-a")), command, temp.resolve("run-a.log"));
        Process b = start(repository(temp.resolve("work-run-b")), command, temp.resolve("run-b.log"));
        try {
            assertTrue(a.waitFor(8, TimeUnit.MINUTES), "run A did not end");
            assertTrue(b.waitFor(8, TimeUnit.MINUTES), "run B did not end");
        } finally {
            a.destroyForcibly();
            b.destroyForcibly();
        }
        String logA = Files.readString(temp.resolve("run-a.log"));
        String logB = Files.readString(temp.resolve("run-b.log"));
        System.out.println("run A exit " + a.exitValue() + ":\n" + logA + "\nrun B exit " + b.exitValue() + ":\n" + logB);
        List<Integer> exits = new ArrayList<>(List.of(a.exitValue(), b.exitValue()));
        exits.sort(null);
        assertEquals(List.of(0, RunOutcome.CLAIMED), exits, "one run completes, the other is refused");
        String refusal = a.exitValue() == RunOutcome.CLAIMED ? logA : logB;
        assertTrue(refusal.contains("Planning date " + DATE + " is being run by ") && refusal.contains("nothing was started"),
                refusal);
        assertTrue(Files.isRegularFile(out.resolve(DATE.toString()).resolve("_SUCCESS")));
        // One execution for that output, and the claim records the completed run.
        assertEquals(DateClaims.COMPLETED, claims(out).find(DATE).orElseThrow().status());
        try (Connection c = postgres.connect(); PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM"
                + " batch_job_execution_params WHERE parameter_name = 'output' AND parameter_value = ?")) {
            s.setString(1, out.toString());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertEquals(1, r.getInt(1), "one execution of the date for this output");
            }
        }
    }

    @Test
    @Order(6)
    @Timeout(600)
    void twoSchedulersOnPostgresRunTheDateOnce() throws Exception {
        Path out = temp.resolve("out-s");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Object events = new Object();
        ScheduleIT.SchedulerLog logA = new ScheduleIT.SchedulerLog(events);
        ScheduleIT.SchedulerLog logB = new ScheduleIT.SchedulerLog(events);
        List<String> command = List.of("schedule", "--cron", "*/4 * * * * *", "--zone", "UTC", "--input",
                input.toString(), "--output", out.toString(), "--stop-after", "540");
        Process a = start(repository(temp.resolve("work-sched-a")), command, null);
        follow(a, logA);
        Process b = start(repository(temp.resolve("work-sched-b")), command, null);
        follow(b, logB);
        try {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(8));
            assertTrue(ScheduleIT.SchedulerLog.awaitAny(deadline, l -> l.contains("ended with exit code"), logA, logB),
                    "no run ended in time:\nA: " + logA.lines() + "\nB: " + logB.lines());
            String completedSkip = "skipped: planning date " + today + " already completed";
            assertTrue(logA.await(deadline, l -> l.contains(completedSkip)), "A: " + logA.lines());
            assertTrue(logB.await(deadline, l -> l.contains(completedSkip)), "B: " + logB.lines());
        } finally {
            a.destroy();
            b.destroy();
            a.waitFor();
            b.waitFor();
        }
        List<String> all = new ArrayList<>(logA.lines());
        all.addAll(logB.lines());
        System.out.println("schedulers:\n  " + String.join("\n  ", all));
        assertEquals(1, all.stream().filter(l -> l.contains(": running planning date " + today)).count(),
                "the date must be started exactly once");
        assertEquals(1, all.stream().filter(l -> l.contains("Run of " + today + " ended with exit code 0")).count());
        assertTrue(all.stream().anyMatch(l -> l.contains("skipped: planning date " + today + " is being run by")),
                "the other scheduler must skip the running date");
        List<StatusCommand.RunStatus> runs = StatusCommand.runs(settings, today, 100);
        assertEquals(1, runs.size(), "one job execution of " + today + ": " + runs);
        assertEquals("COMPLETED", runs.get(0).status());
        assertNotNull(runs.get(0).scheduledBy(), "status names the scheduler that claimed the date");
        assertTrue(Files.exists(out.resolve(today.toString()).resolve("_SUCCESS")));
    }

    private static DateClaims claims(Path output) throws Exception {
        return new DateClaims(postgres.url(), LoopbackPostgres.USER, LoopbackPostgres.PASSWORD, input.toString(),
                output.toString(), 300_000);
    }

    /** A sparecast JVM with these settings as system properties; output and errors to {@code log} if given. */
    private static Process start(Map<String, String> properties, List<String> arguments, Path log) throws IOException {
        Path workDir = Path.of(properties.get("sparecast.work-dir"));
        List<String> options = new ArrayList<>(List.of("-Xmx1g",
                "-Djava.io.tmpdir=" + Files.createDirectories(workDir.resolveSibling(workDir.getFileName() + "-tmp"))));
        properties.forEach((k, v) -> options.add("-D" + k + "=" + v));
        List<String> command = ChildJvm.sparecast(options, arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        if (log != null) {
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
        } else if (arguments.contains("--stop-after")) {
            builder.redirectErrorStream(true); // a scheduler's lines are followed; its logs must not fill the pipe
        }
        return builder.start();
    }

    private static void follow(Process process, ScheduleIT.SchedulerLog log) {
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    log.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "scheduler-output");
        reader.setDaemon(true);
        reader.start();
    }
}
