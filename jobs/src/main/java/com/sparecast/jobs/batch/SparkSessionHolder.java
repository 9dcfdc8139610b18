package com.sparecast.jobs.batch;

import com.sparecast.jobs.spark.SparkSessions;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.springframework.beans.factory.DisposableBean;

/** The run's Spark session, started on first use (a completed run never starts Spark) and stopped with the context. */
public final class SparkSessionHolder implements Supplier<SparkSession>, DisposableBean {

    private final RunRequest request;
    private SparkSession session;

    public SparkSessionHolder(RunRequest request) {
        this.request = request;
    }

    @Override
    public synchronized SparkSession get() {
        if (session == null) {
            Path localDir = request.settings().workDir().resolve("spark-local");
            session = SparkSessions.create(request.sparkMaster(), request.settings(), localDir);
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
