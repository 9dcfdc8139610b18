package com.sparecast.jobs.batch;

import com.sparecast.jobs.config.ConfigurationException;
import com.sparecast.jobs.forecasting.ForecastDemandTasklet;
import com.sparecast.jobs.input.MasterDataException;
import com.sparecast.jobs.storage.UnsafeInputException;
import com.sparecast.jobs.ingest.QualityGateException;
import com.sparecast.jobs.replenishment.PlanningContext;
import com.sparecast.jobs.stage.InputFingerprint;
import com.sparecast.jobs.stage.RunParameters;
import com.sparecast.jobs.storage.Storage;
import com.sparecast.jobs.storage.StorageSettings;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
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
 * step. An execution left {@code STARTED} by a process that died (kill -9, power loss) is
 * recognised by the date's lock file being free, marked failed, and resumed.
 */
public final class NightlyRun {

    private static final Logger LOG = LogManager.getLogger(NightlyRun.class);

    private NightlyRun() {
    }

    /** Runs the request to its end and returns the outcome; never throws for a run that fails. */
    public static RunOutcome execute(RunRequest request) {
        long started = System.nanoTime();
        Storage input;
        InputFingerprint fingerprint;
        try {
            // Every step's settings are read now: a bad value is exit 2 before anything runs.
            ForecastDemandTasklet.Forecasting.from(request.settings());
            PlanningContext.Policy.from(request.settings());
            // Every sparecast.* key known, typed and in range (an unknown key names the nearest known one).
            request.settings().validate();
            input = Storage.of(request.input(), StorageSettings.from(request.settings()));
            Storage.of(request.output(), StorageSettings.from(request.settings()));
            if (!input.exists("master") && input.list("master").isEmpty()) {
                return new RunOutcome(RunOutcome.USAGE, "Input " + request.input() + " has no master/ folder");
            }
            fingerprint = InputFingerprint.of(input);
            fingerprint.save(request.settings().workDir());
        } catch (ConfigurationException | IllegalArgumentException e) {
            return new RunOutcome(RunOutcome.USAGE, e.getMessage());
        } catch (UnsafeInputException e) {
            return new RunOutcome(RunOutcome.QUALITY_GATE, e.getMessage() + ". Nothing was started.");
        } catch (IOException e) {
            return new RunOutcome(RunOutcome.FAILED, "Cannot read input " + request.input() + ": " + e.getMessage());
        }

        Path lockFile = request.settings().workDir().resolve("locks").resolve(request.planningDate() + ".lock");
        try {
            Files.createDirectories(lockFile.getParent());
        } catch (IOException e) {
            return new RunOutcome(RunOutcome.USAGE, "Cannot create work folder " + lockFile.getParent() + ": " + e.getMessage());
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                return new RunOutcome(RunOutcome.FAILED, "Planning date " + request.planningDate()
                        + " is already being run by another process (lock " + lockFile + ")");
            }
            return launch(request, fingerprint, started);
        } catch (IOException e) {
            return new RunOutcome(RunOutcome.FAILED, "Cannot lock " + lockFile + ": " + e.getMessage());
        }
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
        }
        String reason = execution.getAllFailureExceptions().stream().findFirst()
                .map(t -> t.getClass().getSimpleName() + ": " + t.getMessage()).orElse(execution.getExitStatus().getExitDescription());
        return new RunOutcome(RunOutcome.FAILED, "Planning date " + request.planningDate() + " failed after " + seconds
                + " (" + reason + "); run the same command again to resume at the failed step");
    }

    private static Throwable rootOfKnown(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof QualityGateException || c instanceof MasterDataException || c instanceof ConfigurationException
                    || c instanceof UnsafeInputException) {
                return c;
            }
        }
        return t;
    }
}
