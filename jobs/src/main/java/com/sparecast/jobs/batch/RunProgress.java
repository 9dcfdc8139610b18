package com.sparecast.jobs.batch;

import com.sparecast.jobs.stage.Stage;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.core.explore.JobExplorer;

/**
 * Progress of a nightly run, heard from the job's own listeners: the current step (k of 7), how
 * long it has run, the rows the finished steps wrote and their rate, and an estimate of the time
 * left from the step durations of the last completed run. Printed on one refreshing console
 * line when stderr is a terminal, logged every {@value #LOG_EVERY_SECONDS} s otherwise, and
 * logged at the end of every step with its counts.
 */
public final class RunProgress implements JobExecutionListener, StepExecutionListener {

    private static final Logger LOG = LogManager.getLogger(RunProgress.class);
    private static final int LOG_EVERY_SECONDS = 30;
    private static final int CONSOLE_EVERY_SECONDS = 2;

    /** One step as the listener last heard of it. */
    record StepView(String step, BatchStatus status, long written, double seconds) {
    }

    private final JobExplorer explorer;
    private final boolean console;
    private final Map<String, StepExecution> steps = new LinkedHashMap<>();
    private Map<String, Double> previous = Map.of();
    private Thread ticker;
    private volatile boolean running;

    /**
     * @param explorer the job repository, read once when the run starts for the last completed run's durations
     * @param console refresh one line on stderr instead of logging
     */
    public RunProgress(JobExplorer explorer, boolean console) {
        this.explorer = explorer;
        this.console = console;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        previous = lastCompletedDurations(explorer);
        running = true;
        ticker = new Thread(this::tick, "progress-" + jobExecution.getJobParameters().getString("planningDate"));
        ticker.setDaemon(true);
        ticker.start();
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        running = false;
        ticker.interrupt();
        if (console) {
            System.err.print("\r\u001b[K");
            System.err.flush();
        }
    }

    @Override
    public synchronized void beforeStep(StepExecution stepExecution) {
        steps.put(stepExecution.getStepName(), stepExecution);
    }

    @Override
    public synchronized ExitStatus afterStep(StepExecution step) {
        LOG.info("Step {} {} in {}: read {}, written {}, rejected {}{}", step.getStepName(), step.getStatus(),
                seconds(secondsOf(step, LocalDateTime.now())), step.getReadCount(), step.getWriteCount(),
                step.getSkipCount(), flaggedText(step));
        return null;
    }

    private void tick() {
        long lastLogged = System.nanoTime();
        try {
            while (running) {
                Thread.sleep(CONSOLE_EVERY_SECONDS * 1000L);
                String line = describe(views(), previous, LocalDateTime.now());
                if (console) {
                    System.err.print("\r" + line + "\u001b[K");
                    System.err.flush();
                } else if (System.nanoTime() - lastLogged > LOG_EVERY_SECONDS * 1_000_000_000L) {
                    LOG.info("Progress: {}", line);
                    lastLogged = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized List<StepView> views() {
        LocalDateTime now = LocalDateTime.now();
        List<StepView> out = new ArrayList<>();
        steps.values().forEach(s -> out.add(new StepView(s.getStepName(), s.getStatus(), s.getWriteCount(),
                secondsOf(s, now))));
        return out;
    }

    /** The named counts a step flagged for a person (exceptions, held lines), as ", exceptions 12". */
    private static String flaggedText(StepExecution step) {
        StringBuilder out = new StringBuilder();
        Stage.flaggedCounts(step).forEach((name, rows) -> out.append(", ").append(name).append(' ').append(rows));
        return out.toString();
    }

    private static double secondsOf(StepExecution s, LocalDateTime now) {
        return s.getStartTime() == null ? 0
                : Duration.between(s.getStartTime(), s.getEndTime() == null ? now : s.getEndTime()).toMillis() / 1000.0;
    }


    /** The one line shown: current step, finished rows and rate, time left. */
    static String describe(List<StepView> steps, Map<String, Double> previous, LocalDateTime now) {
        List<String> order = NightlyPlanningJobConfiguration.STEPS;
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
            line.append(String.format(Locale.ROOT, "%d of %d steps done", done, order.size()));
        } else {
            int index = order.indexOf(current.step()) + 1;
            line.append(String.format(Locale.ROOT, "step %d of %d %s, %s", index, order.size(), current.step(),
                    seconds(current.seconds())));
        }
        if (rows > 0 && doneSeconds > 0) {
            line.append(String.format(Locale.ROOT, "; %,d rows written by %d finished steps, %,.0f rows/s", rows, done,
                    rows / doneSeconds));
        }
        if (!previous.isEmpty()) {
            double left = 0;
            boolean after = current == null;
            for (String step : order) {
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

    /** Step durations of the newest completed run, any date; empty when there is none. */
    private static Map<String, Double> lastCompletedDurations(JobExplorer explorer) {
        Map<String, Double> out = new HashMap<>();
        for (JobInstance instance : explorer.getJobInstances(NightlyPlanningJobConfiguration.JOB_NAME, 0, 20)) {
            for (JobExecution e : explorer.getJobExecutions(instance)) {
                if (e.getStatus() == BatchStatus.COMPLETED
                        && e.getStepExecutions().size() == NightlyPlanningJobConfiguration.STEPS.size()) {
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
}
