package com.sparecast.jobs.simulate;

import com.sparecast.jobs.input.DemandHistory.SeriesData;
import com.sparecast.jobs.input.GroundTruth;
import com.sparecast.models.distribution.DemandDistribution;
import com.sparecast.models.distribution.LeadTime;
import com.sparecast.models.inventory.AbcClass;
import com.sparecast.models.inventory.AbcClassifier;
import com.sparecast.models.inventory.BootstrapOrderUpToPolicy;
import com.sparecast.models.distribution.NormalDemand;
import com.sparecast.models.inventory.LeadTimeDemandCalibration;
import com.sparecast.models.inventory.PlanLine;
import com.sparecast.models.inventory.OrderUpToPolicy;
import com.sparecast.models.inventory.PolicyDecision;
import com.sparecast.models.inventory.PolicyInput;
import com.sparecast.models.inventory.PolicySimulator;
import com.sparecast.models.inventory.PolicySimulator.Levels;
import com.sparecast.models.inventory.SimulationResult;
import com.sparecast.models.selection.AutomaticForecaster;
import com.sparecast.models.selection.SeriesForecast;
import com.sparecast.models.series.DemandClass;
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
 *       training parts ({@code withDefaultChosenOn}), {@code forecast(history, horizon)} with the
 *       nightly plan's horizon (half a year: 26 weeks, 6 months; at least lead time plus three sd
 *       plus review).</li>
 *   <li>Plan line: the nightly plan's own code, {@link PlanLine#plan} (no stock, pack size 1, no
 *       MOQ or EOQ: only the levels are simulated): lead-time demand over lead time plus review
 *       ({@code D_{L+R}}) and over the lead time alone ({@code D_L}), each computed once: the
 *       forecast's mean and error variance over the span, family by level and dispersion, seeded
 *       Willemain bootstrap for lumpy series.</li>
 *   <li>Planning again: as the nightly plan is made every night from the demand seen so far, the
 *       policy is planned again every {@code replanEvery} periods of the test path (default 1),
 *       each time from the training part plus the test periods already seen, and each plan decides
 *       the reviews until the next; {@code replanEvery = 0} keeps the first plan's levels
 *       throughout. Classes are set once, from the first plan.</li>
 *   <li>ABC: without unit costs, by training demand over the last year of the training part
 *       (quantity stands in for value), over all series; with unit costs, as the nightly plan: by
 *       forecast annual demand value ({@code mean per period * periods per year * unit cost}) within
 *       each region (one regional warehouse per region). Default 80/95 cut-offs.</li>
 *   <li>Sparecast: {@link PlanLine#decideClass}, the class-wide allocation per ABC class at the
 *       class target, as the nightly plan allocates by default (or, with allocation LINE,
 *       {@link PlanLine#decide(PlanLine.Planned)} per line, as its
 *       {@code sparecast.plan.allocation=line}), with the run's stock cap ({@link Setup#planLine},
 *       {@link PlanLine#withStockCap}; plans it holds below target are counted in
 *       {@link ExpectedFill}). Unlike the nightly plan, whose classes are per warehouse, a class
 *       here spans all regions.</li>
 *   <li>Normal at target: each line at the class target from a normal with the same mean and
 *       variance ({@link NormalDemand}). Normal matched: the same normal policy with one
 *       line target for the whole class, found by bisection so that the class's simulated fill
 *       rate equals Sparecast's; its average on hand is interpolated linearly between the two
 *       bracketing targets to exactly Sparecast's fill rate.</li>
 *   <li>Simulation: {@link PolicySimulator}, starting with the first plan's order-up-to level on
 *       hand at the start of a warm-up cut from the end of the training part (lead time plus two
 *       sd plus review, at most the training part; the first plan decides its reviews), measured
 *       over the test path; lead times drawn per order from the series' lead time mean and sd,
 *       seeded by the series key. Both normal policies are planned again like Sparecast's, from
 *       the same forecasts.</li>
 *   <li>Trade-off curve ({@link #withTradeOff}, {@link TradeOff}): at each of its targets, over
 *       all series, Sparecast's levels with every ABC class at the target (decided from the same
 *       plans, so the distributions are computed once); the normal policy with one line target for
 *       all series, found by the same bisection as normal matched so that the fill rate reaches
 *       the target; and the empirical bootstrap policy ({@link BootstrapOrderUpToPolicy}) at the
 *       target, resampled from the history each plan is made from, planned again like the others.</li>
 * </ul>
 * Series with fewer than {@link #MIN_TRAINING} training periods, or (with a ground truth) absent
 * from either file, are excluded.
 */
final class PolicyComparison {

    /** Shortest training part simulated. */
    static final int MIN_TRAINING = 4;

    private static final int BISECTION_STEPS = 16;


    /** The empirical baseline of the trade-off curve. */
    private static final BootstrapOrderUpToPolicy BOOTSTRAP = BootstrapOrderUpToPolicy.withDefaults();

    /** Whether lines share a class target (class-wide allocation) or each meets it. */
    enum Allocation { CLASS, LINE }

    /**
     * The result per class, and overall under {@code null}.
     *
     * @param calibration per ABC class and demand class (of the plan's forecast), the
     *     calibration of the plans' lead-time demand ({@link #calibration})
     * @param tradeOff the trade-off curve ({@link TradeOff#NONE} without {@link #withTradeOff})
     * @param deciles expected against achieved fill rate per decile of lines ranked by expected fill rate
     */
    record Outcome(int series, int excluded, Map<AbcClass, ClassOutcome> classes, ClassOutcome overall,
                   double fitSeconds, double simulateSeconds,
                   Map<AbcClass, Map<DemandClass, LeadTimeDemandCalibration>> calibration, TradeOff tradeOff,
                   ExpectedFillDeciles deciles) {
    }

    /**
     * One class's series count, target and the policies' simulated results.
     *
     * @param matchedTarget the normal policy's line target that matches Sparecast's fill rate (NaN overall)
     * @param matchedOnHand the normal policy's average on hand at exactly Sparecast's fill rate
     */
    record ClassOutcome(int series, double target, SimulationResult sparecast, SimulationResult normal,
                        SimulationResult matched, double matchedTarget, double matchedOnHand, ExpectedFill expected) {

        static final ClassOutcome EMPTY = new ClassOutcome(0, Double.NaN, SimulationResult.EMPTY,
                SimulationResult.EMPTY, SimulationResult.EMPTY, Double.NaN, Double.NaN);

        /** Without the plans' expected fill rate (set by {@link #withExpected}). */
        ClassOutcome(int series, double target, SimulationResult sparecast, SimulationResult normal,
                     SimulationResult matched, double matchedTarget, double matchedOnHand) {
            this(series, target, sparecast, normal, matched, matchedTarget, matchedOnHand, ExpectedFill.EMPTY);
        }

        /**
         * Whether the stock cap holds the class below its target: some plans held back
         * ({@link PlanLine#heldBack}) and the plans' expected fill rate under the target (NaN target: never).
         */
        boolean targetUnreachable() {
            return expected.heldBack() > 0 && expected.fillRate() < target;
        }

        ClassOutcome withExpected(ExpectedFill e) {
            return new ClassOutcome(series, target, sparecast, normal, matched, matchedTarget, matchedOnHand, e);
        }

        ClassOutcome plus(ClassOutcome o) {
            return new ClassOutcome(series + o.series, Double.NaN, sparecast.plus(o.sparecast), normal.plus(o.normal),
                    matched.plus(o.matched), Double.NaN, Double.NaN, expected.plus(o.expected));
        }
    }

    /**
     * The fill rate Sparecast's plans promise: over every plan of a class's lines, the expected
     * demand per review period {@code E[D_R]} that the plan's levels are expected to fill
     * ({@link PolicyDecision#expectedFillRate()} times {@code E[D_R]}), over the plans' {@code E[D_R]}:
     * the plan's own view of the class fill rate that the simulation then measures. {@code plans}
     * counts the plans, {@code heldBack} those the stock cap holds below their target.
     */
    record ExpectedFill(double demand, double filled, long plans, long heldBack) {

        static final ExpectedFill EMPTY = new ExpectedFill(0, 0, 0, 0);

        /** Without plan counts (a tally of expected demand and fill only). */
        ExpectedFill(double demand, double filled) {
            this(demand, filled, 0, 0);
        }

        /** One plan's promise, and whether the stock cap holds it below its target ({@link PlanLine#heldBack}). */
        static ExpectedFill of(PolicyDecision decision, PolicyInput input) {
            double d = input.reviewPeriodDemand();
            return new ExpectedFill(d, d * decision.expectedFillRate(), 1,
                    OrderUpToPolicy.heldBackByCap(input, decision) ? 1 : 0);
        }

        ExpectedFill plus(ExpectedFill o) {
            return new ExpectedFill(demand + o.demand, filled + o.filled, plans + o.plans, heldBack + o.heldBack);
        }

        /** Expected filled over expected demand; NaN without expected demand. */
        double fillRate() {
            return demand > 0 ? filled / demand : Double.NaN;
        }
    }

    /**
     * Where the lead times, targets, unit costs and test paths come from, and how often the plan
     * is made again.
     *
     * @param replanEvery periods between plans over the test path (1: every period, as the
     *     nightly plan; 0: the levels set at the origin hold throughout)
     * @param planLine the nightly plan's line code with the stock cap of the run
     *     ({@link PlanLine#withStockCap}; line floor 0.5, the nightly default)
     */
    record Setup(Map<AbcClass, Double> targets, Function<String, LeadTime> leadTimeOfRegion,
                 Map<String, Double> unitCost, GroundTruth groundTruth, int replanEvery, PlanLine planLine) {

        Setup {
            if (replanEvery < 0) {
                throw new IllegalArgumentException("replan interval must be >= 0, got " + replanEvery);
            }
            if (planLine == null) {
                throw new IllegalArgumentException("plan line is required");
            }
        }
    }

    /**
     * A simulated series: what it is first fitted on, the path it is simulated over (the last
     * {@code warmUp} training periods, then the test periods) and the lead time of each order.
     */
    private record Line(SeriesData series, double[] training, double[] test, LeadTime leadTime, int warmUp,
                        int[] leadTimes) {

        double[] path() {
            double[] path = new double[warmUp + test.length];
            System.arraycopy(training, training.length - warmUp, path, 0, warmUp);
            System.arraycopy(test, 0, path, warmUp, test.length);
            return path;
        }

        /** What a plan made after {@code known} test periods is fitted on. */
        double[] history(int known) {
            double[] h = Arrays.copyOf(training, training.length + known);
            System.arraycopy(test, 0, h, training.length, known);
            return h;
        }
    }

    /** One plan of one line: Sparecast's line (target not yet set) and the matching normals. */
    private record Plan(PlanLine.Planned sparecast, NormalDemand normalProtection, NormalDemand normalLead,
                        double meanPerPeriod, DemandClass demandClass) {

        PlanLine.Planned sparecast(double target) {
            return sparecast.withTarget(target);
        }

        NormalPlan normal() {
            return new NormalPlan(normalProtection, normalLead, sparecast.policy().reviewPeriodDemand());
        }
    }

    /** What the normal policies need of a plan, kept for every plan of a line (small). */
    private record NormalPlan(NormalDemand protection, NormalDemand lead, double reviewPeriodDemand) {

        PolicyInput at(double target) {
            return new PolicyInput(protection, reviewPeriodDemand, target, 0, 0, 0, 0, 1, 0).withLeadTimeDemand(lead);
        }
    }

    /** A line's plans over the test path: Sparecast's levels and the normal policies' inputs, per plan. */
    private record Planned(Line line, Levels[] sparecast, NormalPlan[] normal) {
    }

    private final int holdout;
    private final int periodsPerYear;
    private final int review;
    private final Allocation allocation;
    private final long seed;
    private final Setup setup;
    private final double[] tradeOffTargets;

    PolicyComparison(int holdout, int periodsPerYear, int review, Allocation allocation, long seed, Setup setup) {
        this(holdout, periodsPerYear, review, allocation, seed, setup, new double[0]);
    }

    private PolicyComparison(int holdout, int periodsPerYear, int review, Allocation allocation, long seed,
                             Setup setup, double[] tradeOffTargets) {
        this.holdout = holdout;
        this.periodsPerYear = periodsPerYear;
        this.review = review;
        this.allocation = allocation;
        this.seed = seed;
        this.setup = setup;
        this.tradeOffTargets = tradeOffTargets.clone();
        for (double t : this.tradeOffTargets) {
            if (!(t > 0 && t < 1)) {
                throw new IllegalArgumentException("trade-off target must be in (0, 1), got " + t);
            }
        }
    }

    /** This comparison, also drawing the trade-off curve at these targets (none: no curve). */
    PolicyComparison withTradeOff(double... targets) {
        return new PolicyComparison(holdout, periodsPerYear, review, allocation, seed, setup, targets);
    }

    static Map<AbcClass, Double> sameTarget(double target) {
        Map<AbcClass, Double> out = new EnumMap<>(AbcClass.class);
        for (AbcClass c : AbcClass.values()) {
            out.put(c, target);
        }
        return out;
    }

    Outcome run(List<SeriesData> all) {
        long t0 = System.nanoTime();
        GroundTruth truth = setup.groundTruth();
        int total = all.size();
        List<SeriesData> usable;
        if (truth == null) {
            usable = all.stream().filter(s -> s.demand().length - holdout >= MIN_TRAINING).toList();
        } else {
            // Every series runs to the history's last period (DemandHistory); keep those with a future path.
            List<SeriesData> kept = new ArrayList<>();
            for (SeriesData s : all) {
                if (s.demand().length >= MIN_TRAINING && truth.realised().containsKey(s.key())) {
                    kept.add(s);
                }
            }
            usable = kept;
            java.util.Set<String> keys = new java.util.HashSet<>();
            all.forEach(s -> keys.add(s.key()));
            total += (int) truth.realised().keySet().stream().filter(k -> !keys.contains(k)).count();
        }
        List<Line> lines = usable.stream().map(this::line).toList();
        // The default of the automatic choice is chosen on these series' training parts, as the
        // nightly job chooses it on its series.
        AutomaticForecaster auto = AutomaticForecaster.withDefaults()
                .withDefaultChosenOn(lines.stream().map(Line::training).toList(), periodsPerYear / 2);
        List<Plan> first = lines.parallelStream().map(l -> plan(l, auto, 0)).toList();
        AbcClass[] abc = classify(lines, first);
        int plans = lines.stream().mapToInt(this::plans).max().orElse(1);
        List<Levels[]> sparecast = new ArrayList<>(lines.size());
        List<NormalPlan[]> normal = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            sparecast.add(new Levels[plans(lines.get(i))]);
            normal.add(new NormalPlan[plans(lines.get(i))]);
        }
        Map<AbcClass, Map<DemandClass, LeadTimeDemandCalibration>> calibration = new EnumMap<>(AbcClass.class);
        ExpectedFill[] lineExpected = new ExpectedFill[lines.size()];
        Arrays.fill(lineExpected, ExpectedFill.EMPTY);
        CurveLevels curve = new CurveLevels(tradeOffTargets.length, lines, this::plans);
        // Plan by plan, so only one plan's distributions (bootstrap samples) are held at a time.
        for (int k = 0; k < plans; k++) {
            int plan = k;
            List<Plan> current = k == 0 ? first : IntStream.range(0, lines.size()).parallel()
                    .mapToObj(i -> plan < plans(lines.get(i))
                            ? plan(lines.get(i), auto, plan * setup.replanEvery()) : null).toList();
            for (AbcClass c : AbcClass.values()) {
                double target = setup.targets().get(c);
                List<Integer> members = IntStream.range(0, lines.size())
                        .filter(i -> abc[i] == c && current.get(i) != null).boxed().toList();
                List<PlanLine.Planned> inputs = members.stream().map(i -> current.get(i).sparecast(target)).toList();
                // The class target and the trade-off curve's in one call: the response curves are computed once.
                List<List<PolicyDecision>> byTarget = decideAt(setup.planLine(), inputs,
                        curve.withTargetsAfter(target), allocation);
                List<PolicyDecision> decisions = byTarget.get(0);
                for (int m = 0; m < members.size(); m++) {
                    int i = members.get(m);
                    sparecast.get(i)[k] = Levels.of(decisions.get(m), inputs.get(m).policy());
                    lineExpected[i] = lineExpected[i].plus(ExpectedFill.of(decisions.get(m), inputs.get(m).policy()));
                    normal.get(i)[k] = current.get(i).normal();
                    LeadTimeDemandCalibration outcome = calibration(lines.get(i), current.get(i),
                            k * setup.replanEvery());
                    if (outcome != null) {
                        calibration.computeIfAbsent(c, x -> new EnumMap<>(DemandClass.class))
                                .merge(current.get(i).demandClass(), outcome, LeadTimeDemandCalibration::plus);
                    }
                }
                curve.setSparecast(members, inputs, byTarget.subList(1, byTarget.size()), k);
            }
            curve.decideBootstrap(current, k);
        }
        double fitSeconds = (System.nanoTime() - t0) / 1e9;

        long t1 = System.nanoTime();
        Map<AbcClass, ClassOutcome> classes = new EnumMap<>(AbcClass.class);
        ClassOutcome overall = ClassOutcome.EMPTY;
        List<SimulationResult> achieved = IntStream.range(0, lines.size()).parallel()
                .mapToObj(i -> simulate(lines.get(i), sparecast.get(i))).toList();
        for (AbcClass c : AbcClass.values()) {
            double target = setup.targets().get(c);
            int[] in = IntStream.range(0, lines.size()).filter(i -> abc[i] == c).toArray();
            List<Planned> members = Arrays.stream(in)
                    .mapToObj(i -> new Planned(lines.get(i), sparecast.get(i), normal.get(i))).toList();
            SimulationResult ours = sum(Arrays.stream(in).mapToObj(achieved::get).toList());
            ExpectedFill expected = Arrays.stream(in).mapToObj(i -> lineExpected[i])
                    .reduce(ExpectedFill.EMPTY, ExpectedFill::plus);
            ClassOutcome outcome = matched(members, target, ours, simulateNormal(members, target))
                    .withExpected(expected);
            classes.put(c, outcome);
            overall = overall.plus(outcome);
        }
        double simulateSeconds = (System.nanoTime() - t1) / 1e9;
        TradeOff tradeOff = curve.simulate(IntStream.range(0, lines.size())
                .mapToObj(i -> new Planned(lines.get(i), sparecast.get(i), normal.get(i))).toList());
        return new Outcome(total, total - lines.size(), classes, overall, fitSeconds, simulateSeconds, calibration,
                tradeOff, ExpectedFillDeciles.of(Arrays.asList(lineExpected), achieved));
    }

    /**
     * The trade-off curve's levels, set plan by plan while each plan's distributions are at hand:
     * per target, line and plan, Sparecast's and the bootstrap policy's.
     */
    private final class CurveLevels {

        private final List<Line> lines;
        private final List<List<Levels[]>> sparecast = new ArrayList<>();
        private final List<List<Levels[]>> bootstrap = new ArrayList<>();

        CurveLevels(int targets, List<Line> lines, java.util.function.ToIntFunction<Line> plans) {
            this.lines = lines;
            for (int j = 0; j < targets; j++) {
                List<Levels[]> ours = new ArrayList<>(lines.size());
                List<Levels[]> boot = new ArrayList<>(lines.size());
                for (Line l : lines) {
                    ours.add(new Levels[plans.applyAsInt(l)]);
                    boot.add(new Levels[plans.applyAsInt(l)]);
                }
                sparecast.add(ours);
                bootstrap.add(boot);
            }
        }

        /** {@code first}, then the curve's targets. */
        double[] withTargetsAfter(double first) {
            double[] targets = new double[tradeOffTargets.length + 1];
            targets[0] = first;
            System.arraycopy(tradeOffTargets, 0, targets, 1, tradeOffTargets.length);
            return targets;
        }

        /**
         * Sparecast's levels of one class's lines from plan {@code k}: {@code decisions} holds, per
         * curve target, the lines' decisions in {@code members}' order.
         */
        void setSparecast(List<Integer> members, List<PlanLine.Planned> lines, List<List<PolicyDecision>> decisions,
                          int k) {
            for (int j = 0; j < decisions.size(); j++) {
                for (int m = 0; m < members.size(); m++) {
                    sparecast.get(j).get(members.get(m))[k] = Levels.of(decisions.get(j).get(m), lines.get(m).policy());
                }
            }
        }

        /** The bootstrap policy's levels of every line planned at {@code k}, at each target. */
        void decideBootstrap(List<Plan> current, int k) {
            if (tradeOffTargets.length == 0) {
                return;
            }
            int known = k * setup.replanEvery();
            IntStream.range(0, lines.size()).parallel().filter(i -> current.get(i) != null).forEach(i -> {
                Line line = lines.get(i);
                long bootstrapSeed = (seed * 1_000_003L + line.series().key().hashCode() + 7_919L * known) ^ 0x5bd1e995L;
                DemandDistribution d = BOOTSTRAP.demand(line.history(known), line.leadTime(), review, bootstrapSeed);
                for (int j = 0; j < tradeOffTargets.length; j++) {
                    bootstrap.get(j).get(i)[k] = BootstrapOrderUpToPolicy.levels(d, tradeOffTargets[j]);
                }
            });
        }

        /** The curve: each target's three policies simulated over every line. */
        TradeOff simulate(List<Planned> all) {
            if (tradeOffTargets.length == 0) {
                return TradeOff.NONE;
            }
            long t0 = System.nanoTime();
            List<TradeOff.Point> points = new ArrayList<>();
            for (int j = 0; j < tradeOffTargets.length; j++) {
                List<Levels[]> ours = sparecast.get(j);
                List<Levels[]> boot = bootstrap.get(j);
                SimulationResult s = sum(IntStream.range(0, lines.size()).parallel()
                        .mapToObj(i -> PolicyComparison.this.simulate(lines.get(i), ours.get(i))).toList());
                SimulationResult b = sum(IntStream.range(0, lines.size()).parallel()
                        .mapToObj(i -> PolicyComparison.this.simulate(lines.get(i), boot.get(i))).toList());
                Tuned n = tuned(all, tradeOffTargets[j]);
                points.add(new TradeOff.Point(tradeOffTargets[j], s, n.result(), n.lineTarget(), b));
            }
            return new TradeOff(points, (System.nanoTime() - t0) / 1e9);
        }
    }

    /**
     * The plan's lead-time demand {@code D_{L+R}} against the demand realised over the lead time
     * plus review that follow it: the test periods after the {@code known} the plan has seen,
     * over the lead time drawn for the order placed at that review ({@link Line#leadTimes()},
     * the simulation's own draw) plus the review period. Null when that span runs past the end
     * of the test path.
     */
    private LeadTimeDemandCalibration calibration(Line line, Plan plan, int known) {
        int[] leadTimes = line.leadTimes();
        int span = leadTimes[Math.min(leadTimes.length - 1, line.warmUp() + known)] + review;
        double[] test = line.test();
        if (known + span > test.length) {
            return null;
        }
        double realised = 0;
        for (int t = known; t < known + span; t++) {
            realised += test[t];
        }
        return LeadTimeDemandCalibration.of(plan.sparecast().distribution(), realised);
    }

    /** How many plans a line has over its test path: one, or one per {@code replanEvery} periods. */
    private int plans(Line line) {
        return setup.replanEvery() == 0 ? 1 : Math.max(1, (line.test().length - 1) / setup.replanEvery() + 1);
    }

    /**
     * The plan in force at the review at the end of each path period: the one made after the
     * test periods seen by then (the first plan through the warm-up).
     */
    private Levels[] perPeriod(Line line, Levels[] byPlan) {
        Levels[] out = new Levels[line.warmUp() + line.test().length];
        for (int t = 0; t < out.length; t++) {
            int known = t - line.warmUp() + 1;
            int k = known <= 0 || setup.replanEvery() == 0 ? 0 : Math.min(byPlan.length - 1, known / setup.replanEvery());
            out[t] = byPlan[k];
        }
        return out;
    }

    private Line line(SeriesData s) {
        double[] demand = s.demand();
        double[] training = setup.groundTruth() == null ? Arrays.copyOfRange(demand, 0, demand.length - holdout) : demand;
        double[] test = setup.groundTruth() == null
                ? Arrays.copyOfRange(demand, training.length, demand.length)
                : setup.groundTruth().realised().get(s.key());
        LeadTime leadTime = setup.leadTimeOfRegion().apply(s.region());
        int warmUp = Math.min(training.length, (int) Math.ceil(leadTime.mean() + 2 * leadTime.sd()) + review);
        int[] leadTimes = PolicySimulator.sampleLeadTimes(warmUp + test.length, leadTime.mean(), leadTime.sd(),
                seed ^ s.key().hashCode());
        return new Line(s, training, test, leadTime, warmUp, leadTimes);
    }

    /** ABC class of each line, from its first plan. */
    private AbcClass[] classify(List<Line> lines, List<Plan> first) {
        Map<String, Double> value = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            double v;
            if (setup.unitCost() == null) {
                v = 0;
                double[] training = l.training();
                for (int t = Math.max(0, training.length - periodsPerYear); t < training.length; t++) {
                    v += training[t];
                }
            } else {
                v = first.get(i).meanPerPeriod() * periodsPerYear
                        * setup.unitCost().getOrDefault(l.series().partNo(), 0.0);
            }
            value.put(l.series().key(), v);
        }
        Map<String, AbcClass> abc = new HashMap<>();
        if (setup.unitCost() == null) {
            abc.putAll(AbcClassifier.withDefaults().classify(value));
        } else {
            Map<String, Map<String, Double>> byRegion = new TreeMap<>();
            for (Line l : lines) {
                byRegion.computeIfAbsent(l.series().region(), r -> new TreeMap<>())
                        .put(l.series().key(), value.get(l.series().key()));
            }
            byRegion.values().forEach(values -> abc.putAll(AbcClassifier.withDefaults().classify(values)));
        }
        return lines.stream().map(l -> abc.get(l.series().key())).toArray(AbcClass[]::new);
    }

    /** The plan made after {@code known} test periods: the forecast and both policies' distributions. */
    private Plan plan(Line line, AutomaticForecaster auto, int known) {
        double[] history = line.history(known);
        LeadTime leadTime = line.leadTime();
        // The nightly plan's horizon (26 weeks), at least lead time plus review.
        int horizon = Math.max(periodsPerYear / 2, (int) Math.ceil(leadTime.mean() + 3 * leadTime.sd()) + review);
        SeriesForecast f = auto.forecast(history, Math.max(1, horizon));
        long bootstrapSeed = seed * 1_000_003L + line.series().key().hashCode() + 7_919L * known;
        // The nightly plan's line, with no stock and no rounding (only its levels are simulated);
        // the target is set per class when the classes are known (Plan.sparecast(target)).
        PlanLine.Planned ours = setup.planLine().plan(planInput(f, history, leadTime, review, bootstrapSeed));
        return new Plan(ours, NormalDemand.matching(ours.distribution()),
                NormalDemand.matching(ours.policy().leadTimeDemand()), f.meanPerPeriod(), f.demandClass());
    }

    /** What a simulated line is planned from: {@link PlanLine}'s input without stock or rounding. */
    static PlanLine.Input planInput(SeriesForecast forecast, double[] history, LeadTime leadTime, int review,
                                    long bootstrapSeed) {
        return PlanLine.Input.levelsOnly(forecast, history, leadTime, review, bootstrapSeed, 0.5);
    }

    /** The levels of one class's lines (in order) at the class target, as the nightly plan decides them. */
    static List<PolicyDecision> decide(PlanLine planLine, List<PlanLine.Planned> members, double target,
                                       Allocation allocation) {
        return decideAt(planLine, members, new double[] {target}, allocation).get(0);
    }

    /**
     * The levels of one class's lines (in order) at each of {@code targets}, as the nightly plan
     * decides them: per line, or class-wide with the lines' response curves computed once.
     */
    static List<List<PolicyDecision>> decideAt(PlanLine planLine, List<PlanLine.Planned> members, double[] targets,
                                               Allocation allocation) {
        if (allocation == Allocation.LINE) {
            return Arrays.stream(targets).mapToObj(t -> members.parallelStream()
                    .map(l -> planLine.decide(l.withTarget(t))).toList()).toList();
        }
        return planLine.decideClass(members, targets);
    }

    private SimulationResult simulateNormal(List<Planned> members, double lineTarget) {
        return sum(members.parallelStream().map(p -> {
            Levels[] byPlan = new Levels[p.normal().length];
            for (int k = 0; k < byPlan.length; k++) {
                PolicyInput in = p.normal()[k].at(lineTarget);
                byPlan[k] = Levels.of(OrderUpToPolicy.withDefaults().decide(in), in);
            }
            return simulate(p.line(), byPlan);
        }).toList());
    }

    /** The normal policy at the line target whose class fill rate is Sparecast's (bisection). */
    private ClassOutcome matched(List<Planned> members, double target, SimulationResult ours, SimulationResult normal) {
        double goal = ours.fillRate();
        if (Double.isNaN(goal)) {
            return new ClassOutcome(members.size(), target, ours, normal, normal, Double.NaN, Double.NaN);
        }
        Tuned tuned = tuned(members, goal);
        return new ClassOutcome(members.size(), target, ours, normal, tuned.result(), tuned.lineTarget(),
                tuned.onHandAtGoal());
    }

    /**
     * The normal policy with one line target for all {@code members}, tuned by bisection so that
     * their simulated fill rate reaches {@code goal}.
     *
     * @param result the policy at the lowest line target found to reach the goal (at 0.5 when that
     *     already does; at 0.9999 when nothing does)
     * @param onHandAtGoal its average on hand interpolated linearly between the two bracketing line
     *     targets to exactly the goal (NaN when 0.9999 falls short)
     */
    private record Tuned(SimulationResult result, double lineTarget, double onHandAtGoal) {
    }

    private Tuned tuned(List<Planned> members, double goal) {
        double lo = 0.5;
        double hi = 0.9999;
        SimulationResult atLo = simulateNormal(members, lo);
        SimulationResult atHi = simulateNormal(members, hi);
        if (atLo.fillRate() >= goal) {
            return new Tuned(atLo, lo, atLo.averageOnHand());
        }
        if (atHi.fillRate() < goal) {
            return new Tuned(atHi, hi, Double.NaN);
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
        return new Tuned(atHi, hi, onHand);
    }

    /** Simulates a line's plans over its path, starting with the first plan's order-up-to level on hand. */
    private SimulationResult simulate(Line line, Levels[] byPlan) {
        return PolicySimulator.withReview(review).simulate(line.path(), perPeriod(line, byPlan), line.leadTimes(),
                line.warmUp(), Math.max(0, byPlan[0].orderUpTo()));
    }

    private static SimulationResult sum(List<SimulationResult> results) {
        SimulationResult total = SimulationResult.EMPTY;
        for (SimulationResult r : results) {
            total = total.plus(r);
        }
        return total;
    }
}
