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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits each series on its training part, sets the policy, and simulates it over the holdout,
 * for Sparecast's policy and a normal-approximation baseline at the same target.
 *
 * <ul>
 *   <li>Forecast: {@code AutomaticForecaster.withDefaults().forecast(training, horizon)}, mean
 *       per period and the one-step error variance per period.</li>
 *   <li>Distributions: {@code LeadTimeDemandModel.withDefaults().over(...)} over lead time plus
 *       review ({@code D_{L+R}}) and over the lead time alone ({@code D_L}).</li>
 *   <li>ABC: by training demand over the last year of the training part (the history has no
 *       unit costs, so quantity stands in for value), default 80/95 cut-offs.</li>
 *   <li>Sparecast: {@link FillRateAllocation} per ABC class (or, with allocation LINE,
 *       {@link OrderUpToPolicy#decide} per line); normal: each line at the target from a normal
 *       with the same mean and variance.</li>
 *   <li>Simulation: {@link PolicySimulator}, starting with the order-up-to level on hand at the
 *       start of a warm-up cut from the end of the training part (lead time plus review, at
 *       most the training part), measured over the holdout; lead times drawn per order from
 *       the lead time's mean and sd, seeded by the series key.</li>
 * </ul>
 * Series with fewer than {@link #MIN_TRAINING} training periods are excluded.
 */
final class PolicyComparison {

    /** Shortest training part simulated. */
    static final int MIN_TRAINING = 4;

    /** Whether lines share a class target (class-wide allocation) or each meets it. */
    enum Allocation { CLASS, LINE }

    /** The result per class, and overall under {@code null}. */
    record Outcome(int series, int excluded, Map<AbcClass, ClassOutcome> classes, ClassOutcome overall) {
    }

    /** One class's series count and the two policies' simulated results. */
    record ClassOutcome(int series, SimulationResult sparecast, SimulationResult normal) {

        ClassOutcome plus(ClassOutcome o) {
            return new ClassOutcome(series + o.series, sparecast.plus(o.sparecast), normal.plus(o.normal));
        }
    }

    private record Fitted(Series series, double[] training, double[] holdout, PolicyInput sparecast,
                          PolicyInput normal, double annualDemand) {
    }

    private final int holdout;
    private final int periodsPerYear;
    private final double targetFillRate;
    private final LeadTime leadTime;
    private final int review;
    private final Allocation allocation;
    private final long seed;

    PolicyComparison(int holdout, int periodsPerYear, double targetFillRate, LeadTime leadTime, int review,
                     Allocation allocation, long seed) {
        this.holdout = holdout;
        this.periodsPerYear = periodsPerYear;
        this.targetFillRate = targetFillRate;
        this.leadTime = leadTime;
        this.review = review;
        this.allocation = allocation;
        this.seed = seed;
    }

    Outcome run(List<Series> all) {
        List<Fitted> fitted = all.parallelStream()
                .filter(s -> s.demand().length - holdout >= MIN_TRAINING)
                .map(this::fit)
                .toList();
        int excluded = all.size() - fitted.size();

        Map<String, Double> annual = new LinkedHashMap<>();
        fitted.forEach(f -> annual.put(f.series().key(), f.annualDemand()));
        Map<String, AbcClass> abc = AbcClassifier.withDefaults().classify(annual);

        Map<AbcClass, ClassOutcome> classes = new EnumMap<>(AbcClass.class);
        ClassOutcome overall = new ClassOutcome(0, SimulationResult.EMPTY, SimulationResult.EMPTY);
        for (AbcClass c : AbcClass.values()) {
            List<Fitted> members = fitted.stream().filter(f -> abc.get(f.series().key()) == c).toList();
            List<PolicyDecision> ours = decide(members);
            ClassOutcome outcome = new ClassOutcome(0, SimulationResult.EMPTY, SimulationResult.EMPTY);
            List<ClassOutcome> perSeries = java.util.stream.IntStream.range(0, members.size()).parallel()
                    .mapToObj(i -> simulate(members.get(i), ours.get(i)))
                    .toList();
            for (ClassOutcome o : perSeries) {
                outcome = outcome.plus(o);
            }
            classes.put(c, outcome);
            overall = overall.plus(outcome);
        }
        return new Outcome(all.size(), excluded, classes, overall);
    }

    private Fitted fit(Series s) {
        double[] demand = s.demand();
        int split = demand.length - holdout;
        double[] training = Arrays.copyOfRange(demand, 0, split);
        double[] test = Arrays.copyOfRange(demand, split, demand.length);
        int horizon = (int) Math.ceil(leadTime.mean() + 3 * leadTime.sd()) + review;
        SeriesForecast f = AutomaticForecaster.withDefaults().forecast(training, Math.max(1, horizon));
        double mean = f.meanPerPeriod();
        double variance = f.errorVariance();
        LeadTimeDemandModel model = LeadTimeDemandModel.withDefaults();
        DemandDistribution protection = model.over(mean, variance, leadTime, review).distribution();
        DemandDistribution lead = model.over(mean, variance, leadTime, 0).distribution();
        PolicyInput ours = new PolicyInput(protection, mean * review, targetFillRate, 0, 0, 0, 0, 1, 0)
                .withLeadTimeDemand(lead);
        PolicyInput normal = new PolicyInput(NormalDemand.matching(protection), mean * review,
                targetFillRate, 0, 0, 0, 0, 1, 0).withLeadTimeDemand(NormalDemand.matching(lead));
        double lastYear = 0;
        for (int t = Math.max(0, split - periodsPerYear); t < split; t++) {
            lastYear += training[t];
        }
        return new Fitted(s, training, test, ours, normal, lastYear);
    }

    private List<PolicyDecision> decide(List<Fitted> members) {
        if (allocation == Allocation.LINE) {
            return members.stream().map(f -> OrderUpToPolicy.withDefaults().decide(f.sparecast())).toList();
        }
        FillRateAllocation alloc = FillRateAllocation.withDefaults();
        List<ResponseCurve> curves = members.parallelStream().map(f -> alloc.curve(f.sparecast())).toList();
        double lambda = alloc.multiplier(curves, targetFillRate);
        List<PolicyDecision> out = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            out.add(alloc.decide(members.get(i).sparecast(), curves.get(i), lambda));
        }
        return out;
    }

    private ClassOutcome simulate(Fitted f, PolicyDecision ours) {
        int warmUp = Math.min(f.training().length,
                (int) Math.ceil(leadTime.mean() + 2 * leadTime.sd()) + review);
        double[] path = new double[warmUp + f.holdout().length];
        System.arraycopy(f.training(), f.training().length - warmUp, path, 0, warmUp);
        System.arraycopy(f.holdout(), 0, path, warmUp, f.holdout().length);
        int[] leadTimes = PolicySimulator.sampleLeadTimes(path.length, leadTime.mean(), leadTime.sd(),
                seed ^ f.series().key().hashCode());
        PolicySimulator simulator = PolicySimulator.withReview(review);
        PolicyDecision normal = OrderUpToPolicy.withDefaults().decide(f.normal());
        SimulationResult a = simulator.simulate(path, Levels.of(ours, f.sparecast()), leadTimes, warmUp,
                Math.max(0, ours.orderUpTo()));
        SimulationResult b = simulator.simulate(path, Levels.of(normal, f.normal()), leadTimes, warmUp,
                Math.max(0, normal.orderUpTo()));
        return new ClassOutcome(1, a, b);
    }
}
