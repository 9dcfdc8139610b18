package com.sparecast.jobs.simulate;

import com.sparecast.jobs.simulate.DemandHistory.Series;
import com.sparecast.models.distribution.DemandDistribution;
import com.sparecast.models.distribution.LeadTime;
import com.sparecast.models.distribution.LeadTimeDemandModel;
import com.sparecast.models.inventory.AbcClass;
import com.sparecast.models.inventory.AbcClassifier;
import com.sparecast.models.inventory.FillRateAllocation;
import com.sparecast.models.distribution.NormalDemand;
import com.sparecast.models.inventory.OrderUpToPolicy;
import com.sparecast.models.inventory.PolicyDecision;
import com.sparecast.models.inventory.PolicyInput;
import com.sparecast.models.inventory.PolicySimulator;
import com.sparecast.models.inventory.PolicySimulator.Levels;
import com.sparecast.models.inventory.ResponseCurve;
import com.sparecast.models.inventory.SimulationResult;
import com.sparecast.models.selection.AutomaticForecaster;
import com.sparecast.models.selection.SeriesForecast;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Fits each series on its training part, sets the policy, and simulates it over the test path,
 * for Sparecast's policy and a normal-approximation baseline.
 *
 * <ul>
 *   <li>Test path: the last {@code holdout} periods of each series (training: the rest), or, with
 *       a ground truth ({@link GroundTruth}), the series' realised future after the history
 *       (training: the whole history up to the file's last period).</li>
 *   <li>Forecast: {@code AutomaticForecaster.withDefaults()}, its default chosen on all series'
 *       training parts ({@code withDefaultChosenOn}), {@code forecast(training, horizon)} with the
 *       nightly plan's horizon (half a year: 26 weeks, 6 months; at least lead time plus three sd
 *       plus review), mean per period and the one-step error variance per period.</li>
 *   <li>Distributions: as the nightly plan, {@code LeadTimeDemandModel.withDefaults().over(forecast,
 *       training, ...)} over lead time plus review ({@code D_{L+R}}) and over the lead time alone
 *       ({@code D_L}): family by dispersion, seeded Willemain bootstrap for lumpy series.</li>
 *   <li>ABC: without unit costs, by training demand over the last year of the training part
 *       (quantity stands in for value), over all series; with unit costs, as the nightly plan: by
 *       forecast annual demand value ({@code mean per period * periods per year * unit cost}) within
 *       each region (one regional warehouse per region). Default 80/95 cut-offs.</li>
 *   <li>Sparecast: {@link FillRateAllocation} per ABC class at the class target (or, with
 *       allocation LINE, {@link OrderUpToPolicy#decide} per line, as the nightly plan).</li>
 *   <li>Normal at target: each line at the class target from a normal with the same mean and
 *       variance ({@link NormalDemand}). Normal matched: the same normal policy with one
 *       line target for the whole class, found by bisection so that the class's simulated fill
 *       rate equals Sparecast's; its average on hand is interpolated linearly between the two
 *       bracketing targets to exactly Sparecast's fill rate.</li>
 *   <li>Simulation: {@link PolicySimulator}, starting with the order-up-to level on hand at the
 *       start of a warm-up cut from the end of the training part (lead time plus two sd plus
 *       review, at most the training part), measured over the test path; lead times drawn per
 *       order from the series' lead time mean and sd, seeded by the series key.</li>
 * </ul>
 * Series with fewer than {@link #MIN_TRAINING} training periods, or (with a ground truth) absent
 * from either file, are excluded.
 */
final class PolicyComparison {

    /** Shortest training part simulated. */
    static final int MIN_TRAINING = 4;

    private static final int BISECTION_STEPS = 16;

    /** Whether lines share a class target (class-wide allocation) or each meets it. */
    enum Allocation { CLASS, LINE }

    /** The result per class, and overall under {@code null}. */
    record Outcome(int series, int excluded, Map<AbcClass, ClassOutcome> classes, ClassOutcome overall,
                   double fitSeconds, double simulateSeconds) {
    }

    /**
     * One class's series count, target and the policies' simulated results.
     *
     * @param matchedTarget the normal policy's line target that matches Sparecast's fill rate (NaN overall)
     * @param matchedOnHand the normal policy's average on hand at exactly Sparecast's fill rate
     */
    record ClassOutcome(int series, double target, SimulationResult sparecast, SimulationResult normal,
                        SimulationResult matched, double matchedTarget, double matchedOnHand) {

        static final ClassOutcome EMPTY = new ClassOutcome(0, Double.NaN, SimulationResult.EMPTY,
                SimulationResult.EMPTY, SimulationResult.EMPTY, Double.NaN, Double.NaN);

        ClassOutcome plus(ClassOutcome o) {
            return new ClassOutcome(series + o.series, Double.NaN, sparecast.plus(o.sparecast), normal.plus(o.normal),
                    matched.plus(o.matched), Double.NaN, Double.NaN);
        }
    }

    /** Where the lead times, targets, unit costs and test paths come from. */
    record Setup(Map<AbcClass, Double> targets, Function<String, LeadTime> leadTimeOfRegion,
                 Map<String, Double> unitCost, GroundTruth groundTruth) {
    }

    private record Fitted(Series series, double[] training, double[] test, LeadTime leadTime, PolicyInput sparecast,
                          DemandDistribution normalProtection, DemandDistribution normalLead, double meanPerPeriod,
                          double annualValue) {

        PolicyInput normal(double target) {
            return new PolicyInput(normalProtection, sparecast.reviewPeriodDemand(), target, 0, 0, 0, 0, 1, 0)
                    .withLeadTimeDemand(normalLead);
        }
    }

    private final int holdout;
    private final int periodsPerYear;
    private final int review;
    private final Allocation allocation;
    private final long seed;
    private final Setup setup;

    /** One target and one lead time for every series; the last {@code holdout} periods are simulated. */
    PolicyComparison(int holdout, int periodsPerYear, double targetFillRate, LeadTime leadTime, int review,
                     Allocation allocation, long seed) {
        this(holdout, periodsPerYear, review, allocation, seed, new Setup(sameTarget(targetFillRate),
                region -> leadTime, null, null));
    }

    PolicyComparison(int holdout, int periodsPerYear, int review, Allocation allocation, long seed, Setup setup) {
        this.holdout = holdout;
        this.periodsPerYear = periodsPerYear;
        this.review = review;
        this.allocation = allocation;
        this.seed = seed;
        this.setup = setup;
    }

    static Map<AbcClass, Double> sameTarget(double target) {
        Map<AbcClass, Double> out = new EnumMap<>(AbcClass.class);
        for (AbcClass c : AbcClass.values()) {
            out.put(c, target);
        }
        return out;
    }

    Outcome run(List<Series> all) {
        long t0 = System.nanoTime();
        GroundTruth truth = setup.groundTruth();
        int total = all.size();
        List<Series> usable;
        if (truth == null) {
            usable = all.stream().filter(s -> s.demand().length - holdout >= MIN_TRAINING).toList();
        } else {
            // Pad every series with zeros to the history's last period; keep those with a future path.
            long end = all.stream().mapToLong(s -> s.first().toEpochDay() + 7L * (s.demand().length - 1)).max()
                    .orElse(0);
            List<Series> padded = new ArrayList<>();
            for (Series s : all) {
                int n = (int) ((end - s.first().toEpochDay()) / 7) + 1;
                if (n >= MIN_TRAINING && truth.realised().containsKey(s.key())) {
                    padded.add(new Series(s.partNo(), s.region(), s.first(), Arrays.copyOf(s.demand(), n)));
                }
            }
            usable = padded;
            java.util.Set<String> keys = new java.util.HashSet<>();
            all.forEach(s -> keys.add(s.key()));
            total += (int) truth.realised().keySet().stream().filter(k -> !keys.contains(k)).count();
        }
        // The default of the automatic choice is chosen on these series' training parts, as the
        // nightly job chooses it on its series.
        AutomaticForecaster auto = AutomaticForecaster.withDefaults()
                .withDefaultChosenOn(usable.stream().map(this::training).toList(), periodsPerYear / 2);
        List<Fitted> fitted = usable.parallelStream().map(s -> fit(s, auto)).toList();
        int excluded = total - fitted.size();
        Map<String, AbcClass> abc = classify(fitted);
        double fitSeconds = (System.nanoTime() - t0) / 1e9;

        long t1 = System.nanoTime();
        Map<AbcClass, ClassOutcome> classes = new EnumMap<>(AbcClass.class);
        ClassOutcome overall = ClassOutcome.EMPTY;
        for (AbcClass c : AbcClass.values()) {
            double target = setup.targets().get(c);
            List<Fitted> members = fitted.stream().filter(f -> abc.get(f.series().key()) == c)
                    .map(f -> withTarget(f, target)).toList();
            List<PolicyDecision> ours = decide(members, target);
            SimulationResult a = sum(IntStream.range(0, members.size()).parallel()
                    .mapToObj(i -> simulate(members.get(i), Levels.of(ours.get(i), members.get(i).sparecast())))
                    .toList());
            SimulationResult b = simulateNormal(members, target);
            ClassOutcome outcome = matched(members, target, a, b);
            classes.put(c, outcome);
            overall = overall.plus(outcome);
        }
        return new Outcome(total, excluded, classes, overall, fitSeconds, (System.nanoTime() - t1) / 1e9);
    }

    private static Fitted withTarget(Fitted f, double target) {
        PolicyInput p = f.sparecast();
        PolicyInput q = new PolicyInput(p.protectionDemand(), p.reviewPeriodDemand(), target, 0, 0, 0, 0, 1, 0)
                .withLeadTimeDemand(p.leadTimeDemand());
        return new Fitted(f.series(), f.training(), f.test(), f.leadTime(), q, f.normalProtection(), f.normalLead(),
                f.meanPerPeriod(), f.annualValue());
    }

    private Map<String, AbcClass> classify(List<Fitted> fitted) {
        Map<String, AbcClass> abc = new HashMap<>();
        if (setup.unitCost() == null) {
            Map<String, Double> annual = new LinkedHashMap<>();
            fitted.forEach(f -> annual.put(f.series().key(), f.annualValue()));
            abc.putAll(AbcClassifier.withDefaults().classify(annual));
            return abc;
        }
        Map<String, Map<String, Double>> byRegion = new TreeMap<>();
        for (Fitted f : fitted) {
            byRegion.computeIfAbsent(f.series().region(), r -> new TreeMap<>()).put(f.series().key(), f.annualValue());
        }
        byRegion.values().forEach(values -> abc.putAll(AbcClassifier.withDefaults().classify(values)));
        return abc;
    }

    /** What the forecast is fitted on: the history before the holdout, or all of it against a ground truth. */
    private double[] training(Series s) {
        double[] demand = s.demand();
        return setup.groundTruth() == null ? Arrays.copyOfRange(demand, 0, demand.length - holdout) : demand;
    }

    private Fitted fit(Series s, AutomaticForecaster auto) {
        double[] demand = s.demand();
        double[] training = training(s);
        double[] test = setup.groundTruth() == null
                ? Arrays.copyOfRange(demand, training.length, demand.length)
                : setup.groundTruth().realised().get(s.key());
        LeadTime leadTime = setup.leadTimeOfRegion().apply(s.region());
        // The nightly plan's horizon (26 weeks), at least lead time plus review.
        int horizon = Math.max(periodsPerYear / 2, (int) Math.ceil(leadTime.mean() + 3 * leadTime.sd()) + review);
        SeriesForecast f = auto.forecast(training, Math.max(1, horizon));
        double mean = f.meanPerPeriod();
        LeadTimeDemandModel model = LeadTimeDemandModel.withDefaults();
        long bootstrapSeed = seed * 1_000_003L + s.key().hashCode();
        DemandDistribution protection = model.over(f, training, leadTime, review, bootstrapSeed).distribution();
        DemandDistribution lead = model.over(f, training, leadTime, 0, bootstrapSeed).distribution();
        // A placeholder target: the class, and so the target, is known only after all series are
        // fitted (withTarget).
        double target = setup.targets().get(AbcClass.A);
        PolicyInput ours = new PolicyInput(protection, mean * review, target, 0, 0, 0, 0, 1, 0)
                .withLeadTimeDemand(lead);
        double value;
        if (setup.unitCost() == null) {
            value = 0;
            for (int t = Math.max(0, training.length - periodsPerYear); t < training.length; t++) {
                value += training[t];
            }
        } else {
            value = mean * periodsPerYear * setup.unitCost().getOrDefault(s.partNo(), 0.0);
        }
        return new Fitted(s, training, test, leadTime, ours, NormalDemand.matching(protection),
                NormalDemand.matching(lead), mean, value);
    }

    private List<PolicyDecision> decide(List<Fitted> members, double target) {
        if (allocation == Allocation.LINE) {
            return members.stream().map(f -> OrderUpToPolicy.withDefaults().decide(f.sparecast())).toList();
        }
        FillRateAllocation alloc = FillRateAllocation.withDefaults();
        List<ResponseCurve> curves = members.parallelStream().map(f -> alloc.curve(f.sparecast())).toList();
        double lambda = alloc.multiplier(curves, target);
        List<PolicyDecision> out = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            out.add(alloc.decide(members.get(i).sparecast(), curves.get(i), lambda));
        }
        return out;
    }

    private SimulationResult simulateNormal(List<Fitted> members, double lineTarget) {
        return sum(members.parallelStream().map(f -> {
            PolicyInput in = f.normal(lineTarget);
            return simulate(f, Levels.of(OrderUpToPolicy.withDefaults().decide(in), in));
        }).toList());
    }

    /** The normal policy at the line target whose class fill rate is Sparecast's (bisection). */
    private ClassOutcome matched(List<Fitted> members, double target, SimulationResult ours, SimulationResult normal) {
        double goal = ours.fillRate();
        if (Double.isNaN(goal)) {
            return new ClassOutcome(members.size(), target, ours, normal, normal, Double.NaN, Double.NaN);
        }
        double lo = 0.5;
        double hi = 0.9999;
        SimulationResult atLo = simulateNormal(members, lo);
        SimulationResult atHi = simulateNormal(members, hi);
        if (atLo.fillRate() >= goal) {
            return new ClassOutcome(members.size(), target, ours, normal, atLo, lo, atLo.averageOnHand());
        }
        if (atHi.fillRate() < goal) {
            return new ClassOutcome(members.size(), target, ours, normal, atHi, hi, Double.NaN);
        }
        for (int k = 0; k < BISECTION_STEPS; k++) {
            double mid = (lo + hi) / 2;
            SimulationResult r = simulateNormal(members, mid);
            if (r.fillRate() >= goal) {
                hi = mid;
                atHi = r;
            } else {
                lo = mid;
                atLo = r;
            }
        }
        double span = atHi.fillRate() - atLo.fillRate();
        double w = span > 0 ? (goal - atLo.fillRate()) / span : 1;
        double onHand = atLo.averageOnHand() + w * (atHi.averageOnHand() - atLo.averageOnHand());
        return new ClassOutcome(members.size(), target, ours, normal, atHi, hi, onHand);
    }

    private SimulationResult simulate(Fitted f, Levels levels) {
        LeadTime leadTime = f.leadTime();
        int warmUp = Math.min(f.training().length, (int) Math.ceil(leadTime.mean() + 2 * leadTime.sd()) + review);
        double[] path = new double[warmUp + f.test().length];
        System.arraycopy(f.training(), f.training().length - warmUp, path, 0, warmUp);
        System.arraycopy(f.test(), 0, path, warmUp, f.test().length);
        int[] leadTimes = PolicySimulator.sampleLeadTimes(path.length, leadTime.mean(), leadTime.sd(),
                seed ^ f.series().key().hashCode());
        return PolicySimulator.withReview(review).simulate(path, levels, leadTimes, warmUp,
                Math.max(0, levels.orderUpTo()));
    }

    private static SimulationResult sum(List<SimulationResult> results) {
        SimulationResult total = SimulationResult.EMPTY;
        for (SimulationResult r : results) {
            total = total.plus(r);
        }
        return total;
    }
}
