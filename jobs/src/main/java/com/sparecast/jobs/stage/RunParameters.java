package com.sparecast.jobs.stage;

import java.time.LocalDate;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;

/**
 * The identifying job parameters of a nightly run: what every step reads to know what it plans,
 * so an execution restarted by Spring Batch alone (a {@code JobOperator}) runs as the first one.
 *
 * @param planningDate the date planned for
 * @param input input location (folder or s3:// prefix)
 * @param output output location
 * @param inputFingerprint SHA-256 over the input files' names and contents
 */
public record RunParameters(LocalDate planningDate, String input, String output, String inputFingerprint) {

    public static final String PLANNING_DATE = "planningDate";
    public static final String INPUT = "input";
    public static final String OUTPUT = "output";
    public static final String INPUT_FINGERPRINT = "inputFingerprint";
    /** Set only by {@code --force}: makes a new job instance of an already planned date. */
    public static final String FORCED_AT = "forcedAt";

    /** @throws IllegalArgumentException naming a missing parameter */
    public static RunParameters of(JobParameters parameters) {
        return new RunParameters(LocalDate.parse(required(parameters, PLANNING_DATE)), required(parameters, INPUT),
                required(parameters, OUTPUT), required(parameters, INPUT_FINGERPRINT));
    }

    /** These parameters, plus a token that makes a new instance when {@code forcedAt} is not null. */
    public JobParameters toJobParameters(Long forcedAt) {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addString(PLANNING_DATE, planningDate.toString())
                .addString(INPUT, input)
                .addString(OUTPUT, output)
                .addString(INPUT_FINGERPRINT, inputFingerprint);
        if (forcedAt != null) {
            builder.addLong(FORCED_AT, forcedAt);
        }
        return builder.toJobParameters();
    }

    /** The plan's id: the planning date and the start of the input fingerprint. */
    public String planId() {
        return planningDate.toString().replace("-", "") + "-" + inputFingerprint.substring(0, 12);
    }

    /**
     * The first week not wholly observed: history ends the day before the planning date, so the
     * planning date's own ISO week is partial (or, on a Monday, empty). Every step that cuts
     * history at the last complete week uses this one.
     */
    public LocalDate firstIncompleteWeek() {
        return isoWeekStart(planningDate);
    }

    /** The Monday of {@code date}'s ISO week. */
    public static LocalDate isoWeekStart(LocalDate date) {
        return date.minusDays(date.getDayOfWeek().getValue() - 1L);
    }

    private static String required(JobParameters parameters, String name) {
        String value = parameters.getString(name);
        if (value == null) {
            throw new IllegalArgumentException("Job parameter " + name + " is missing");
        }
        return value;
    }
}
