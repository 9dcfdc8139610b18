package com.sparecast.models.inventory;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Levels for a target fill rate of a whole class (an ABC class) rather than of each line: the
 * least stock whose demand-weighted fill rate over the class reaches the target.
 *
 * <p>Marginal analysis (Sherbrooke, 2004, Optimal Inventory Modeling of Systems, 2nd ed.; the
 * "system approach" and exchange curves of Silver, Pyke &amp; Thomas, 2017): each line's
 * expected filled demand per review period, {@code E[D_R] * beta}, against its weighted
 * expected on hand, is reduced to its upper concave hull ({@link ResponseCurve}); units of stock
 * go, across the class, to the steps that fill the most demand per unit, until the class's
 * expected filled demand reaches {@code target * sum E[D_R]}. The slope of the last step taken
 * is the class's multiplier {@code lambda}; each line then takes every step of slope
 * {@code >= lambda}. The same multiplier decides every line, so the work splits into a
 * per-line part ({@link #curve}, {@link #decide}, on executors) and a per-class part
 * ({@link #multiplier}, on the sorted segments of the class's curves).
 *
 * <p>A per-line target (as in {@link OrderUpToPolicy#decide}) rounds every line up to the
 * next whole unit; on slow movers that overshoots the class target by several points and
 * costs stock. The allocation instead lets fast, cheap lines run above the target and slow,
 * lumpy ones below it. {@link #withLineFloor} keeps every line at or above a minimum fill rate;
 * levels are considered up to a fill rate of {@code lineCap} (default 0.999) and never above the
 * line's stock cap ({@link PolicyInput#maxOrderUpTo()}), which wins over the floor: within the caps
 * the stock still goes where it fills the most demand per unit, and a class whose capped lines
 * cannot reach its target takes every line to its cap (multiplier 0) and reaches what they give.
 *
 * <p>Immutable and thread-safe.
 */
public final class FillRateAllocation implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX_POINTS = 256;

    private final double lineFloor;
    private final double lineCap;

    private FillRateAllocation(double lineFloor, double lineCap) {
        if (!(lineFloor >= 0 && lineFloor < lineCap && lineCap < 1)) {
            throw new IllegalArgumentException("need 0 <= line floor < line cap < 1, got " + lineFloor + ", " + lineCap);
        }
        this.lineFloor = lineFloor;
        this.lineCap = lineCap;
    }

    /** No line planned below a fill rate of 0.5; levels up to a line fill rate of 0.999. */
    public static FillRateAllocation withDefaults() {
        return new FillRateAllocation(0.5, 0.999);
    }

    /** A copy in which no line's expected fill rate is below {@code floor}, in [0, cap). */
    public FillRateAllocation withLineFloor(double floor) {
        return new FillRateAllocation(floor, lineCap);
    }

    /** A copy that considers levels up to a line fill rate of {@code cap}, in (floor, 1). */
    public FillRateAllocation withLineCap(double cap) {
        return new FillRateAllocation(lineFloor, cap);
    }

    /** The line's response curve counting units of stock (weight 1). */
    public ResponseCurve curve(PolicyInput line) {
        return curve(line, 1);
    }

    /**
     * The line's response curve: levels from the floor's to the cap's, at most 256 of them
     * (evenly spaced beyond that), reduced to the upper concave hull.
     *
     * @param holdingWeight cost of a unit of stock on this line (1 for units, unit cost for value), &gt; 0
     */
    public ResponseCurve curve(PolicyInput line, double holdingWeight) {
        if (!(holdingWeight > 0) || Double.isInfinite(holdingWeight)) {
            throw new IllegalArgumentException("holding weight must be finite and > 0, got " + holdingWeight);
        }
        double demand = line.reviewPeriodDemand();
        if (demand <= 0) {
            return new ResponseCurve(0, holdingWeight, new long[] {0}, new double[] {0}, new double[] {0});
        }
        // smallestBandStart stops at the stock cap, which bounds the floor too. The searches and
        // the curve share the line's levels, each evaluated once.
        OrderUpToPolicy.Levels lineLevels = new OrderUpToPolicy.Levels(line);
        long from = lineFloor > 0 ? OrderUpToPolicy.smallestBandStart(line, lineLevels, lineFloor) : 0;
        long to = Math.max(from, OrderUpToPolicy.smallestBandStart(line, lineLevels, lineCap));
        long step = Math.max(1, (to - from + MAX_POINTS - 1) / MAX_POINTS);
        if (step == 1) {
            lineLevels.evaluateBands(from, to);
        }
        List<long[]> levels = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        for (long b = from; ; b = Math.min(to, b + step)) {
            OrderUpToPolicy.Band band = lineLevels.band(b);
            double f = demand * band.fillRate();
            double oh = band.onHand();
            // Upper concave hull by a monotone chain; a point that adds no filled demand is dropped.
            if (!points.isEmpty() && f <= points.get(points.size() - 1)[1]) {
                if (b == to) {
                    break;
                }
                continue;
            }
            while (points.size() >= 2) {
                double[] p = points.get(points.size() - 2);
                double[] q = points.get(points.size() - 1);
                double cross = (q[0] - p[0]) * (f - p[1]) - (q[1] - p[1]) * (oh - p[0]);
                if (cross >= 0) {
                    points.remove(points.size() - 1);
                    levels.remove(levels.size() - 1);
                } else {
                    break;
                }
            }
            points.add(new double[] {oh, f});
            levels.add(new long[] {b});
            if (b == to) {
                break;
            }
        }
        int n = points.size();
        long[] lv = new long[n];
        double[] filled = new double[n];
        double[] onHand = new double[n];
        for (int i = 0; i < n; i++) {
            lv[i] = levels.get(i)[0];
            onHand[i] = points.get(i)[0];
            filled[i] = points.get(i)[1];
        }
        return new ResponseCurve(demand, holdingWeight, lv, filled, onHand);
    }

    /**
     * The class's multiplier for {@code target}: the slope of the last step needed for the
     * class's expected filled demand to reach {@code target} times its expected demand;
     * {@code +Infinity} if the lines' floors already reach it, 0 if even the caps do not.
     */
    public double multiplier(Collection<ResponseCurve> classCurves, double target) {
        if (!(target > 0 && target < 1)) {
            throw new IllegalArgumentException("target fill rate must be in (0, 1), got " + target);
        }
        double demand = 0;
        double filled = 0;
        int segments = 0;
        for (ResponseCurve c : classCurves) {
            demand += c.demand();
            filled += c.filled()[0];
            segments += c.segments();
        }
        double need = target * demand;
        if (filled >= need) {
            return Double.POSITIVE_INFINITY;
        }
        double[][] steps = new double[segments][];
        int i = 0;
        for (ResponseCurve c : classCurves) {
            for (int k = 0; k < c.segments(); k++) {
                steps[i++] = new double[] {c.slope(k), c.gain(k)};
            }
        }
        java.util.Arrays.sort(steps, (a, b) -> Double.compare(b[0], a[0]));
        for (double[] s : steps) {
            filled += s[1];
            if (filled >= need) {
                return s[0];
            }
        }
        return 0;
    }

    /** The line's decision at the class's multiplier (its curve is computed again). */
    public PolicyDecision decide(PolicyInput line, double multiplier) {
        return decide(line, curve(line), multiplier);
    }

    /** The line's decision at the class's multiplier, from its already computed curve. */
    public PolicyDecision decide(PolicyInput line, ResponseCurve curve, double multiplier) {
        return OrderUpToPolicy.withDefaults().decideAt(line, curve.levels()[curve.vertexAt(multiplier)]);
    }

    /**
     * In one step for the lines of one class (in memory): their decisions, in order, for the
     * class's target, counting units of stock. The lines' curves and decisions are computed in
     * parallel; the multiplier sums them in the lines' order, so the result does not depend on
     * the threads.
     */
    public List<PolicyDecision> decideAll(List<PolicyInput> classLines, double target) {
        List<ResponseCurve> curves = classLines.parallelStream().map(this::curve).toList();
        double lambda = multiplier(curves, target);
        return java.util.stream.IntStream.range(0, classLines.size()).parallel()
                .mapToObj(i -> decide(classLines.get(i), curves.get(i), lambda)).toList();
    }
}
