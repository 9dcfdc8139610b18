package com.sparecast.jobs.cli;

import com.sparecast.jobs.batch.DateClaims;
import com.sparecast.jobs.batch.JobRepositoryConfiguration;
import com.sparecast.jobs.batch.NightlyRun;
import com.sparecast.jobs.batch.RunOutcome;
import com.sparecast.jobs.batch.RunRequest;
import com.sparecast.jobs.config.ConfigurationException;
import com.sparecast.jobs.config.Settings;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.scheduling.support.CronExpression;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sparecast schedule}: stays up and runs the nightly job on a cron schedule, one run at a
 * time, for the planning date of each fire time in the zone.
 *
 * <p>Every fire first claims its planning date in the job repository ({@link DateClaims}), so
 * a date is not started twice, also by another {@code schedule} process sharing the repository
 * on another host. A fire whose date is claimed by a live run elsewhere, or already completed, is
 * skipped and said so; a failed date is tried again at the next fire of the same date. Fires
 * that pass while a run is going are skipped (one run at a time). On start, the dates of fires
 * missed since the last claimed date (the process was down) are reported.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "Stays up and runs the nightly job on a cron schedule (Spring cron, 6 fields: second minute hour"
                + " day month weekday), one run at a time, for the planning date of each fire in --zone. Two schedulers"
                + " sharing a job repository never start the same date twice.")
public final class ScheduleCommand implements Callable<Integer> {

