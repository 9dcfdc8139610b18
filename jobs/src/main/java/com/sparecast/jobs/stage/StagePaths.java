package com.sparecast.jobs.stage;

import java.nio.file.Path;

/**
 * Where a job instance keeps each step's Parquet output: one folder per instance, so a restart
 * finds what the completed steps wrote and a new instance (new inputs, --force) starts clean.
 */
public record StagePaths(Path root) {

    public static StagePaths of(Path workDir, String planningDate, long jobInstanceId) {
        return new StagePaths(workDir.resolve("staging").resolve(planningDate + "-" + jobInstanceId));
    }

    /** The folder of one dataset, e.g. {@code ingest/shipments}. */
    public Path dataset(String name) {
        return root.resolve(name);
    }

    /** The dataset's location as a URI string Spark reads and writes. */
    public String uri(String name) {
        return dataset(name).toUri().toString();
    }
}
