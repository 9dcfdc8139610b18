package com.sparecast.jobs.batch;

import com.sparecast.jobs.config.ConfigurationException;
import com.sparecast.jobs.forecasting.ForecastDemandTasklet;
import com.sparecast.jobs.input.MasterDataException;
import com.sparecast.jobs.storage.OutputClaimedException;
import com.sparecast.jobs.storage.UnsafeInputException;
import com.sparecast.jobs.ingest.PersonalColumns;
import com.sparecast.jobs.ingest.QualityGateException;
import com.sparecast.jobs.replenishment.PlanningContext;
import com.sparecast.jobs.stage.InputFingerprint;
import com.sparecast.jobs.stage.RunParameters;
import com.sparecast.jobs.storage.Storage;
import com.sparecast.jobs.storage.StorageSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Runs {@code nightlyPlanningJob} for one request and turns its end into an exit code.
 *
 * <p>A run is identified by planning date, input, output and the input fingerprint (plus a
 * token with {@code --force}). A completed run is not redone; a failed one resumes at the failed
 * step.
 *
 * <p>One run of a date at a time, across hosts: before anything starts, the run claims its date
 * (for its input and output) in the job repository ({@link DateClaims}), beats the claim's heart
 * while it runs and records its end. A date claimed by a live run elsewhere is refused with
 * {@link RunOutcome#CLAIMED}; a claim whose owner stopped beating for
 * {@code sparecast.schedule.stale-after-seconds} is taken over, at once when its owner was a
 * process of this host that is gone. Holding the claim, an execution
 * left {@code STARTED} (kill -9, power loss) is known to be dead: it is marked failed and resumed.
 */
public final class NightlyRun {

    private static final Logger LOG = LogManager.getLogger(NightlyRun.class);

    private NightlyRun() {
    }

    /** Distinguishes the runs of one JVM in their claims' owner names. */
    private static final AtomicLong RUNS = new AtomicLong();

    /** Runs the request to its end and returns the outcome; never throws for a run that fails. */
    public static RunOutcome execute(RunRequest request) {
        return execute(request, null);
    }

    /**
     * Runs the request; {@code claimedBy} names the caller's own claim on the date ({@code schedule}
     * claims a fire's date itself, beats its heart and records the end), null to claim it here.
     */
    public static RunOutcome execute(RunRequest request, String claimedBy) {
        long started = System.nanoTime();
        Storage input;
        InputFingerprint fingerprint;
        DateClaims claims;
        long beatMillis;
        try {
            // Every step's settings are read now: a bad value is exit 2 before anything runs.
            ForecastDemandTasklet.Forecasting.from(request.settings());
            PlanningContext.Policy.from(request.settings());
            PersonalColumns.from(request.settings());
            PlanningContext.Review.from(request.settings());
            // Every sparecast.* key known, typed and in range (an unknown key names the nearest known one).
            request.settings().validate();
            input = Storage.of(request.input(), StorageSettings.from(request.settings()));
            Storage.of(request.output(), StorageSettings.from(request.settings()));
            if (!input.exists("master") && input.list("master").isEmpty()) {
                return new RunOutcome(RunOutcome.USAGE, "Input " + request.input() + " has no master/ folder");
            }
            // The job repository answers (driver, URL, database) before anything starts.
            claims = claims(request);
            beatMillis = Math.max(1000, Math.round(seconds(request, "sparecast.schedule.heartbeat-seconds", 30) * 1000));
            fingerprint = InputFingerprint.of(input);
            fingerprint.save(request.settings().workDir());
        } catch (ConfigurationException | IllegalArgumentException e) {
            return new RunOutcome(RunOutcome.USAGE, e.getMessage());
        } catch (UnsafeInputException e) {
            return new RunOutcome(RunOutcome.QUALITY_GATE, e.getMessage() + ". Nothing was started.");
        } catch (IOException e) {
            return new RunOutcome(RunOutcome.FAILED, "Cannot read input " + request.input() + ": " + e.getMessage());
        }
        if (claimedBy != null) {
            return launch(request, fingerprint, started);
        }
        return claimAndLaunch(request, claims, beatMillis, fingerprint, started);
    }

    /** The date claims of the request's job repository; a repository that cannot be opened is a configuration error. */
    static DateClaims claims(RunRequest request) {
        String url = JobRepositoryConfiguration.jdbcUrl(request.settings());
        try {
            return new DateClaims(url, request.settings().get("sparecast.job-repository.username"),
                    request.settings().get("sparecast.job-repository.password"), request.input(), request.output(),
                    Math.round(seconds(request, "sparecast.schedule.stale-after-seconds", 300) * 1000));
        } catch (SQLException e) {
            throw new ConfigurationException(JobRepositoryConfiguration.cannotOpen(url, e));
        }
    }

    private static RunOutcome claimAndLaunch(RunRequest request, DateClaims claims, long beatMillis,
                                             InputFingerprint fingerprint, long started) {
        String owner = ManagementFactory.getRuntimeMXBean().getName() + "/run-" + RUNS.incrementAndGet();
        String url = JobRepositoryConfiguration.redacted(JobRepositoryConfiguration.jdbcUrl(request.settings()));
        Optional<DateClaims.Claim> standing;
        try {
            standing = claims.claimToRun(request.planningDate(), owner, ZonedDateTime.now().withNano(0).toString());
        } catch (SQLException e) {
            return new RunOutcome(RunOutcome.FAILED, "Cannot claim planning date " + request.planningDate()
                    + " in the job repository at " + url + ": " + e.getMessage());
        }
        if (standing.isPresent()) {
            DateClaims.Claim c = standing.get();
            return new RunOutcome(RunOutcome.CLAIMED, "Planning date " + request.planningDate() + " is being run by "
                    + c.owner() + " (since " + c.fireTime() + ", last heartbeat "
                    + Duration.ofMillis(Math.max(0, System.currentTimeMillis() - c.heartbeat())).toSeconds()
                    + " s ago) for the same input and output; nothing was started. Run it again after that run ends.");
        }
        ScheduledExecutorService heart = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "run-heartbeat");
            t.setDaemon(true);
            return t;
        });
        RunOutcome outcome = null;
        try {
            heart.scheduleAtFixedRate(() -> {
                try {
                    if (!claims.heartbeat(request.planningDate(), owner)) {
                        LOG.warn("The claim of {} on planning date {} was taken over by another process", owner,
                                request.planningDate());
                    }
                } catch (SQLException e) {
                    LOG.warn("Heartbeat of the claim on {} failed: {}", request.planningDate(), e.getMessage());
                }
            }, beatMillis, beatMillis, TimeUnit.MILLISECONDS);
            outcome = launch(request, fingerprint, started);
            return outcome;
        } finally {
            heart.shutdownNow();
            try {
                claims.finish(request.planningDate(), owner, outcome == null ? RunOutcome.FAILED : outcome.exitCode(),
                        outcome == null ? "stopped" : outcome.message());
            } catch (SQLException e) {
                LOG.warn("Cannot record the end of {} in the job repository: {}", request.planningDate(), e.getMessage());
            }
        }
    }

    /** An optional duration setting in seconds. */
    private static double seconds(RunRequest request, String key, double otherwise) {
        return request.settings().get(key).isEmpty() ? otherwise : request.settings().getDouble(key);
    }

    private static RunOutcome launch(RunRequest request, InputFingerprint fingerprint, long started) {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(com.sparecast.jobs.config.Settings.class, request::settings);
            context.registerBean(SparkSessionHolder.class, () -> new SparkSessionHolder(request.sparkMaster(),
                    request.settings()));
            context.registerBean(RunProgress.class, () -> new RunProgress(context.getBean(JobExplorer.class),
                    System.console() != null));
            context.register(JobRepositoryConfiguration.class, NightlyPlanningJobConfiguration.class);
            context.refresh();
            JobRepository repository = context.getBean(JobRepository.class);
            Job job = context.getBean(Job.class);
            JobParameters parameters = parameters(request, fingerprint);

            JobExecution last = repository.getLastJobExecution(job.getName(), parameters);
            if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                return new RunOutcome(RunOutcome.COMPLETED, "Planning date " + request.planningDate()
                        + " already completed on these inputs (execution " + last.getId() + "); nothing to do."
                        + " Use --force to plan it again.");
            }
            if (last != null && last.getStatus().isRunning()) {
                abandon(repository, last);
            }
            if (last != null) {
                LOG.info("Resuming planning date {} after failed execution {}", request.planningDate(), last.getId());
            }
            JobExecution execution = context.getBean(JobLauncher.class).run(job, parameters);
            return outcome(request, execution, started);
        } catch (ConfigurationException e) {
            return new RunOutcome(RunOutcome.USAGE, e.getMessage());
        } catch (Exception e) {
            LOG.error("Run of {} failed to start", request.planningDate(), e);
            return new RunOutcome(RunOutcome.FAILED, "Run of " + request.planningDate() + " failed to start: " + e.getMessage());
        }
    }

    /** The identifying parameters of a run. */
    static JobParameters parameters(RunRequest request, InputFingerprint fingerprint) {
        return new RunParameters(request.planningDate(), request.input(), request.output(), fingerprint.sha256())
                .toJobParameters(request.force() ? System.currentTimeMillis() : null);
    }

    /** Marks an execution whose process died as failed, so it can be restarted. */
    private static void abandon(JobRepository repository, JobExecution execution) {
        LOG.warn("Execution {} of {} was left {} by a process that stopped; marking it failed to resume it",
                execution.getId(), execution.getJobParameters().getString(RunParameters.PLANNING_DATE), execution.getStatus());
        LocalDateTime now = LocalDateTime.now();
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus().isRunning()) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(ExitStatus.FAILED.addExitDescription("process stopped"));
                step.setEndTime(now);
                repository.update(step);
            }
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(ExitStatus.FAILED.addExitDescription("process stopped"));
        execution.setEndTime(now);
        repository.update(execution);
    }

    private static RunOutcome outcome(RunRequest request, JobExecution execution, long started) {
        String seconds = String.format("%.1f s", Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return new RunOutcome(RunOutcome.COMPLETED, "Planning date " + request.planningDate() + " completed in "
                    + seconds + "; published to " + request.output() + "/" + request.planningDate());
        }
        for (Throwable failure : execution.getAllFailureExceptions()) {
            Throwable cause = rootOfKnown(failure);
            if (cause instanceof QualityGateException || cause instanceof MasterDataException
                    || cause instanceof UnsafeInputException) {
                return new RunOutcome(RunOutcome.QUALITY_GATE, cause.getMessage() + " Nothing was published.");
            }
            if (cause instanceof ConfigurationException) {
                return new RunOutcome(RunOutcome.USAGE, cause.getMessage());
            }
            if (cause instanceof OutputClaimedException) {
                return new RunOutcome(RunOutcome.CLAIMED, cause.getMessage());
            }
        }
        String reason = execution.getAllFailureExceptions().stream().findFirst()
                .map(t -> t.getClass().getSimpleName() + ": " + t.getMessage()).orElse(execution.getExitStatus().getExitDescription());
        return new RunOutcome(RunOutcome.FAILED, "Planning date " + request.planningDate() + " failed after " + seconds
                + " (" + reason + "); run the same command again to resume at the failed step");
    }

    private static Throwable rootOfKnown(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof QualityGateException || c instanceof MasterDataException || c instanceof ConfigurationException
                    || c instanceof UnsafeInputException || c instanceof OutputClaimedException) {
                return c;
            }
        }
        return t;
    }
}
