package com.sparecast.jobs.batch;

import com.sparecast.jobs.config.Settings;
import com.sparecast.jobs.spark.SparkSessions;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.springframework.beans.factory.DisposableBean;

/** The run's Spark session, started on first use (a completed run never starts Spark) and stopped with the context. */
public final class SparkSessionHolder implements Supplier<SparkSession>, DisposableBean {

    private final String sparkMaster;
    private final Settings settings;
    private SparkSession session;

    public SparkSessionHolder(String sparkMaster, Settings settings) {
        this.sparkMaster = sparkMaster;
        this.settings = settings;
    }

    @Override
    public synchronized SparkSession get() {
        if (session == null) {
            Path localDir = settings.workDir().resolve("spark-local");
            session = SparkSessions.create(sparkMaster, settings, localDir);
        }
        return session;
    }

    @Override
    public synchronized void destroy() {
        if (session != null) {
            session.stop();
            session = null;
        }
    }
}
