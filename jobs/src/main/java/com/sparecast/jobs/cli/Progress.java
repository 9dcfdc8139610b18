package com.sparecast.jobs.cli;

import com.sparecast.jobs.batch.JobRepositoryConfiguration;
import com.sparecast.jobs.batch.NightlyPlanningJobConfiguration;
import com.sparecast.jobs.config.Settings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Progress of a running nightly job, watched from the job repository while {@code run} or
 * {@code schedule} waits for it: the current step (k of 6), how long it has run, the rows the
 * finished steps wrote and their rate, and an estimate of the time left from the step durations
 * of the last completed run. Printed on one refreshing console line when stderr is a terminal,
 * logged every {@value #LOG_EVERY_SECONDS} s otherwise.
 *
 * <p>The steps are tasklets that count their rows when they end, so the rows shown are those of
 * finished steps; rows and series within a running step would need a counter the step updates
 * as it goes (see the report of issue 7).
 */
final class Progress implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(Progress.class);
    static final List<String> STEPS = List.of("ingestEvents", "aggregateDemand", "forecastDemand", "planReplenishment",
            "planShipments", "publishPlans");
    private static final int LOG_EVERY_SECONDS = 30;
    private static final int CONSOLE_EVERY_SECONDS = 2;

    private final Thread thread;
    private volatile boolean stopped;
    private final boolean console;

    /** One step as seen in the repository. */
    record StepView(String step, BatchStatus status, long written, double seconds) {
    }

    private Progress(Settings settings, LocalDate date, boolean console) {
        this.console = console;
        this.thread = new Thread(() -> poll(settings, date), "progress-" + date);
        this.thread.setDaemon(true);
    }

    /** Starts watching the run of {@code date}; close it when the run returns. */
    static Progress watch(Settings settings, LocalDate date) {
        Progress progress = new Progress(settings, date, System.console() != null);
        progress.thread.start();
        return progress;
    }

    private void poll(Settings settings, LocalDate date) {
        AnnotationConfigApplicationContext context = null;
        try {
            Map<String, Double> previous = null;
            long lastLogged = 0;
            while (!stopped) {
                Thread.sleep(CONSOLE_EVERY_SECONDS * 1000L);
                if (context == null) {
                    // Never create the repository's tables here: the run does, and two creators race.
                    if (!repositoryExists(settings)) {
                        continue;
                    }
                    context = new AnnotationConfigApplicationContext();
                    context.registerBean(Settings.class, () -> settings);
                    context.register(JobRepositoryConfiguration.class);
                    context.refresh();
                }
                JobExplorer explorer = context.getBean(JobExplorer.class);
                if (previous == null) {
                    previous = lastCompletedDurations(explorer);
                }
                JobExecution running = running(explorer, date);
                if (running == null || stopped) {
                    continue;
                }
                String line = describe(views(running), previous, LocalDateTime.now());
                if (console) {
                    System.err.print("\r" + line + "\u001b[K");
                    System.err.flush();
                } else if (System.nanoTime() - lastLogged > LOG_EVERY_SECONDS * 1_000_000_000L) {
                    LOG.info("Progress of {}: {}", date, line);
                    lastLogged = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debug("Progress display stopped: {}", e.toString());
        } finally {
            if (context != null) {
                context.close();
            }
        }
    }

    /** Whether the job repository's tables are there, by a plain metadata query. */
    private static boolean repositoryExists(Settings settings) {
        String user = settings.get("sparecast.job-repository.username");
        String password = settings.get("sparecast.job-repository.password");
        try (Connection c = DriverManager.getConnection(JobRepositoryConfiguration.jdbcUrl(settings),
                user.isEmpty() ? null : user, password.isEmpty() ? null : password);
             ResultSet tables = c.getMetaData().getTables(null, null, null, new String[] {"TABLE"})) {
            boolean instances = false;
            boolean steps = false;
            while (tables.next()) {
                String name = tables.getString("TABLE_NAME");
                instances |= "BATCH_JOB_INSTANCE".equalsIgnoreCase(name);
                steps |= "BATCH_STEP_EXECUTION_CONTEXT".equalsIgnoreCase(name);
            }
            return instances && steps;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The one line shown: current step, finished rows and rate, time left. */
    static String describe(List<StepView> steps, Map<String, Double> previous, LocalDateTime now) {
        StepView current = null;
        long rows = 0;
        double doneSeconds = 0;
        int done = 0;
        for (StepView s : steps) {
            if (s.status() == BatchStatus.COMPLETED) {
                rows += s.written();
                doneSeconds += s.seconds();
                done++;
            } else if (s.status().isRunning()) {
                current = s;
            }
        }
        StringBuilder line = new StringBuilder();
        if (current == null) {
            line.append(String.format(Locale.ROOT, "%d of %d steps done", done, STEPS.size()));
        } else {
            int index = STEPS.indexOf(current.step()) + 1;
            line.append(String.format(Locale.ROOT, "step %d of %d %s, %s", index, STEPS.size(), current.step(),
                    seconds(current.seconds())));
        }
        if (rows > 0 && doneSeconds > 0) {
            line.append(String.format(Locale.ROOT, "; %,d rows written by %d finished steps, %,.0f rows/s", rows, done,
                    rows / doneSeconds));
        }
        if (!previous.isEmpty()) {
            double left = 0;
            boolean after = current == null;
            for (String step : STEPS) {
                if (current != null && step.equals(current.step())) {
                    left += Math.max(0, previous.getOrDefault(step, 0.0) - current.seconds());
                    after = true;
                } else if (after && steps.stream().noneMatch(s -> s.step().equals(step)
                        && s.status() == BatchStatus.COMPLETED)) {
                    left += previous.getOrDefault(step, 0.0);
                }
            }
            line.append("; about ").append(seconds(left)).append(" left (last completed run)");
        }
        return line.toString();
    }

    private static String seconds(double s) {
        long whole = Math.round(s);
        return whole < 120 ? whole + " s" : (whole / 60) + " min " + (whole % 60) + " s";
    }

    private static List<StepView> views(JobExecution execution) {
        LocalDateTime now = LocalDateTime.now();
        return execution.getStepExecutions().stream()
                .map(s -> new StepView(s.getStepName(), s.getStatus(), s.getWriteCount(),
                        s.getStartTime() == null ? 0 : Duration.between(s.getStartTime(),
                                s.getEndTime() == null ? now : s.getEndTime()).toMillis() / 1000.0))
                .toList();
    }

    private static JobExecution running(JobExplorer explorer, LocalDate date) {
        for (JobExecution e : explorer.findRunningJobExecutions(NightlyPlanningJobConfiguration.JOB_NAME)) {
            if (date.toString().equals(e.getJobParameters().getString("planningDate"))) {
                return explorer.getJobExecution(e.getId());
            }
        }
        return null;
    }

    /** Step durations of the newest completed run, any date; empty when there is none. */
    private static Map<String, Double> lastCompletedDurations(JobExplorer explorer) {
        Map<String, Double> out = new HashMap<>();
        for (JobInstance instance : explorer.getJobInstances(NightlyPlanningJobConfiguration.JOB_NAME, 0, 20)) {
            for (JobExecution e : explorer.getJobExecutions(instance)) {
                if (e.getStatus() == BatchStatus.COMPLETED && e.getStepExecutions().size() == STEPS.size()) {
                    for (StepExecution s : e.getStepExecutions()) {
                        if (s.getStartTime() != null && s.getEndTime() != null) {
                            out.put(s.getStepName(), Duration.between(s.getStartTime(), s.getEndTime()).toMillis() / 1000.0);
                        }
                    }
                    return out;
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        // No interrupt: an interrupted read would close the embedded database's file channel.
        stopped = true;
        if (console) {
            System.err.print("\r\u001b[K");
            System.err.flush();
        }
    }
}
