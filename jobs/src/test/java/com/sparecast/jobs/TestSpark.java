package com.sparecast.jobs;

import com.sparecast.jobs.config.Settings;
import com.sparecast.jobs.spark.SparkSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * One local Spark session for the unit tests of Spark transforms in this JVM (starting one
 * costs seconds), with one shuffle partition so results come back in a stable order.
 */
public final class TestSpark {

    private static SparkSession session;

    private TestSpark() {
    }

    public static synchronized SparkSession session() {
        // Another test class may have stopped the JVM's active session (getOrCreate hands out the same one).
        if (session == null || session.sparkContext().isStopped()) {
            try {
                Settings settings = Settings.withOverrides(Map.of("sparecast.spark.shuffle-partitions", "1"));
                session = SparkSessions.create("local[1]", settings, Files.createTempDirectory("test-spark"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            SparkSession created = session;
            Runtime.getRuntime().addShutdownHook(new Thread(created::stop));
        }
        return session;
    }

    /** A dataset of the rows given, each as its values in schema order. */
    public static Dataset<Row> rows(StructType schema, Object[]... rows) {
        List<Row> list = java.util.Arrays.stream(rows).map(RowFactory::create).toList();
        return session().createDataFrame(list, schema);
    }
}
