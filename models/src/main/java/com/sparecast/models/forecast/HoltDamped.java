package com.sparecast.models.forecast;

import java.util.Map;

/**
 * Holt's linear method with a damped trend, in the error-correction form of ETS(A,Ad,N).
 *
 * <p>{@code yhat_t = l_{t-1} + phi b_{t-1}}, {@code e_t = y_t - yhat_t},
 * {@code l_t = l_{t-1} + phi b_{t-1} + alpha e_t}, {@code b_t = phi b_{t-1} + beta e_t}, and
 * {@code yhat_{n+h} = l_n + (phi + phi^2 + ... + phi^h) b_n} (Hyndman et al. 2008, table 2.1;
 * R's {@code holt(damped = TRUE)} uses the same recursion with {@code beta} in this form).
 *
 * <p>Initial state: by default the state after the first observation is {@code l = y_0, b = 0}
 * (a trend is learnt from the data, not assumed); {@link #withInitialState} sets the state before
 * the first observation instead, as ETS estimates it. Forecasts are floored at 0: demand is never
 * negative.
 *
 * <p>The optimised variant searches a fixed grid for the least in-sample squared one-step error:
 * {@code alpha} in {0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7}, {@code beta / alpha} in {0, 0.05, 0.2, 0.5}
 * and {@code phi} in {0.8, 0.9, 0.98} (ETS's admissible damping range); ties go to the first.
 *
 * <p>Gardner &amp; McKenzie (1985), "Forecasting trends in time series", Management Science 31(10).
 */
public final class HoltDamped implements ForecastMethod {

    static final double[] GRID_ALPHA = {0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7};
    static final double[] GRID_BETA_SHARE = {0, 0.05, 0.2, 0.5};
    static final double[] GRID_PHI = {0.8, 0.9, 0.98};

    private final double alpha;
    private final double beta;
    private final double phi;
    private final double level0;
    private final double trend0;

    private HoltDamped(double alpha, double beta, double phi, double level0, double trend0) {
        this.alpha = alpha;
        this.beta = beta;
        this.phi = phi;
        this.level0 = level0;
        this.trend0 = trend0;
    }

    /** Damped Holt with fixed {@code alpha} in (0, 1], {@code beta} in [0, alpha], {@code phi} in (0, 1]. */
    public static HoltDamped of(double alpha, double beta, double phi) {
        Series.requireUnitInterval("alpha", alpha);
        Series.requireUnitInterval("phi", phi);
        if (!(beta >= 0 && beta <= alpha)) {
            throw new IllegalArgumentException("beta must be in [0, alpha], got " + beta + " with alpha " + alpha);
        }
        return new HoltDamped(alpha, beta, phi, Double.NaN, Double.NaN);
    }

    /** Damped Holt with its constants chosen on the grid. */
    public static HoltDamped optimized() {
        return new HoltDamped(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** This method started from level {@code l0} and trend {@code b0} before the first observation. */
    public HoltDamped withInitialState(double l0, double b0) {
        if (!Double.isFinite(l0) || !Double.isFinite(b0)) {
            throw new IllegalArgumentException("initial state must be finite, got " + l0 + ", " + b0);
        }
        return new HoltDamped(alpha, beta, phi, l0, b0);
    }

    @Override
    public String alias() {
        return "HoltDamped";
    }

    @Override
    public FittedForecast fit(double[] y) {
        Series.requireValid(y);
        double a = alpha;
        double b = beta;
        double f = phi;
        if (Double.isNaN(a)) {
            double best = Double.POSITIVE_INFINITY;
            a = GRID_ALPHA[0];
            b = 0;
            f = GRID_PHI[0];
            for (double ga : GRID_ALPHA) {
                for (double share : GRID_BETA_SHARE) {
                    for (double gp : GRID_PHI) {
                        double sse = run(y, ga, ga * share, gp, level0, trend0);
                        if (sse < best) {
                            best = sse;
                            a = ga;
                            b = ga * share;
                            f = gp;
                        }
                    }
                }
            }
        }
        int n = y.length;
        double[] levels = new double[n + 1];
        double[] trends = new double[n + 1];
        run(y, a, b, f, level0, trend0, levels, trends);
        return new TrendForecast(levels, trends, f, Map.of("alpha", a, "beta", b, "phi", f));
    }

    private static double run(double[] y, double a, double b, double f, double l0, double b0) {
        return run(y, a, b, f, l0, b0, null, null);
    }

    /**
     * Runs the recursion; returns the in-sample SSE. If given, {@code levels[t]} and
     * {@code trends[t]} (length {@code n + 1}) receive the state after the first {@code t}
     * observations, {@code NaN} before the first state.
     */
    private static double run(double[] y, double a, double b, double f, double l0, double b0,
                              double[] levels, double[] trends) {
        double l;
        double tr;
        int start;
        if (Double.isNaN(l0)) {
            l = y[0];
            tr = 0;
            start = 1;
            if (levels != null) {
                levels[0] = Double.NaN;
                trends[0] = Double.NaN;
            }
        } else {
            l = l0;
            tr = b0;
            start = 0;
        }
        double sse = 0;
        for (int t = start; t < y.length; t++) {
            if (levels != null) {
                levels[t] = l;
                trends[t] = tr;
            }
            double yhat = l + f * tr;
            double e = y[t] - yhat;
            sse += e * e;
            l = yhat + a * e;
            tr = f * tr + b * e;
        }
        if (levels != null) {
            levels[y.length] = l;
            trends[y.length] = tr;
        }
        return sse;
    }

    /**
     * Forecast {@code l + (phi + ... + phi^h) b}, floored at 0, from the state after the last
     * observation; the fitted values come from the state after each prefix.
     */
    record TrendForecast(double[] levels, double[] trends, double phi, Map<String, Double> parameters)
            implements FittedForecast {

        @Override
        public double[] forecast(int horizon) {
            if (horizon < 1) {
                throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
            }
            int n = levels.length - 1;
            double[] out = new double[horizon];
            for (int h = 0; h < horizon; h++) {
                out[h] = from(n, damping(h + 1));
            }
            return out;
        }

        @Override
        public double[] fitted() {
            return fitted(1);
        }

        @Override
        public double[] fitted(int steps) {
            double damp = damping(steps);
            // levels[0] is NaN when the state starts after the first observation: from() gives NaN.
            return StepsAhead.fitted(levels.length - 1, steps, 0, (origin, t) -> from(origin, damp));
        }

        /** {@code phi + phi^2 + ... + phi^steps}. */
        private double damping(int steps) {
            double damp = 0;
            double power = 1;
            for (int h = 0; h < steps; h++) {
                power *= phi;
                damp += power;
            }
            return damp;
        }

        /** The forecast from the state after {@code origin} observations (NaN if none), given its damping sum. */
        private double from(int origin, double damp) {
            return Math.max(0, levels[origin] + damp * trends[origin]);
        }
    }
}
