package com.sparecast.jobs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sparecast.jobs.batch.DateClaims;
import com.sparecast.jobs.batch.JobRepositoryConfiguration;
import com.sparecast.jobs.batch.NightlyPlanningJobConfiguration;
import com.sparecast.jobs.config.Settings;
import com.sparecast.jobs.stage.Stage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sparecast status}: runs from the job repository. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Lists runs from the job repository: date, status, steps, row counts, duration.")
public final class StatusCommand implements Callable<Integer> {

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Only runs of this planning date.")
    LocalDate date;

    @Option(names = "--last", paramLabel = "N", defaultValue = "10", description = "How many runs (default ${DEFAULT-VALUE}).")
    int last;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file overriding the defaults.")
    Path config;

    @Option(names = "--json", description = "Print JSON for machines instead of a table.")
    boolean json;

    /**
     * One step of a run: rows read, written and rejected (bad input set aside with its reason),
     * and the rows it flagged for a person, by name ({@code exceptions} of the plan, {@code held}
     * shipment lines).
     */
    public record StepStatus(String step, String status, long read, long written, long rejected, double seconds,
                             Map<String, Long> flagged) {
    }

    /**
     * One run (job execution); {@code scheduledBy} is the {@code schedule} process that claimed its
     * date ({@code pid@host}), null for a run started by hand or by another scheduler.
     */
    public record RunStatus(long execution, String planningDate, String status, String exitDescription,
                            String started, double seconds, String inputFingerprint, List<StepStatus> steps,
                            String scheduledBy) {
    }

    @Override
    public Integer call() throws Exception {
        Settings settings;
        try {
            settings = Settings.load(config);
            JobRepositoryConfiguration.check(settings);
        } catch (com.sparecast.jobs.config.ConfigurationException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        List<RunStatus> runs = runs(settings, date, last);
        if (json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(runs));
            return 0;
        }
        if (runs.isEmpty()) {
            System.out.println("No runs" + (date == null ? "" : " for " + date) + " in the job repository.");
            return 0;
        }
        for (RunStatus run : runs) {
            System.out.printf("%s  execution %d  %-9s  started %s  %.1f s  inputs %s%n", run.planningDate(), run.execution(),
                    run.status(), run.started(), run.seconds(), run.inputFingerprint().substring(0, Math.min(12,
                            run.inputFingerprint().length())));
            if (run.scheduledBy() != null) {
                System.out.println("    date claimed by scheduler " + run.scheduledBy());
            }
            for (StepStatus step : run.steps()) {
                StringBuilder flagged = new StringBuilder();
                step.flagged().forEach((name, rows) -> flagged.append("  ").append(name).append(' ').append(rows));
                System.out.printf("    %-18s %-9s read %10d  written %10d  rejected %8d  %7.1f s%s%n", step.step(),
                        step.status(), step.read(), step.written(), step.rejected(), step.seconds(), flagged);
            }
            if (run.exitDescription() != null && !run.exitDescription().isBlank() && !"COMPLETED".equals(run.status())) {
                System.out.println("    " + run.exitDescription().lines().findFirst().orElse(""));
            }
        }
        return 0;
    }

    /** The newest {@code last} runs, of {@code date} only if given. */
    public static List<RunStatus> runs(Settings settings, LocalDate date, int last) {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(Settings.class, () -> settings);
            context.register(JobRepositoryConfiguration.class);
            context.refresh();
            JobExplorer explorer = context.getBean(JobExplorer.class);
            List<JobExecution> executions = new ArrayList<>();
            int page = 0;
            List<JobInstance> instances;
            do {
                instances = explorer.getJobInstances(NightlyPlanningJobConfiguration.JOB_NAME, page * 100, 100);
                for (JobInstance instance : instances) {
                    for (JobExecution execution : explorer.getJobExecutions(instance)) {
                        String planned = execution.getJobParameters().getString("planningDate");
                        if (date == null || date.toString().equals(planned)) {
                            executions.add(execution);
                        }
                    }
                }
                page++;
            } while (instances.size() == 100);
            return executions.stream()
                    .sorted(Comparator.comparing(JobExecution::getId).reversed())
                    .limit(last)
                    .map(e -> status(e, claimOf(settings, e)))
                    .toList();
        }
    }

    /** The scheduler's claim on the execution's date, if {@code schedule} started it. */
    private static String claimOf(Settings settings, JobExecution e) {
        String input = e.getJobParameters().getString("input");
        String output = e.getJobParameters().getString("output");
        String date = e.getJobParameters().getString("planningDate");
        if (input == null || output == null || date == null) {
            return null;
        }
        try {
            DateClaims claims = new DateClaims(JobRepositoryConfiguration.jdbcUrl(settings),
                    settings.get("sparecast.job-repository.username"), settings.get("sparecast.job-repository.password"),
                    input, output, Long.MAX_VALUE);
            // A run's own claim ("pid@host/run-N") is no scheduler's.
            return claims.find(LocalDate.parse(date)).filter(c -> !c.owner().contains("/run-"))
                    .map(c -> c.owner() + " (fire " + c.fireTime() + ")").orElse(null);
        } catch (java.sql.SQLException | java.time.DateTimeException e2) {
            return null;
        }
    }

    private static RunStatus status(JobExecution e, String scheduledBy) {
        List<StepStatus> steps = e.getStepExecutions().stream()
                .sorted(Comparator.comparing(StepExecution::getId))
                .map(s -> new StepStatus(s.getStepName(), s.getStatus().name(), s.getReadCount(), s.getWriteCount(),
                        s.getSkipCount(), seconds(s.getStartTime(), s.getEndTime()), Stage.flaggedCounts(s)))
                .toList();
        return new RunStatus(e.getId(), e.getJobParameters().getString("planningDate"), e.getStatus().name(),
                e.getExitStatus().getExitDescription(), String.valueOf(e.getStartTime()),
                seconds(e.getStartTime(), e.getEndTime()), String.valueOf(e.getJobParameters().getString("inputFingerprint")),
                steps, scheduledBy);
    }

    private static double seconds(java.time.LocalDateTime start, java.time.LocalDateTime end) {
        if (start == null || end == null) {
            return 0;
        }
        return Duration.between(start, end).toMillis() / 1000.0;
    }
}
