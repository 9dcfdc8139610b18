package com.sparecast.models.inventory;

import com.sparecast.models.distribution.DemandDistribution;
import com.sparecast.models.distribution.LeadTime;
import com.sparecast.models.distribution.LeadTimeDemand;
import com.sparecast.models.distribution.LeadTimeDemandModel;
import com.sparecast.models.selection.SeriesForecast;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One plan line of a (warehouse, part): its lead-time demand, its response curve for the
 * class-wide allocation and its levels, order and rounding. The nightly plan and the policy
 * simulation both plan a line here, so a simulation proves the nightly plan itself.
 *
 * <p>{@link #plan} computes the line's two demand distributions once, from its forecast and
 * history ({@link LeadTimeDemandModel#over(SeriesForecast, double[], LeadTime, double, long)}):
 * <ul>
 *   <li>{@code D_{L+R}}, demand over lead time plus review period, which the levels protect;</li>
 *   <li>{@code D_L}, demand over the lead time alone, with the same seed, so that the fill rate
 *       is the exact periodic-review form {@code 1 - (E[(D_{L+R} - S)+] - E[(D_L - S)+]) / E[D_R]}
 *       (Silver, Pyke &amp; Thomas, 2017, section 7.4);</li>
 *   <li>{@code E[D_R] = R * mu(L + R)}, the review period's demand at the forecast's mean level
 *       over the protected span.</li>
 * </ul>
 * Everything that follows reuses that {@link Planned} line: the response curve
 * ({@link FillRateAllocation#curve}), the decision at the class's multiplier
 * ({@link FillRateAllocation#decide(PolicyInput, ResponseCurve, double)}) or at the line's own
 * target ({@link OrderUpToPolicy#decide}), with pack size, MOQ and EOQ rounding.
 *
 * <p>Immutable and thread-safe.
 */
public final class PlanLine implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * What a line is planned from.
     *
     * @param forecast the series' forecast
     * @param history the demand history the forecast was made from (the bootstrap resamples it)
     * @param leadTime lead time in periods, mean and sd
     * @param reviewPeriods review period in periods, &gt;= 0
     * @param seed seed of the bootstrap (from the planning date and the series key)
     * @param targetFillRate the line's target, in (0, 1) (under the class-wide allocation the class's)
     * @param onHand units on hand
     * @param onOrder units ordered and not yet received
     * @param expectedReturns refurbishable returns expected back within the lead time
     * @param packSize order quantities are multiples of this, &gt;= 1
     * @param minOrderQty smallest order, &gt;= 0
     * @param economicOrderQuantity the EOQ in units, or 0 where it is not configured
     */
    public record Input(SeriesForecast forecast, double[] history, LeadTime leadTime, double reviewPeriods, long seed,
                        double targetFillRate, double onHand, double onOrder, double expectedReturns, int packSize,
                        int minOrderQty, double economicOrderQuantity) implements Serializable {

        private static final long serialVersionUID = 1L;

        public Input {
            if (forecast == null || history == null || leadTime == null) {
                throw new IllegalArgumentException("forecast, history and lead time are required");
            }
            if (!(reviewPeriods >= 0) || Double.isInfinite(reviewPeriods)) {
                throw new IllegalArgumentException("review period must be finite and >= 0, got " + reviewPeriods);
            }
        }

        /** A line with no stock, pack size 1, no MOQ and no EOQ: only its levels matter (simulation). */
        public static Input levelsOnly(SeriesForecast forecast, double[] history, LeadTime leadTime,
                                       double reviewPeriods, long seed, double targetFillRate) {
            return new Input(forecast, history, leadTime, reviewPeriods, seed, targetFillRate, 0, 0, 0, 1, 0, 0);
        }
    }

    /**
     * A line with its distributions computed.
     *
     * @param leadTimeDemand {@code D_{L+R}} with the reason its family was chosen
     * @param policy the policy input: {@code D_{L+R}}, {@code D_L}, {@code E[D_R]}, target, stock and rounding
     */
    public record Planned(LeadTimeDemand leadTimeDemand, PolicyInput policy) implements Serializable {

        private static final long serialVersionUID = 1L;

        /** {@code D_{L+R}}. */
        public DemandDistribution distribution() {
            return leadTimeDemand.distribution();
        }

        /** The same line at another target (the distributions are kept, not computed again). */
        public Planned withTarget(double targetFillRate) {
            return new Planned(leadTimeDemand, policy.withTargetFillRate(targetFillRate));
        }
    }

    /**
     * The default stock cap, in periods of mean demand ({@link #withStockCap}); the nightly plan's
     * {@code sparecast.plan.stock-cap-periods} and {@code simulate --stock-cap} default to it. Chosen on
     * the validation splits (README, docs/expected-fill.md).
     */
    public static final double DEFAULT_STOCK_CAP_PERIODS = 60;

    private final LeadTimeDemandModel model;
    private final FillRateAllocation allocation;
    private final double stockCapPeriods;

    private PlanLine(LeadTimeDemandModel model, FillRateAllocation allocation, double stockCapPeriods) {
        if (model == null || allocation == null) {
            throw new IllegalArgumentException("lead-time demand model and allocation are required");
        }
        if (!(stockCapPeriods > 0)) {
            throw new IllegalArgumentException("stock cap must be > 0 periods (or +Infinity for none), got "
                    + stockCapPeriods);
        }
        this.model = model;
        this.allocation = allocation;
        this.stockCapPeriods = stockCapPeriods;
    }

    /**
     * The default lead-time demand model, class-wide allocation (line floor 0.5) and stock cap
     * ({@link #DEFAULT_STOCK_CAP_PERIODS}).
     */
    public static PlanLine withDefaults() {
        return new PlanLine(LeadTimeDemandModel.withDefaults(), FillRateAllocation.withDefaults(),
                DEFAULT_STOCK_CAP_PERIODS);
    }

    /** A copy with this class-wide allocation (for instance another line floor). */
    public PlanLine withAllocation(FillRateAllocation fillRateAllocation) {
        return new PlanLine(model, fillRateAllocation, stockCapPeriods);
    }

    /**
     * A copy whose lines hold at most {@code periods} periods of their mean demand: each line's
     * order-up-to level {@code S} is capped at {@code ceil(periods * mu)}, with {@code mu} the
     * forecast's mean demand per period over lead time plus review ({@link PolicyInput#maxOrderUpTo()}),
     * in the per-line decision and in the class-wide allocation alike. A line the cap holds below
     * its target is {@link #heldBack} ({@code TARGET_UNREACHABLE}) and its expected fill rate is what
     * the capped level gives. {@code +Infinity}: no cap.
     */
    public PlanLine withStockCap(double periods) {
        return new PlanLine(model, allocation, periods);
    }

    /** The stock cap in periods of mean demand ({@code +Infinity}: none). */
    public double stockCapPeriods() {
        return stockCapPeriods;
    }

    /** Whether the stock cap holds the line's decision below its target ({@link OrderUpToPolicy#heldBackByCap}). */
    public boolean heldBack(Planned line, PolicyDecision decision) {
        return OrderUpToPolicy.heldBackByCap(line.policy(), decision);
    }

    /** The class-wide allocation the lines are decided with. */
    public FillRateAllocation allocation() {
        return allocation;
    }

    /** The line's distributions, each computed once, and its policy input. */
    public Planned plan(Input in) {
        LeadTime leadTime = in.leadTime();
        LeadTimeDemand protection = model.over(in.forecast(), in.history(), leadTime, in.reviewPeriods(), in.seed());
        DemandDistribution leadOnly = model.over(in.forecast(), in.history(), leadTime, 0, in.seed()).distribution();
        double meanPerPeriod = in.forecast().meanPerPeriod(leadTime.mean() + in.reviewPeriods());
        double reviewDemand = meanPerPeriod * in.reviewPeriods();
        double cap = Double.isInfinite(stockCapPeriods) ? Double.POSITIVE_INFINITY
                : Math.ceil(stockCapPeriods * Math.max(0, meanPerPeriod) - 1e-9);
        PolicyInput policy = new PolicyInput(protection.distribution(), reviewDemand, in.targetFillRate(),
                in.onHand(), in.onOrder(), in.expectedReturns(), 0, in.packSize(), in.minOrderQty())
                .withLeadTimeDemand(leadOnly)
                .withEconomicOrderQuantity(in.economicOrderQuantity())
                .withMaxOrderUpTo(cap);
        return new Planned(protection, policy);
    }

    /** The line's response curve for the class-wide allocation, counting units of stock. */
    public ResponseCurve curve(Planned line) {
        return allocation.curve(line.policy());
    }

    /** The line's decision at its own target ({@code sparecast.plan.allocation=line}). */
    public PolicyDecision decide(Planned line) {
        return OrderUpToPolicy.withDefaults().decide(line.policy());
    }

    /** The line's decision at its class's multiplier, read off its response curve. */
    public PolicyDecision decide(Planned line, ResponseCurve curve, double multiplier) {
        return allocation.decide(line.policy(), curve, multiplier);
    }

    /**
     * The decisions of one class's lines, in order, for the class's target: the class-wide
     * allocation in memory ({@link FillRateAllocation#decideAll}).
     */
    public List<PolicyDecision> decideClass(List<Planned> classLines, double target) {
        return allocation.decideAll(classLines.stream().map(Planned::policy).toList(), target);
    }

    /**
     * The decisions of one class's lines at each of several targets ({@code simulate}'s trade-off
     * curve): element {@code j} is {@link #decideClass(List, double)} at {@code targets[j]}, each
     * line {@link Planned#withTarget at that target}, with the lines' response curves (which do
     * not depend on the target) computed once instead of once per target.
     */
    public List<List<PolicyDecision>> decideClass(List<Planned> classLines, double[] targets) {
        List<ResponseCurve> curves = classLines.parallelStream().map(this::curve).toList();
        List<List<PolicyDecision>> out = new ArrayList<>(targets.length);
        for (double target : targets) {
            double lambda = allocation.multiplier(curves, target);
            out.add(IntStream.range(0, classLines.size()).parallel()
                    .mapToObj(i -> decide(classLines.get(i).withTarget(target), curves.get(i), lambda)).toList());
        }
        return out;
    }
}