    private static final Logger LOG = LogManager.getLogger(ScheduleCommand.class);
    /** How many past days are examined for missed runs on start. */
    private static final int MAX_DAYS_EXAMINED = 366;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--cron", required = true, paramLabel = "EXPR",
            description = "Spring cron expression, 6 fields, e.g. '0 30 2 * * *' for 02:30 every day.")
    String cron;

    @Option(names = "--zone", paramLabel = "ZONE", description = "Time zone of the cron and of the planning date"
            + " (default: sparecast.zone, UTC).")
    String zone;

    @Option(names = "--input", required = true, paramLabel = "LOC", description = "Input folder or s3://bucket/prefix.")
    String input;

    @Option(names = "--output", required = true, paramLabel = "LOC", description = "Output folder or s3://bucket/prefix.")
    String output;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file overriding the defaults.")
    Path config;

    @Option(names = "--spark-master", paramLabel = "URL", description = "Spark master (default: configuration, local[*]).")
    String sparkMaster;

    @Option(names = "--stop-after", paramLabel = "SECONDS", hidden = true,
            description = "Stop after this many seconds (after the run in progress ends); for tests and maintenance windows.")
    Long stopAfter;

    @Override
    public Integer call() throws Exception {
        CronExpression expression;
        try {
            expression = CronExpression.parse(cron);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--cron '" + cron + "' is not a 6-field Spring cron"
                    + " expression: " + e.getMessage().lines().findFirst().orElse(""));
        }
        Settings settings;
        ZoneId zoneId;
        try {
            settings = Settings.load(config);
            settings.validate();
            zoneId = zone != null ? ZoneId.of(zone) : RunCommand.zone(settings);
        } catch (DateTimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--zone '" + zone + "' is not a time zone");
        } catch (ConfigurationException e) {
            System.err.println(e.getMessage());
            return RunOutcome.USAGE;
        }
        DateClaims claims;
        try {
            claims = new DateClaims(JobRepositoryConfiguration.jdbcUrl(settings),
                    settings.get("sparecast.job-repository.username"), settings.get("sparecast.job-repository.password"),
                    input, output, Math.round(seconds(settings, "sparecast.schedule.stale-after-seconds", 300) * 1000));
        } catch (SQLException e) {
            System.err.println(JobRepositoryConfiguration.cannotOpen(JobRepositoryConfiguration.jdbcUrl(settings), e));
            return RunOutcome.USAGE;
        } catch (ConfigurationException e) {
            System.err.println(e.getMessage());
            return RunOutcome.USAGE;
        }
        String owner = ManagementFactory.getRuntimeMXBean().getName();
        Instant stopAt = stopAfter == null ? Instant.MAX : Instant.now().plusSeconds(stopAfter);
        say("Scheduler " + owner + " started: cron '" + cron + "' in " + zoneId + ", input " + input + ", output " + output);
        reportMissed(claims, expression, zoneId);

        long heartbeatMillis = Math.max(1000, Math.round(seconds(settings, "sparecast.schedule.heartbeat-seconds", 30) * 1000));
        ScheduledExecutorService heart = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "schedule-heartbeat");
            t.setDaemon(true);
            return t;
        });
        boolean announce = true;
        try {
            while (true) {
                ZonedDateTime now = ZonedDateTime.now(zoneId);
                ZonedDateTime fire = expression.next(now);
                if (fire == null) {
                    say("The cron expression '" + cron + "' fires no more; scheduler stops");
                    return 0;
                }
                if (fire.toInstant().isAfter(stopAt)) {
                    sleepUntil(stopAt);
                    say("Scheduler " + owner + " stops (--stop-after)");
                    return 0;
                }
                if (announce) {
                    say("Next run at " + fire + " for planning date " + fire.toLocalDate());
                }
                sleepUntil(fire.toInstant());
                announce = fire(claims, owner, fire, heart, heartbeatMillis);
            }
        } finally {
            heart.shutdownNow();
        }
    }

    /**
     * One fire: claim the date, run it, record the outcome. Never throws for a run that fails.
     * Returns whether a run was started.
     */
    private boolean fire(DateClaims claims, String owner, ZonedDateTime fire, ScheduledExecutorService heart,
                         long heartbeatMillis) {
        LocalDate date = fire.toLocalDate();
        Optional<DateClaims.Claim> standing;
        try {
            standing = claims.claim(date, owner, fire.toString());
        } catch (SQLException e) {
            say("Fire at " + fire + " skipped: cannot claim " + date + " in the job repository: " + e.getMessage());
            return false;
        }
        if (standing.isPresent()) {
            DateClaims.Claim c = standing.get();
            say("Fire at " + fire + " skipped: planning date " + date + (DateClaims.RUNNING.equals(c.status())
                    ? " is being run by " + c.owner() + " (since " + c.fireTime() + ")"
                    : " already completed by " + c.owner() + " (fire " + c.fireTime() + ")"));
            return false;
        }
        say("Fire at " + fire + ": running planning date " + date);
        var beat = heart.scheduleAtFixedRate(() -> {
            try {
                claims.heartbeat(date, owner);
            } catch (SQLException e) {
                LOG.warn("Heartbeat of the claim on {} failed: {}", date, e.getMessage());
            }
        }, heartbeatMillis, heartbeatMillis, TimeUnit.MILLISECONDS);
        RunOutcome outcome;
        try {
            RunRequest request = RunCommand.request(config, input, output, date, sparkMaster, false);
            // The fire's claim is this scheduler's: the run does not claim the date again.
            outcome = NightlyRun.execute(request, owner);
        } catch (ConfigurationException e) {
            outcome = new RunOutcome(RunOutcome.USAGE, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Scheduled run of {} failed", date, e);
            outcome = new RunOutcome(RunOutcome.FAILED, "Run of " + date + " failed: " + e);
        } finally {
            beat.cancel(false);
        }
        try {
            claims.finish(date, owner, outcome.exitCode(), outcome.message());
        } catch (SQLException e) {
            LOG.warn("Cannot record the end of {} in the job repository: {}", date, e.getMessage());
        }
        say("Run of " + date + " ended with exit code " + outcome.exitCode() + ": " + outcome.message());
        return true;
    }

    /** Reports the planning dates of fires since the last claimed date that nobody ran. */
    static void reportMissed(DateClaims claims, CronExpression expression, ZoneId zoneId) throws SQLException {
        Optional<DateClaims.Claim> latest = claims.latest();
        if (latest.isEmpty()) {
            return;
        }
        ZonedDateTime from;
        try {
            from = ZonedDateTime.parse(latest.get().fireTime()).withZoneSameInstant(zoneId);
        } catch (DateTimeException e) {
            return;
        }
        ZonedDateTime now = ZonedDateTime.now(zoneId);
        TreeMap<LocalDate, ZonedDateTime> missed = new TreeMap<>();
        // A date that still has a fire to come is not missed: that fire runs it.
        ZonedDateTime next = expression.next(now);
        LocalDate upcoming = next == null ? null : next.toLocalDate();
        ZonedDateTime fire = expression.next(from);
        for (int i = 0; fire != null && fire.isBefore(now) && i < MAX_DAYS_EXAMINED; i++) {
            LocalDate date = fire.toLocalDate();
            if (claims.find(date).isEmpty() && !date.equals(upcoming)) {
                missed.put(date, fire);
            }
            // The first fire of the next day: one look-up per date, however often the cron fires.
            fire = expression.next(date.plusDays(1).atStartOfDay(zoneId).minusNanos(1));
        }
        if (missed.isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder("Missed runs while no scheduler was up: ");
        missed.forEach((date, at) -> line.append(date).append(" (due ").append(at).append(") "));
        line.append("- run each with: sparecast run --date DATE --input ... --output ...");
        say(line.toString().trim());
        LOG.warn(line);
    }

    /** An optional duration setting in seconds. */
    private static double seconds(Settings settings, String key, double otherwise) {
        return settings.get(key).isEmpty() ? otherwise : settings.getDouble(key);
    }

    private static void sleepUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static void say(String line) {
        System.out.println(ZonedDateTime.now().withNano(0).toOffsetDateTime() + " " + line);
        System.out.flush();
    }
}
