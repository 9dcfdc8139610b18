package com.sparecast.jobs.batch;

/**
 * How a run ended, with the exit code schedulers branch on.
 *
 * @param exitCode 0 completed (or already completed), 1 failed (a rerun resumes), 2 usage or
 *     configuration error, 3 input quality gate failed
 * @param message one line for the operator
 */
public record RunOutcome(int exitCode, String message) {

    public static final int COMPLETED = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int QUALITY_GATE = 3;
}
