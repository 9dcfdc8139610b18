package com.sparecast.jobs.spark;

import com.sparecast.jobs.config.Settings;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** Creates the run's Spark session: quiet, loopback-only, deterministic shuffle width. */
public final class SparkSessions {

    private SparkSessions() {
    }

    /**
     * A session on {@code master} (e.g. {@code local[*]} or {@code spark://host:7077}).
     * The shuffle width is fixed by configuration, not by the number of cores, so that
     * partitioning never depends on the machine.
     */
    public static SparkSession create(String master, Settings settings, Path localDir) {
        SparkSession.Builder builder = SparkSession.builder()
                .appName("sparecast")
                .master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", settings.get("sparecast.spark.shuffle-partitions"))
                .config("spark.sql.adaptive.enabled", "false")
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
        return session;
    }
}
