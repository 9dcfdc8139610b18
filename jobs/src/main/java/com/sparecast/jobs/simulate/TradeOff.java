package com.sparecast.jobs.simulate;

import com.sparecast.models.inventory.SimulationResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The trade-off between fill rate and stock over all simulated series: at each target, the
 * achieved fill rate and average on hand of Sparecast's policy (every ABC class at the target),
 * of the normal-approximation policy tuned to reach the target ({@link PolicyComparison}'s
 * bisection on one line target for all series) and of the empirical bootstrap policy
 * ({@code BootstrapOrderUpToPolicy} at the target).
 *
 * <p>The verdict of a point compares Sparecast's stock with a baseline's at Sparecast's achieved
 * fill rate: the baseline's curve (its points ordered by achieved fill rate, joined by straight
 * lines) read at that fill rate. No verdict (NaN on hand) where that fill rate lies outside the
 * baseline's range: the curve is not extrapolated.
 *
 * @param points one per target, in the order the targets were given
 * @param seconds time spent simulating the curve (the levels are set while planning)
 */
record TradeOff(List<Point> points, double seconds) {

    /** No curve asked for. */
    static final TradeOff NONE = new TradeOff(List.of(), 0);

    /** Relative slack of the verdict, for rounding only. */
    private static final double SLACK = 1e-9;

    /**
     * One target's results.
     *
     * @param normalLineTarget the normal policy's line target found by the bisection (its highest,
     *     0.9999, when the target cannot be reached)
     */
    record Point(double target, SimulationResult sparecast, SimulationResult normal, double normalLineTarget,
                 SimulationResult bootstrap) {
    }

    /** The normal policy's average on hand read off its curve at each point's Sparecast fill rate. */
    double normalOnHandAt(Point p) {
        return onHandAt(Point::normal, p.sparecast().fillRate());
    }

    /** The bootstrap policy's average on hand read off its curve at each point's Sparecast fill rate. */
    double bootstrapOnHandAt(Point p) {
        return onHandAt(Point::bootstrap, p.sparecast().fillRate());
    }

    /** Whether Sparecast holds no more stock than {@code baselineOnHand}; null when there is no verdict (NaN). */
    static Boolean atOrBelow(Point p, double baselineOnHand) {
        if (Double.isNaN(baselineOnHand) || Double.isNaN(p.sparecast().averageOnHand())) {
            return null;
        }
        return p.sparecast().averageOnHand() <= baselineOnHand * (1 + SLACK);
    }

    /** A baseline's average on hand at {@code fillRate}, interpolated on its curve; NaN outside it. */
    double onHandAt(Function<Point, SimulationResult> policy, double fillRate) {
        List<double[]> curve = new ArrayList<>();
        for (Point p : points) {
            SimulationResult r = policy.apply(p);
            if (!Double.isNaN(r.fillRate()) && !Double.isNaN(r.averageOnHand())) {
                curve.add(new double[] {r.fillRate(), r.averageOnHand()});
            }
        }
        return interpolate(curve, fillRate);
    }

    /**
     * The piecewise-linear curve through {@code (fill rate, on hand)} points read at {@code x}:
     * NaN outside the points' range; where several points share {@code x}, the least stock.
     */
    static double interpolate(List<double[]> points, double x) {
        if (Double.isNaN(x) || points.isEmpty()) {
            return Double.NaN;
        }
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        double best = Double.NaN;
        for (int i = 0; i < sorted.size(); i++) {
            double[] a = sorted.get(i);
            if (a[0] == x) {
                best = Double.isNaN(best) ? a[1] : Math.min(best, a[1]);
            }
            if (i + 1 < sorted.size()) {
                double[] b = sorted.get(i + 1);
                if (a[0] < x && x < b[0]) {
                    double v = a[1] + (x - a[0]) / (b[0] - a[0]) * (b[1] - a[1]);
                    best = Double.isNaN(best) ? v : Math.min(best, v);
                }
            }
        }
        return best;
    }
}
