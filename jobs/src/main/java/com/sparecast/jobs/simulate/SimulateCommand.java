package com.sparecast.jobs.simulate;

import com.sparecast.jobs.input.DemandHistory;
import com.sparecast.jobs.input.Frequency;
import com.sparecast.jobs.input.GroundTruth;
import com.sparecast.jobs.input.InputFileException;
import com.sparecast.jobs.input.MasterData;
import com.sparecast.jobs.input.MasterDataException;
import com.sparecast.jobs.input.Reject;
import com.sparecast.jobs.storage.LocalStorage;
import com.sparecast.jobs.simulate.PolicyComparison.Allocation;
import com.sparecast.jobs.simulate.PolicyComparison.ClassOutcome;
import com.sparecast.jobs.simulate.PolicyComparison.Outcome;
import com.sparecast.models.distribution.LeadTime;
import com.sparecast.models.inventory.AbcClass;
import com.sparecast.models.inventory.PlanLine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sparecast simulate}: runs the stock policy week by week (or month by month) over the
 * holdout of a demand history and reports the achieved fill rate, average on hand and number
 * of orders per ABC class and overall, beside a normal-approximation policy at the same target,
 * then the trade-off curve of fill rate against stock ({@link TradeOff}; docs/trade-off.md).
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

    @Option(names = "--replan", defaultValue = "1", paramLabel = "P",
            description = {"Plan again every P periods of the simulated path, from the demand seen so far, as the"
                    + " nightly plan does every night (default: ${DEFAULT-VALUE}: every period); 0 keeps the levels"
                    + " set at the start for the whole path."})
    private int replanEvery;

    @Option(names = "--stock-cap", defaultValue = "" + PlanLine.DEFAULT_STOCK_CAP_PERIODS, paramLabel = "P|none",
            description = {"Stock cap: no line's order-up-to level above P periods of its mean demand, as the nightly"
                    + " plan's sparecast.plan.stock-cap-periods; a class or line held below its target by the cap is"
                    + " marked TARGET_UNREACHABLE with the fill rate it reaches; none: no cap"
                    + " (default: ${DEFAULT-VALUE})."})
    private String stockCap;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of the simulated lead times (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
    private Path json;

    @Option(names = "--ground-truth", paramLabel = "FILE",
            description = {"Simulate over the generator's realised future demand (ground_truth/future_demand.csv:"
                    + " part_no, region, period, realised; weekly) instead of a holdout: every series is fitted on its"
                    + " whole history (padded with zero weeks to the file's last week) and simulated over its"
                    + " realised path. Needs --frequency week; --holdout does not apply."})
    private Path groundTruth;

    @Option(names = "--master", paramLabel = "DIR",
            description = {"Master data folder (the files of an input's master/), read and checked as the nightly"
                    + " job reads it: service_levels.csv gives the target of each ABC class (instead of --fill-rate);"
                    + " the lead time of each region's regional warehouse is that of its supply lane from a central"
                    + " warehouse (transit plus customs, in periods; regions without one use --lead-time-mean and"
                    + " --lead-time-sd); parts.csv gives the unit costs for ABC by annual demand value within each"
                    + " region. Rows that fail a check are left out and named on stderr."})
    private Path master;

    @Option(names = "--trade-off-targets", defaultValue = "0.70,0.80,0.85,0.90,0.95,0.98", paramLabel = "LIST",
            description = {"Targets of the trade-off curve, comma-separated, each in (0, 1): at each, the achieved fill"
                    + " rate and average on hand over all series of Sparecast (every class at the target), of the"
                    + " normal policy tuned to reach it and of an empirical bootstrap policy; none: no curve"
                    + " (default: ${DEFAULT-VALUE})."})
    private String tradeOffTargets;

    @Option(names = "--trade-off-svg", paramLabel = "FILE",
            description = "Also draw the trade-off curve as an SVG chart in FILE (fill rate on x, average on hand on y).")
    private Path tradeOffSvg;

    @Override
    public Integer call() throws IOException {
        Frequency freq;
        try {
            freq = Frequency.parse(frequency);
        } catch (IllegalArgumentException e) {
            throw usage("--frequency: " + e.getMessage());
        }
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
        if (replanEvery < 0) {
            throw usage("--replan must be >= 0, got " + replanEvery);
        }
        double[] curveTargets = parseTargets(tradeOffTargets);
        double cap = parseStockCap(stockCap);
        if (tradeOffSvg != null && curveTargets.length == 0) {
            throw usage("--trade-off-svg needs a trade-off curve (--trade-off-targets is none)");
        }
        if (groundTruth != null && freq != Frequency.WEEK) {
            throw usage("--ground-truth needs --frequency week (the generator's future is weekly)");
        }
        DemandHistory demand;
        GroundTruth truth = null;
        MasterData masterData = null;
        try {
            demand = DemandHistory.read(history, freq);
            if (groundTruth != null) {
                truth = GroundTruth.read(groundTruth);
            }
            if (master != null) {
                if (!Files.isDirectory(master)) {
                    throw usage("--master: no such folder: " + master);
                }
                masterData = MasterData.load(new LocalStorage(master), "");
            }
        } catch (NoSuchFileException e) {
            throw usage("no such file: " + e.getFile());
        } catch (InputFileException e) {
            throw usage(e.getMessage());
        } catch (MasterDataException | com.sparecast.jobs.storage.UnsafeInputException e) {
            throw usage("--master: " + e.getMessage());
        }
        LeadTime fixed = new LeadTime(leadTimeMean, leadTimeSd);
        Map<AbcClass, Double> targets = PolicyComparison.sameTarget(fillRate);
        Function<String, LeadTime> leadTimes = region -> fixed;
        Map<String, Double> unitCost = null;
        if (masterData != null) {
            warnRejects(masterData);
            for (AbcClass c : AbcClass.values()) {
                Double t = masterData.serviceLevels().get(c.name());
                if (t != null) {
                    targets.put(c, t);
                }
            }
            double daysPerPeriod = freq == Frequency.WEEK ? 7 : 365.25 / 12;
            Map<String, LeadTime> byRegion = new TreeMap<>();
            MasterData m = masterData;
            m.regionalWarehouseByRegion().forEach((region, warehouse) -> {
                MasterData.Lane lane = m.supplyLaneTo(warehouse.warehouseId());
                if (lane != null) {
                    byRegion.put(region, LeadTime.ofLane(lane.transitDaysMean(), lane.transitDaysSd(),
                            lane.customsDaysMean(), lane.customsDaysSd(), daysPerPeriod));
                }
            });
            leadTimes = region -> byRegion.getOrDefault(region, fixed);
            unitCost = new TreeMap<>();
            for (MasterData.Part p : masterData.parts().values()) {
                unitCost.put(p.partNo(), p.unitCost());
            }
        }
        long started = System.nanoTime();
        Outcome outcome = new PolicyComparison(n, freq.periodsPerYear(), review, alloc, seed,
                new PolicyComparison.Setup(targets, leadTimes, unitCost, truth, replanEvery,
                        PlanLine.withDefaults().withStockCap(cap)))
                .withTradeOff(curveTargets).run(demand.series());
        double seconds = (System.nanoTime() - started) / 1e9;

        PrintWriter out = spec.commandLine().getOut();
        out.print(table(outcome, freq, n, alloc, truth, masterData != null ? targets : null));
        out.print(calibrationTable(outcome));
        out.print(decileTable(outcome.deciles()));
        out.print(tradeOffTable(outcome.tradeOff()));
        int simulated = outcome.series() - outcome.excluded();
        out.printf(Locale.ROOT, "%.1f s (fit %.1f s, simulate %.1f s, trade-off %.1f s): %.0f series/s on %d cores%n",
                seconds, outcome.fitSeconds(), outcome.simulateSeconds(), outcome.tradeOff().seconds(),
                seconds > 0 ? simulated / seconds : 0, Runtime.getRuntime().availableProcessors());
        out.flush();
        if (json != null) {
            Files.writeString(json, json(outcome, freq, n, alloc), StandardCharsets.UTF_8);
        }
        if (tradeOffSvg != null) {
            String title = String.format(Locale.ROOT, "%s: %d series, %s, %s", history.getFileName(), simulated,
                    truth == null ? "holdout " + n : "ground truth", lead(freq));
            Files.writeString(tradeOffSvg, TradeOffChart.svg(outcome.tradeOff(), title), StandardCharsets.UTF_8);
        }
        return 0;
    }

    /** The cover of {@code --stock-cap}: none ({@code +Infinity}), or a number of periods &gt; 0. */
    private double parseStockCap(String value) {
        if (value.trim().equalsIgnoreCase("none")) {
            return Double.POSITIVE_INFINITY;
        }
        double v;
        try {
            v = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw usage("--stock-cap: not a number or none: " + value.trim());
        }
        if (!(v > 0) || Double.isInfinite(v)) {
            throw usage("--stock-cap must be > 0 periods or none, got " + value.trim());
        }
        return v;
    }

    /** The targets of {@code --trade-off-targets}: none, or a comma-separated list in (0, 1). */
    private double[] parseTargets(String list) {
        if (list.isBlank() || list.trim().equalsIgnoreCase("none")) {
            return new double[0];
        }
        String[] parts = list.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw usage("--trade-off-targets: not a number: " + parts[i].trim());
            }
            if (!(out[i] > 0 && out[i] < 1)) {
                throw usage("--trade-off-targets must each be in (0, 1), got " + parts[i].trim());
            }
        }
        return out;
    }

    private String lead(Frequency freq) {
        return master == null ? String.format(Locale.ROOT, "lead time %.2f (sd %.2f) %ss", leadTimeMean, leadTimeSd,
                freq.name().toLowerCase(Locale.ROOT)) : "lead time per region from lanes";
    }

    /** Master rows that fail a check are left out, as the nightly job leaves them out; each is named on stderr. */
    private void warnRejects(MasterData masterData) {
        PrintWriter err = spec.commandLine().getErr();
        for (Reject r : masterData.rejects()) {
            err.printf(Locale.ROOT, "--master: %s line %d left out: %s%n", r.file(), r.line(), r.message());
        }
        err.flush();
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private String table(Outcome o, Frequency freq, int n, Allocation alloc, GroundTruth truth,
                         Map<AbcClass, Double> targets) {
        StringBuilder b = new StringBuilder();
        String test = truth == null ? "holdout " + n
                : "ground truth " + truth.weeks() + " weeks from " + truth.start();
        String excluded = truth == null ? "under " + PolicyComparison.MIN_TRAINING + " training periods"
                : "without history or ground truth";
        String lead = master == null ? String.format(Locale.ROOT, "lead time %.2f (sd %.2f)", leadTimeMean, leadTimeSd)
                : "lead time per region from lanes";
        String target = targets == null ? String.format(Locale.ROOT, "target fill rate %.3f", fillRate)
                : String.format(Locale.ROOT, "targets A %.3f, B %.3f, C %.3f", targets.get(AbcClass.A),
                        targets.get(AbcClass.B), targets.get(AbcClass.C));
        String replan = replanEvery == 0 ? "levels fixed" : "replanned every " + replanEvery;
        b.append(String.format(Locale.ROOT, "series %d (excluded %d: %s), %s buckets, %s, %s, review %d, %s, %s,"
                        + " allocation %s, stock cap %s%n",
                o.series(), o.excluded(), excluded, freq.name().toLowerCase(Locale.ROOT), test, lead, review, replan,
                target, alloc.name().toLowerCase(Locale.ROOT), stockCap.trim().equalsIgnoreCase("none") ? "none"
                        : fmt(parseStockCap(stockCap), 1) + " periods of mean demand"));
        b.append(String.format(Locale.ROOT, "%-5s %7s %6s  %-9s %9s %9s %12s %8s  %-9s %9s %12s %8s  %-14s %9s %12s %12s%n",
                "class", "series", "target", "policy", "fill_rate", "expected", "avg_on_hand", "orders", "baseline", "fill_rate",
                "avg_on_hand", "orders", "normal matched", "target", "fill_rate", "on_hand@fill"));
        for (Map.Entry<AbcClass, ClassOutcome> e : o.classes().entrySet()) {
            row(b, e.getKey().name(), e.getValue());
        }
        row(b, "ALL", o.overall());
        return b.toString();
    }

    private static void row(StringBuilder b, String name, ClassOutcome c) {
        b.append(String.format(Locale.ROOT, "%-5s %7d %6s  %-9s %9s %9s %12s %8d  %-9s %9s %12s %8d  %-14s %9s %12s %12s%s%n",
                name, c.series(), fmt(c.target(), 3),
                "sparecast", fmt(c.sparecast().fillRate(), 4), fmt(c.expected().fillRate(), 4),
                fmt(c.sparecast().averageOnHand(), 3),
                c.sparecast().orders(), "normal", fmt(c.normal().fillRate(), 4), fmt(c.normal().averageOnHand(), 3),
                c.normal().orders(), "normal", fmt(c.matchedTarget(), 4), fmt(c.matched().fillRate(), 4),
                fmt(c.matchedOnHand(), 3), heldBack(c)));
    }

    /**
     * The class's mark when the stock cap holds its plans below the target: TARGET_UNREACHABLE, the fill
     * rate the plans expect instead, and how many plans the cap held back; empty otherwise.
     */
    private static String heldBack(ClassOutcome c) {
        PolicyComparison.ExpectedFill e = c.expected();
        if (e.heldBack() == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "  %s%s: %d of %d plans held back by the stock cap",
                c.targetUnreachable() ? "TARGET_UNREACHABLE, reaches " : "lines at the cap",
                c.targetUnreachable() ? fmt(e.fillRate(), 4) : "", e.heldBack(), e.plans());
    }

    private static String fmt(double v, int digits) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    private String json(Outcome o, Frequency freq, int n, Allocation alloc) {
        return SimulationJson.write(o, new SimulationJson.Settings(freq.name().toLowerCase(Locale.ROOT),
                groundTruth != null ? null : n, review, replanEvery, master != null ? null : leadTimeMean,
                master != null ? null : leadTimeSd, master != null ? null : fillRate,
                alloc.name().toLowerCase(Locale.ROOT), groundTruth != null, master != null,
                Double.isInfinite(parseStockCap(stockCap)) ? null : parseStockCap(stockCap)));
    }

    /**
     * The trade-off curve, then whether Sparecast holds no more stock than each baseline's curve
     * read at Sparecast's fill rate (n/a where that fill rate is outside the baseline's range).
     */
    static String tradeOffTable(TradeOff t) {
        if (t.points().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        b.append("trade-off over all series: achieved fill rate and average on hand per target (sparecast: every class"
                + " at the target; normal: one line target for all series, tuned to reach the target; bootstrap:"
                + " order up to the target quantile of demand resampled from the history); on_hand@fill: the"
                + " baseline's curve read at Sparecast's fill rate\n");
        b.append(String.format(Locale.ROOT, "%6s  %9s %11s  %9s %11s %11s  %9s %11s  %12s %-6s  %12s %-6s%n",
                "target", "sparecast", "avg_on_hand", "normal", "avg_on_hand", "line_target", "bootstrap",
                "avg_on_hand", "normal@fill", "<=", "bootstr@fill", "<="));
        int[] yes = new int[2];
        int[] judged = new int[2];
        for (TradeOff.Point p : t.points()) {
            double normal = t.normalOnHandAt(p);
            double bootstrap = t.bootstrapOnHandAt(p);
            Boolean belowNormal = TradeOff.atOrBelow(p, normal);
            Boolean belowBootstrap = TradeOff.atOrBelow(p, bootstrap);
            tally(belowNormal, yes, judged, 0);
            tally(belowBootstrap, yes, judged, 1);
            b.append(String.format(Locale.ROOT, "%6s  %9s %11s  %9s %11s %11s  %9s %11s  %12s %-6s  %12s %-6s%n",
                    fmt(p.target(), 2), fmt(p.sparecast().fillRate(), 4), fmt(p.sparecast().averageOnHand(), 3),
                    fmt(p.normal().fillRate(), 4), fmt(p.normal().averageOnHand(), 3), fmt(p.normalLineTarget(), 4),
                    fmt(p.bootstrap().fillRate(), 4), fmt(p.bootstrap().averageOnHand(), 3), fmt(normal, 3),
                    verdict(belowNormal), fmt(bootstrap, 3), verdict(belowBootstrap)));
        }
        b.append(String.format(Locale.ROOT, "Sparecast at or below the normal curve at %d of %d points with a verdict,"
                + " below the bootstrap curve at %d of %d (%d points)%n", yes[0], judged[0], yes[1], judged[1],
                t.points().size()));
        return b.toString();
    }

    private static void tally(Boolean verdict, int[] yes, int[] judged, int k) {
        if (verdict != null) {
            judged[k]++;
            yes[k] += verdict ? 1 : 0;
        }
    }

    private static String verdict(Boolean v) {
        return v == null ? "n/a" : v ? "yes" : "no";
    }

    /** Expected against achieved fill rate per decile of lines ranked by expected fill rate ({@link ExpectedFillDeciles}). */
    static String decileTable(ExpectedFillDeciles d) {
        StringBuilder b = new StringBuilder();
        b.append("expected against achieved fill rate per decile of Sparecast's lines ranked by the fill rate their"
                + " plans expect (1: lowest)\n");
        b.append(String.format(Locale.ROOT, "%6s %7s %9s %9s %8s%n", "decile", "lines", "expected", "achieved",
                "gap"));
        for (ExpectedFillDeciles.Decile r : d.deciles()) {
            b.append(String.format(Locale.ROOT, "%6d %7d %9s %9s %8s%n", r.decile(), r.lines(),
                    fmt(r.expectedFillRate(), 4), fmt(r.achievedFillRate(), 4),
                    fmt(r.achievedFillRate() - r.expectedFillRate(), 4)));
        }
        ExpectedFillDeciles.Unplanned u = d.unplanned();
        b.append(String.format(Locale.ROOT, "%6s %7d %9s %9s %8s  (lines whose plans expect no demand;"
                        + " realised demand %s)%n", "none", u.lines(), "n/a", fmt(u.achieved().fillRate(), 4), "n/a",
                fmt(u.achieved().demand(), 0)));
        return b.toString();
    }

    private static String calibrationTable(Outcome o) {
        StringBuilder b = new StringBuilder();
        b.append("lead-time demand calibration: share of Sparecast's plans whose realised demand over lead time plus"
                + " review falls at or below the plan's 50/80/95% lead-time-demand quantile (randomised PIT)\n");
        b.append(String.format(Locale.ROOT, "%-5s %-13s %8s %7s %7s %7s%n", "class", "demand_class", "plans", "p50",
                "p80", "p95"));
        for (CalibrationRow r : CalibrationRow.rows(o)) {
            b.append(String.format(Locale.ROOT, "%-5s %-13s %8d %7s %7s %7s%n", r.abcClass(), r.demandClass(),
                    r.tally().plans(), fmt(r.tally().share50(), 3), fmt(r.tally().share80(), 3),
                    fmt(r.tally().share95(), 3)));
        }
        return b.toString();
    }
}
