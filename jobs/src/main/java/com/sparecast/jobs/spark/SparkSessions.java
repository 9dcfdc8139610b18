package com.sparecast.jobs.spark;

import com.sparecast.jobs.config.Settings;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** Creates the run's Spark session: quiet, loopback-only, shuffles sized to the data. */
public final class SparkSessions {

    /**
     * Tasks per core for work spread by its rows (Stage.spread) and for reading staged Parquet:
     * enough that uneven tasks still keep every core busy to the end.
     */
    public static final int TASKS_PER_CORE = 4;

    private SparkSessions() {
    }

    /**
     * A session on {@code master} (e.g. {@code local[*]} or {@code spark://host:7077}).
     * The shuffle width is fixed by configuration, not by the number of cores, and adaptive
     * execution coalesces it by bytes; no output depends on how rows are partitioned (the
     * published files are sorted, the class-wide allocation sums in part-number order).
     */
    public static SparkSession create(String master, Settings settings, Path localDir) {
        SparkSession.Builder builder = SparkSession.builder()
                .appName("sparecast")
                .master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", settings.get("sparecast.spark.shuffle-partitions"))
                // Adaptive execution sizes each shuffle to its bytes: a small run's shuffles shrink
                // to a task or two instead of the fixed width's eight. Work whose cost is per row
                // keeps its tasks by Stage.spread (BENCHMARKS.md, data-samples and medium).
                .config("spark.sql.adaptive.enabled", "true")
                // Ingest writes each feed partitioned by outcome (accepted, rejected). Planned writes
                // sort every task's rows by that column first; concurrent writers (two values, so
                // at most two files open per task) write the rows as they come: large's ingest
                // 106 s against 112 and 122 s (BENCHMARKS.md, session 16).
                .config("spark.sql.optimizer.plannedWrite.enabled", "false")
                .config("spark.sql.maxConcurrentOutputFileWriters", "4")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.parquet.compression.codec", "snappy")
                .config("spark.local.dir", localDir.toString())
                // Spark writes _SUCCESS and .crc files beside Parquet; staging needs neither.
                .config("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
                .config("spark.hadoop.parquet.summary.metadata.level", "NONE");
        if (master.startsWith("local")) {
            builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        settings.withPrefix("sparecast.spark.conf.").forEach(builder::config);
        SparkSession session = builder.getOrCreate();
        session.sparkContext().hadoopConfiguration().setBoolean("fs.file.impl.disable.cache", false);
        // Staged Parquet is read in at least TASKS_PER_CORE splits per core,
        // not packed into 128 MB splits: large's accepted shipments (eight files of 40 MB) were
        // read by three tasks on two cores, the last one alone. Small files are still packed (4 MB).
        if (!settings.withPrefix("sparecast.spark.conf.").containsKey("spark.sql.files.minPartitionNum")) {
            session.conf().set("spark.sql.files.minPartitionNum",
                    (long) TASKS_PER_CORE * session.sparkContext().defaultParallelism());
        }
        return session;
    }
}
