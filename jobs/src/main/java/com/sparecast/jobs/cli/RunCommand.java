package com.sparecast.jobs.cli;

import com.sparecast.jobs.batch.NightlyRun;
import com.sparecast.jobs.batch.RunOutcome;
import com.sparecast.jobs.batch.RunRequest;
import com.sparecast.jobs.config.ConfigurationException;
import com.sparecast.jobs.config.Settings;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sparecast run}: the nightly job for one planning date. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs the nightly planning job for one date. Exit codes: 0 completed (or already completed),"
                + " 1 failed (rerun resumes), 2 usage or configuration error, 3 input quality gate failed, 4 another process"
                + " is running this date (nothing started).")
public final class RunCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "LOC", description = "Input folder or s3://bucket/prefix.")
    String input;

    @Option(names = "--output", required = true, paramLabel = "LOC", description = "Output folder or s3://bucket/prefix.")
    String output;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Planning date (default: today in the configured zone).")
    LocalDate date;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file overriding the defaults.")
    Path config;

    @Option(names = "--spark-master", paramLabel = "URL", description = "Spark master (default: configuration, local[*]).")
    String sparkMaster;

    @Option(names = "--force", description = "Plan the date again even if it already completed on these inputs.")
    boolean force;

    @Override
    public Integer call() {
        RunOutcome outcome;
        try {
            RunRequest request = request(config, input, output, date, sparkMaster, force);
            outcome = NightlyRun.execute(request);
        } catch (ConfigurationException e) {
            outcome = new RunOutcome(RunOutcome.USAGE, e.getMessage());
        }
        (outcome.exitCode() == 0 ? System.out : System.err).println(outcome.message());
        return outcome.exitCode();
    }

    /** Builds a request from the command's options and the configuration; shared with {@code schedule}. */
    static RunRequest request(Path config, String input, String output, LocalDate date, String sparkMaster, boolean force) {
        Settings settings = Settings.load(config);
        LocalDate planningDate = date != null ? date : LocalDate.now(zone(settings));
        // Under spark-submit the master arrives as the spark.master system property.
        String master = sparkMaster != null ? sparkMaster
                : System.getProperty("spark.master", settings.require("sparecast.spark.master"));
        return new RunRequest(input, output, planningDate, master, force, settings);
    }

    static ZoneId zone(Settings settings) {
        try {
            return ZoneId.of(settings.require("sparecast.zone"));
        } catch (java.time.DateTimeException e) {
            throw new ConfigurationException("sparecast.zone is not a time zone: " + settings.get("sparecast.zone"));
        }
    }
}
