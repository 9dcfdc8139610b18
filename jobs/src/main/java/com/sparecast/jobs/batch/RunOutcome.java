package com.sparecast.jobs.batch;

/**
 * How a run ended, with the exit code schedulers branch on.
 *
 * @param exitCode 0 completed (or already completed), 1 failed (a rerun resumes), 2 usage or
 *     configuration error, 3 input quality gate failed, 4 another process is running this date (nothing
 *     was started) or is publishing this date into the same output (this run published nothing)
 * @param message one line for the operator
 */
public record RunOutcome(int exitCode, String message) {

    public static final int COMPLETED = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int QUALITY_GATE = 3;
    /**
     * Another process (this host or another sharing the job repository) holds a live claim on the
     * date, or another process holds the output date's publish claim.
     */
    public static final int CLAIMED = 4;
}
