package com.sparecast.jobs.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple4;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Logs a feed's ingest progress on the driver while its Spark job runs: rows parsed so far,
 * accepted and rejected, and rows per second, every few seconds.
 *
 * <p>Executors count rows in two accumulators. A finished task's counts arrive with its end; a
 * running task's arrive with the executor heartbeats ({@code spark.executor.heartbeatInterval},
 * 10 s by default), which a listener keeps per task, so a file read by one long task still
 * shows progress.
 */
final class IngestProgress extends SparkListener implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(IngestProgress.class);

    private final SparkContext spark;
    private final String feed;
    private final LongAccumulator accepted;
    private final LongAccumulator rejected;
    private final Map<Long, long[]> running = new ConcurrentHashMap<>();
    private final long started = System.nanoTime();
    private final ScheduledExecutorService timer;

    IngestProgress(SparkContext spark, String feed, long intervalSeconds) {
        this.spark = spark;
        this.feed = feed;
        this.accepted = spark.longAccumulator("ingest." + feed + ".accepted");
        this.rejected = spark.longAccumulator("ingest." + feed + ".rejected");
        spark.addSparkListener(this);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ingest-progress");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::log, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    LongAccumulator accepted() {
        return accepted;
    }

    LongAccumulator rejected() {
        return rejected;
    }

    /** Rows counted so far: accepted, rejected. */
    long[] counts() {
        long a = accepted.value();
        long r = rejected.value();
        for (long[] partial : running.values()) {
            a += partial[0];
            r += partial[1];
        }
        return new long[] {a, r};
    }

    private void log() {
        long[] c = counts();
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-3);
        LOG.info("Ingesting {}: {} rows so far, {} accepted, {} rejected ({} rows/s)", feed, c[0] + c[1], c[0], c[1],
                Math.round((c[0] + c[1]) / seconds));
    }

    @Override
    public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
        for (Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> task
                : CollectionConverters.asJava(update.accumUpdates())) {
            long taskId = (Long) task._1();
            for (AccumulableInfo info : CollectionConverters.asJava(task._4())) {
                int which = info.id() == accepted.id() ? 0 : info.id() == rejected.id() ? 1 : -1;
                if (which >= 0 && info.update().isDefined()) {
                    running.computeIfAbsent(taskId, t -> new long[2])[which] = ((Number) info.update().get()).longValue();
                }
            }
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        running.remove(end.taskInfo().taskId());
    }

    @Override
    public void close() {
        timer.shutdownNow();
        spark.removeSparkListener(this);
    }
}
