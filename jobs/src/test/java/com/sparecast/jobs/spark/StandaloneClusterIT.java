package com.sparecast.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.jobs.TestInputs;
import com.sparecast.jobs.batch.JobRepositoryConfiguration;
import com.sparecast.jobs.batch.NightlyRun;
import com.sparecast.jobs.batch.RunOutcome;
import com.sparecast.jobs.batch.RunRequest;
import com.sparecast.jobs.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same application on a real Spark standalone cluster (a master, two workers and their executor
 * JVMs, all separate processes on loopback) gives the same outputs as the embedded run, byte for
 * byte, with tasks run on both workers. The cluster run reads the shipments files in splits of
 * 64 KiB (each data-samples shipments file is 22 to 280 KB: up to 5 splits), the embedded run
 * reads each file whole: splitting changes no output.
 */
class StandaloneClusterIT {

    static final LocalDate DATE = LocalDate.parse("2026-11-20");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path temp;

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void clusterRunMatchesEmbeddedRun() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        Path lib = target.resolve("lib");
        Path appJar;
        try (Stream<Path> jars = Files.list(target)) {
            appJar = jars.filter(p -> p.getFileName().toString().matches("sparecast-jobs-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("run after mvn package: no application jar in " + target));
        }
        Path input = TestInputs.copyOf(TestInputs.dataSamples(), temp.resolve("input"));

        Settings embedded = Settings.withOverrides(Map.of("sparecast.work-dir", temp.resolve("work-embedded").toString()));
        RunOutcome local = NightlyRun.execute(new RunRequest(input.toString(), temp.resolve("out-embedded").toString(),
                DATE, "local[2]", false, embedded));
        assertEquals(0, local.exitCode(), local.message());
        shutdown(embedded);

        try (StandaloneCluster cluster = StandaloneCluster.start(lib, temp.resolve("cluster"), 2, 1, "1280m")) {
            Settings clustered = Settings.withOverrides(Map.ofEntries(
                    Map.entry("sparecast.work-dir", temp.resolve("work-cluster").toString()),
                    Map.entry("sparecast.ingest.split-bytes", Long.toString(64 * 1024)),
                    Map.entry("sparecast.spark.conf.spark.executor.memory", "1g"),
                    Map.entry("sparecast.spark.conf.spark.executor.extraClassPath", lib + "/*:" + appJar),
                    Map.entry("sparecast.spark.conf.spark.driver.host", "127.0.0.1"),
                    Map.entry("sparecast.spark.conf.spark.driver.bindAddress", "127.0.0.1"),
                    // Both executors registered before the first job, and the test's listener in the driver.
                    Map.entry("sparecast.spark.conf.spark.scheduler.minRegisteredResourcesRatio", "1.0"),
                    Map.entry("sparecast.spark.conf.spark.scheduler.maxRegisteredResourcesWaitingTime", "120s"),
                    Map.entry("sparecast.spark.conf.spark.extraListeners", StandaloneClusterTasks.class.getName())));
            StandaloneClusterTasks.TASKS_BY_EXECUTOR.clear();
            StandaloneClusterTasks.APP_IDS.clear();
            RunOutcome remote = NightlyRun.execute(new RunRequest(input.toString(), temp.resolve("out-cluster").toString(),
                    DATE, cluster.masterUrl(), false, clustered));
            assertEquals(0, remote.exitCode(), remote.message());
            shutdown(clustered);

            // Each worker launched an executor of the run's application in its own work folder, and tasks
            // finished on the executors of both.
            assertEquals(1, StandaloneClusterTasks.APP_IDS.size(), "applications " + StandaloneClusterTasks.APP_IDS);
            String appId = StandaloneClusterTasks.APP_IDS.iterator().next();
            Map<String, Long> tasks = Map.copyOf(StandaloneClusterTasks.TASKS_BY_EXECUTOR);
            for (int w = 0; w < 2; w++) {
                java.util.Set<String> executors = cluster.executorsOf(w, appId);
                long ran = executors.stream().mapToLong(e -> tasks.getOrDefault(e, 0L)).sum();
                assertTrue(ran > 0, "worker " + (w + 1) + " (executors " + executors + ") ran no task; tasks by executor "
                        + tasks);
            }
        }

        Path a = temp.resolve("out-embedded").resolve(DATE.toString());
        Path b = temp.resolve("out-cluster").resolve(DATE.toString());
        List<String> compared = new ArrayList<>();
        try (Stream<Path> files = Files.walk(a)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = a.relativize(file).toString();
                if (relative.equals("manifest.json") || relative.startsWith("report/")) {
                    continue;
                }
                assertEquals(-1L, Files.mismatch(file, b.resolve(relative)), relative + " differs between embedded and cluster");
                compared.add(relative);
            }
        }
        assertTrue(compared.contains("plans/replenishment.csv"));
        assertTrue(compared.contains("forecasts.parquet"));
    }

    private static void shutdown(Settings settings) throws Exception {
        try (Connection c = DriverManager.getConnection(JobRepositoryConfiguration.jdbcUrl(settings), "sa", "")) {
            c.createStatement().execute("SHUTDOWN");
        }
    }
}
