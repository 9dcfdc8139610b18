package com.sparecast.jobs.batch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.jobs.ChildJvm;
import com.sparecast.jobs.config.Settings;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded job repository after its holder was killed with -9 while another program took the
 * dead holder's server port and answers nothing: H2 alone waits on that port forever (reproduced
 * with H2 2.3.232 and a silent listener; seen once in CI as a resumed run that never started).
 * With the openers' records the next process opens the repository at once.
 */
class EmbeddedRepositoryLockIT {

    @TempDir
    Path temp;

    @Test
    void aKilledHoldersLockFileDoesNotHangTheNextProcessWhenItsPortAnswersNothing() throws Exception {
        Path work = temp.resolve("work");
        Process holder = holdRepository(work);
        Path db = work.resolve("jobrepo").resolve("sparecast");
        Path lock = EmbeddedRepositoryLock.lockFile(db);
        String server = null;
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (server == null && System.nanoTime() < deadline && holder.isAlive()) {
                server = serverOf(lock);
                Thread.sleep(200);
            }
            assertNotNull(server, "the scheduler did not open the repository within 120 s");
        } finally {
            holder.destroyForcibly().waitFor();
        }
        assertTrue(Files.exists(lock), "kill -9 leaves H2's lock file behind");

        int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
        // Accepts connections (the kernel completes them) and never answers, like a busy stranger.
        try (ServerSocket silent = new ServerSocket()) {
            silent.setReuseAddress(true);
            silent.bind(new InetSocketAddress(port));
            Settings settings = Settings.withOverrides(Map.of("sparecast.work-dir", work.toString()));
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> JobRepositoryConfiguration.check(settings),
                    "the repository did not open within 60 s with a silent server at the dead holder's address " + server);
        }
        String now = serverOf(lock);
        assertFalse(server.equals(now), "this process holds the repository now: " + now);
        assertTrue(Files.exists(EmbeddedRepositoryLock.openers(db).resolve(ManagementFactory.getRuntimeMXBean().getName())));
        assertFalse(Files.exists(EmbeddedRepositoryLock.openers(db).resolve(holder.pid() + "@"
                + ManagementFactory.getRuntimeMXBean().getName().split("@", 2)[1])), "the dead holder's record is gone");
    }

    /** The {@code server} that H2's lock file names, or null while there is none. */
    private static String serverOf(Path lock) throws IOException {
        if (!Files.exists(lock)) {
            return null;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(lock)) {
            properties.load(reader);
        } catch (IOException e) {
            return null; // being written
        }
        return properties.getProperty("server");
    }

    /** A scheduler whose cron fires once a year: it opens the embedded repository and keeps it. */
    private Process holdRepository(Path work) throws IOException {
        List<String> command = ChildJvm.sparecast(List.of("-Xmx256m", "-Dsparecast.work-dir=" + work),
                List.of("schedule", "--cron", "0 0 0 1 1 *", "--zone", "UTC", "--input", temp.resolve("in").toString(),
                        "--output", temp.resolve("out").toString(), "--stop-after", "300"));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(temp.resolve("holder.log").toFile()).start();
    }
}
