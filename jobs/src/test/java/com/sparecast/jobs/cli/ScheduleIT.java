package com.sparecast.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.jobs.ChildJvm;
import com.sparecast.jobs.TestInputs;
import com.sparecast.jobs.batch.DateClaims;
import com.sparecast.jobs.config.Settings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code sparecast schedule} processes (separate JVMs, separate work folders, as on two
 * hosts) share one job repository and fire every 4 seconds: the planning date runs once, the
 * other fires are skipped and say why, and the dates missed since the last claim are reported
 * on start.
 */
class ScheduleIT {

    @TempDir
    Path temp;

    @Test
    @Timeout(600)
    void twoSchedulersSharingARepositoryRunEachDateOnce() throws Exception {
        Path input = TestInputs.copyOf(TestInputs.dataSamples(), temp.resolve("input"));
        Path output = temp.resolve("out");
        String repository = "jdbc:h2:file:" + temp.resolve("shared-repo/sparecast") + ";DB_CLOSE_DELAY=-1;AUTO_SERVER=TRUE";
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        // Where the schedule left off three days ago: the two days in between were missed.
        DateClaims seeded = new DateClaims(repository, "sa", "", input.toString(), output.toString(), 300_000);
        LocalDate last = today.minusDays(3);
        seeded.claim(last, "an earlier scheduler", ZonedDateTime.of(last.atTime(23, 59, 56), ZoneOffset.UTC).toString());
        seeded.finish(last, "an earlier scheduler", 0, "completed");

        Object events = new Object();
        SchedulerLog logA = new SchedulerLog(events);
        SchedulerLog logB = new SchedulerLog(events);
        Process a = start("a", repository, input, output, logA);
        Process b = start("b", repository, input, output, logB);
        try {
            // Events, not sleeps: one run ends, then each scheduler's next fire skips the completed date.
            Instant deadline = Instant.now().plus(Duration.ofMinutes(8));
            assertTrue(SchedulerLog.awaitAny(deadline, l -> l.contains("ended with exit code"), logA, logB),
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
        try {
            check(today, repository, input, output, logA, logB, seeded);
        } finally {
            try (Connection c = DriverManager.getConnection(repository, "sa", "")) {
                c.createStatement().execute("SHUTDOWN");
            }
        }
    }

    private void check(LocalDate today, String repository, Path input, Path output, SchedulerLog logA, SchedulerLog logB,
                       DateClaims seeded) throws Exception {
        System.out.println("scheduler A:\n  " + String.join("\n  ", logA.lines()));
        System.out.println("scheduler B:\n  " + String.join("\n  ", logB.lines()));

        List<String> all = new ArrayList<>(logA.lines());
        all.addAll(logB.lines());
        assertEquals(1, all.stream().filter(l -> l.contains(": running planning date " + today)).count(),
                "the date must be started exactly once");
        assertEquals(1, all.stream().filter(l -> l.contains("Run of " + today + " ended with exit code 0")).count());
        assertTrue(all.stream().anyMatch(l -> l.contains("skipped: planning date " + today + " is being run by")),
                "the other scheduler must skip the running date");
        assertTrue(all.stream().anyMatch(l -> l.contains("skipped: planning date " + today + " already completed")),
                "later fires must skip the completed date");
        // The first scheduler up reports the gap; the second may start after the first claimed today.
        List<String> missed = all.stream().filter(l -> l.contains("Missed runs")).toList();
        assertTrue(missed.stream().anyMatch(l -> l.contains(today.minusDays(2) + " (due")
                && l.contains(today.minusDays(1) + " (due")), "missed dates reported on start: " + missed);
        assertTrue(missed.stream().noneMatch(l -> l.contains(today + " (due")), "today still has fires: " + missed);

        Settings settings = Settings.withOverrides(Map.of("sparecast.job-repository.url", repository,
                "sparecast.work-dir", temp.resolve("reader").toString()));
        List<StatusCommand.RunStatus> runs = StatusCommand.runs(settings, today, 100);
        assertEquals(1, runs.size(), "one job execution of " + today + ": " + runs);
        assertEquals("COMPLETED", runs.get(0).status());
        assertEquals(DateClaims.COMPLETED, seeded.find(today).orElseThrow().status());
        assertTrue(Files.exists(output.resolve(today.toString()).resolve("_SUCCESS")));
    }

    /**
     * The lines a scheduler printed, and a wait for the line that marks an event. Logs made with
     * one monitor wake a wait on any of them.
     */
    static final class SchedulerLog {

        private final Object events;
        private final List<String> lines = new ArrayList<>();

        SchedulerLog(Object events) {
            this.events = events;
        }

        void add(String line) {
            synchronized (events) {
                lines.add(line);
                events.notifyAll();
            }
        }

        List<String> lines() {
            synchronized (events) {
                return List.copyOf(lines);
            }
        }

        /** Waits until a line matches, or the deadline passes; true if one did. */
        boolean await(Instant deadline, Predicate<String> event) throws InterruptedException {
            return awaitAny(deadline, event, this);
        }

        /** Waits until a line of any of the logs (made with one monitor) matches. */
        static boolean awaitAny(Instant deadline, Predicate<String> event, SchedulerLog... logs) throws InterruptedException {
            Object events = logs[0].events;
            synchronized (events) {
                while (java.util.Arrays.stream(logs).flatMap(l -> l.lines.stream()).noneMatch(event)) {
                    long left = Duration.between(Instant.now(), deadline).toMillis();
                    if (left <= 0) {
                        return false;
                    }
                    events.wait(left);
                }
                return true;
            }
        }
    }

    private Process start(String name, String repository, Path input, Path output, SchedulerLog log) throws IOException {
        List<String> command = ChildJvm.sparecast(List.of("-Xmx1g",
                        "-Djava.io.tmpdir=" + Files.createDirectories(temp.resolve("tmp-" + name)),
                        "-Dsparecast.work-dir=" + temp.resolve("work-" + name),
                        "-Dsparecast.job-repository.url=" + repository, "-Dsparecast.spark.master=local[2]",
                        "-Dsparecast.schedule.heartbeat-seconds=2"),
                List.of("schedule", "--cron", "*/4 * * * * *", "--zone", "UTC", "--input", input.toString(),
                        "--output", output.toString(), "--stop-after", "540"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process process = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    log.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "scheduler-" + name);
        reader.setDaemon(true);
        reader.start();
        return process;
    }
}
