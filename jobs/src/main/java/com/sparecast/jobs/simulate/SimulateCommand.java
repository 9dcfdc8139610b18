package com.sparecast.jobs.simulate;

import com.sparecast.jobs.simulate.DemandHistory.Frequency;
import com.sparecast.jobs.simulate.DemandHistory.InvalidHistoryException;
import com.sparecast.jobs.simulate.PolicyComparison.Allocation;
import com.sparecast.jobs.simulate.PolicyComparison.ClassOutcome;
import com.sparecast.jobs.simulate.PolicyComparison.Outcome;
import com.sparecast.models.distribution.LeadTime;
import com.sparecast.models.inventory.AbcClass;
import com.sparecast.models.inventory.SimulationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sparecast simulate}: runs the stock policy week by week (or month by month) over the
 * holdout of a demand history and reports the achieved fill rate, average on hand and number
 * of orders per ABC class and overall, beside a normal-approximation policy at the same target.
 * See {@link PolicyComparison} for what is fitted and simulated.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate the stock policy over the holdout of a demand history (part_no,region,period,"
                + "quantity; plain or gzip) and compare it with a normal-approximation policy.")
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--history", required = true, paramLabel = "FILE",
            description = "Long-format demand history (CSV, optionally gzip-compressed).")
    private Path history;

    @Option(names = "--frequency", defaultValue = "week", paramLabel = "week|month",
            description = "Bucket of the history: week or month (default: ${DEFAULT-VALUE}).")
    private String frequency;

    @Option(names = "--holdout", paramLabel = "N",
            description = "Periods at the end of each series to simulate over (default: 52 weekly, 12 monthly).")
    private Integer holdout;

    @Option(names = "--fill-rate", defaultValue = "0.95", paramLabel = "RATE",
            description = "Target fill rate of every ABC class, in (0, 1) (default: ${DEFAULT-VALUE}).")
    private double fillRate;

    @Option(names = "--lead-time-mean", defaultValue = "2", paramLabel = "P",
            description = "Mean lead time in periods (default: ${DEFAULT-VALUE}).")
    private double leadTimeMean;

    @Option(names = "--lead-time-sd", defaultValue = "0", paramLabel = "P",
            description = "Standard deviation of the lead time in periods (default: ${DEFAULT-VALUE}).")
    private double leadTimeSd;

    @Option(names = "--review", defaultValue = "1", paramLabel = "P",
            description = "Review period in periods (default: ${DEFAULT-VALUE}).")
    private int review;

    @Option(names = "--allocation", defaultValue = "class", paramLabel = "class|line",
            description = "class: levels reach the target over each ABC class with the least stock; line: every"
                    + " line reaches the target (default: ${DEFAULT-VALUE}).")
    private String allocation;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of the simulated lead times (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
    private Path json;

    @Override
    public Integer call() throws IOException {
        Frequency freq = switch (frequency.toLowerCase(Locale.ROOT)) {
            case "week" -> Frequency.WEEK;
            case "month" -> Frequency.MONTH;
            default -> throw usage("--frequency must be week or month, got " + frequency);
        };
        Allocation alloc = switch (allocation.toLowerCase(Locale.ROOT)) {
            case "class" -> Allocation.CLASS;
            case "line" -> Allocation.LINE;
            default -> throw usage("--allocation must be class or line, got " + allocation);
        };
        int n = holdout != null ? holdout : (freq == Frequency.WEEK ? 52 : 12);
        if (n < 1) {
            throw usage("--holdout must be >= 1, got " + n);
        }
        if (!(fillRate > 0 && fillRate < 1)) {
            throw usage("--fill-rate must be in (0, 1), got " + fillRate);
        }
        if (!(leadTimeMean >= 0) || !(leadTimeSd >= 0) || Double.isInfinite(leadTimeMean + leadTimeSd)) {
            throw usage("--lead-time-mean and --lead-time-sd must be finite and >= 0, got " + leadTimeMean + ", "
                    + leadTimeSd);
        }
        if (review < 1) {
            throw usage("--review must be >= 1, got " + review);
        }
        List<DemandHistory.Series> series;
        try {
            series = DemandHistory.read(history, freq);
        } catch (NoSuchFileException e) {
            throw usage("--history: no such file: " + history);
        } catch (InvalidHistoryException e) {
            throw usage(e.getMessage());
        }
        long started = System.nanoTime();
        Outcome outcome = new PolicyComparison(n, freq.periodsPerYear(), fillRate,
                new LeadTime(leadTimeMean, leadTimeSd), review, alloc, seed).run(series);
        double seconds = (System.nanoTime() - started) / 1e9;

        PrintWriter out = spec.commandLine().getOut();
        out.print(table(outcome, freq, n, alloc));
        out.printf(Locale.ROOT, "%.1f s%n", seconds);
        out.flush();
        if (json != null) {
            Files.writeString(json, json(outcome, freq, n, alloc), StandardCharsets.UTF_8);
        }
        return 0;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private String table(Outcome o, Frequency freq, int n, Allocation alloc) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "series %d (excluded %d: under %d training periods), %s buckets, holdout %d,"
                        + " lead time %.2f (sd %.2f), review %d, target fill rate %.3f, allocation %s%n",
                o.series(), o.excluded(), PolicyComparison.MIN_TRAINING, freq.name().toLowerCase(Locale.ROOT), n,
                leadTimeMean, leadTimeSd, review, fillRate, alloc.name().toLowerCase(Locale.ROOT)));
        b.append(String.format(Locale.ROOT, "%-5s %7s  %-9s %9s %12s %8s  %-9s %9s %12s %8s%n", "class", "series",
                "policy", "fill_rate", "avg_on_hand", "orders", "baseline", "fill_rate", "avg_on_hand", "orders"));
        for (Map.Entry<AbcClass, ClassOutcome> e : o.classes().entrySet()) {
            row(b, e.getKey().name(), e.getValue());
        }
        row(b, "ALL", o.overall());
        return b.toString();
    }

    private static void row(StringBuilder b, String name, ClassOutcome c) {
        b.append(String.format(Locale.ROOT, "%-5s %7d  %-9s %9s %12s %8d  %-9s %9s %12s %8d%n", name, c.series(),
                "sparecast", fmt(c.sparecast().fillRate(), 4), fmt(c.sparecast().averageOnHand(), 3),
                c.sparecast().orders(), "normal", fmt(c.normal().fillRate(), 4), fmt(c.normal().averageOnHand(), 3),
                c.normal().orders()));
    }

    private static String fmt(double v, int digits) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    private String json(Outcome o, Frequency freq, int n, Allocation alloc) {
        StringBuilder b = new StringBuilder();
        b.append("{\"series\": ").append(o.series()).append(", \"excluded\": ").append(o.excluded())
                .append(", \"frequency\": \"").append(freq.name().toLowerCase(Locale.ROOT)).append('"')
                .append(", \"holdout\": ").append(n)
                .append(", \"review\": ").append(review)
                .append(", \"lead_time_mean\": ").append(num(leadTimeMean))
                .append(", \"lead_time_sd\": ").append(num(leadTimeSd))
                .append(", \"target_fill_rate\": ").append(num(fillRate))
                .append(", \"allocation\": \"").append(alloc.name().toLowerCase(Locale.ROOT)).append('"')
                .append(",\n \"classes\": {");
        String sep = "";
        for (Map.Entry<AbcClass, ClassOutcome> e : o.classes().entrySet()) {
            b.append(sep).append("\n  ");
            classJson(b, e.getKey().name(), e.getValue());
            sep = ",";
        }
        b.append(",\n  ");
        classJson(b, "ALL", o.overall());
        b.append("}}\n");
        return b.toString();
    }

    private static void classJson(StringBuilder b, String name, ClassOutcome c) {
        b.append('"').append(name).append("\": {\"series\": ").append(c.series())
                .append(", \"demand\": ").append(num(c.sparecast().demand()))
                .append(", \"sparecast\": ");
        resultJson(b, c.sparecast());
        b.append(", \"normal\": ");
        resultJson(b, c.normal());
        b.append('}');
    }

    private static void resultJson(StringBuilder b, SimulationResult r) {
        b.append("{\"fill_rate\": ").append(num(r.fillRate()))
                .append(", \"average_on_hand\": ").append(num(r.averageOnHand()))
                .append(", \"orders\": ").append(r.orders())
                .append(", \"units_ordered\": ").append(num(r.unitsOrdered())).append('}');
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }
}
