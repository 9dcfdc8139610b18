package com.sparecast.models.forecast;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Simple exponential smoothing kernels shared by the methods: tight loops over a slice of an
 * array, no allocation.
 *
 * <p>The level starts at the first value ({@code initial = "simple"} in R's {@code ses}, and the
 * initialisation of statsforecast): {@code l_0 = x_0}, {@code l_t = l_{t-1} + alpha (x_t - l_{t-1})};
 * the one-step forecast of {@code x_t} is {@code l_{t-1}}.
 */
final class Smoothing {

    /** Relative and absolute tolerance of Brent's search for a smoothing constant. */
    private static final double REL_TOL = 1e-6;
    private static final double ABS_TOL = 1e-4;
    private static final int MAX_EVAL = 200;

    private Smoothing() {
    }

    /** The level after smoothing {@code x[from .. from+len)}, or NaN when {@code len == 0}. */
    static double level(double[] x, int from, int len, double alpha) {
        if (len == 0) {
            return Double.NaN;
        }
        double l = x[from];
        for (int i = from + 1; i < from + len; i++) {
            l += alpha * (x[i] - l);
        }
        return l;
    }

    /** Sum of squared one-step errors {@code sum_{t>=1} (x_t - l_{t-1})^2} over the slice. */
    static double sse(double[] x, int from, int len, double alpha) {
        if (len < 2) {
            return 0;
        }
        // l_t = (1 - alpha) l_{t-1} + alpha x_t: the dependency chain is one fused multiply-add per step.
        double c = 1 - alpha;
        double l = x[from];
        double sse = 0;
        for (int i = from + 1; i < from + len; i++) {
            double xi = x[i];
            double e = xi - l;
            sse += e * e;
            l = Math.fma(c, l, alpha * xi);
        }
        return sse;
    }

    /**
     * The smoothing constant in {@code [lower, upper]} that minimises {@link #sse}, by Brent's
     * method (commons-math3 {@link BrentOptimizer}), as statsforecast minimises the same in-sample
     * SSE. Fewer than three values give no information: the lower bound is returned.
     */
    static double optimalAlpha(double[] x, int from, int len, double lower, double upper) {
        if (len < 3 || lower == upper) {
            return lower;
        }
        BrentOptimizer optimizer = new BrentOptimizer(REL_TOL, ABS_TOL);
        UnivariatePointValuePair optimum = optimizer.optimize(
                new MaxEval(MAX_EVAL),
                new UnivariateObjectiveFunction(a -> sse(x, from, len, a)),
                GoalType.MINIMIZE,
                new SearchInterval(lower, upper, 0.5 * (lower + upper)));
        double best = optimum.getPoint();
        double sBest = optimum.getValue();
        // Brent never evaluates the end points; a monotone SSE has its optimum there.
        double sLower = sse(x, from, len, lower);
        if (sLower <= sBest) {
            best = lower;
            sBest = sLower;
        }
        if (sse(x, from, len, upper) < sBest) {
            best = upper;
        }
        return best;
    }

    /** Mean inter-demand interval, counting the first interval from the start (statsforecast). */
    static double meanInterval(double[] y, int len) {
        int k = 0;
        int last = 0;
        double sum = 0;
        for (int t = 0; t < len; t++) {
            if (y[t] > 0) {
                sum += t + 1 - last;
                last = t + 1;
                k++;
            }
        }
        return k == 0 ? Double.NaN : sum / k;
    }
}
