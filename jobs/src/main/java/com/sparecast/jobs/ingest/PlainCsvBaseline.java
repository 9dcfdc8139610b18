package com.sparecast.jobs.ingest;

import com.sparecast.jobs.config.Settings;
import com.sparecast.jobs.spark.SparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The baseline {@code scripts/bench.sh} measures validated ingest against: Spark's own CSV reader
 * turning the three event feeds of an input folder into Parquet, no validation at all, in one warm
 * session (started, then warmed with a small job, before the clock starts), the session built as the
 * nightly job builds its own. Prints one line per feed and the total, {@code plain_seconds=<s>}.
 *
 * <p>Run from the application jar: {@code SPARECAST_MAIN=com.sparecast.jobs.ingest.PlainCsvBaseline
 * scripts/sparecast INPUT OUTPUT [SPARK-MASTER]}.
 */
public final class PlainCsvBaseline {

    private PlainCsvBaseline() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: PlainCsvBaseline INPUT OUTPUT [SPARK-MASTER]");
            System.exit(2);
        }
        Path input = Path.of(args[0]);
        Path output = Path.of(args[1]);
        String master = args.length > 2 ? args[2] : "local[*]";
        Files.createDirectories(output);
        SparkSession spark = SparkSessions.create(master, Settings.withOverrides(Map.of()),
                Files.createTempDirectory(output, "spark-local"));
        try {
            spark.range(1000).selectExpr("sum(id)").collect(); // warm: executors up, code generated once
            Map<String, Double> seconds = new LinkedHashMap<>();
            long all = System.nanoTime();
            for (Feed feed : List.of(Feed.SHIPMENTS, Feed.FAILURES, Feed.RETURNS)) {
                long started = System.nanoTime();
                spark.read().option("header", "true").csv(input.resolve(feed.location()).toUri() + "/*.csv")
                        .write().mode(SaveMode.Overwrite).parquet(output.resolve(feed.feedName()).toUri().toString());
                seconds.put(feed.feedName(), (System.nanoTime() - started) / 1e9);
            }
            double total = (System.nanoTime() - all) / 1e9;
            seconds.forEach((feed, s) -> System.out.printf(java.util.Locale.ROOT, "%s_seconds=%.3f%n", feed, s));
            System.out.printf(java.util.Locale.ROOT, "plain_seconds=%.3f%n", total);
        } finally {
            spark.stop();
        }
    }
}
