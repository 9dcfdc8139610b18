package com.sparecast.models.forecast;

import java.util.Map;

/**
 * Teunter-Syntetos-Babai: the demand probability is smoothed every period and the demand size
 * only in periods with demand; the forecast per period is their product.
 *
 * <p>{@code d_t = 1[y_t > 0]}; {@code p_t = p_{t-1} + alpha_p (d_t - p_{t-1})} every period;
 * {@code z_t = z_{t-1} + alpha_d (y_t - z_{t-1})} when {@code y_t > 0}; {@code yhat = p z}.
 * Initialisation of statsforecast's {@code TSB}: {@code p} starts at {@code d_0}, {@code z} at the
 * first demand size; before the first demand the forecast is 0.
 *
 * <p>The optimised variant searches a fixed grid, {@code alpha_d} in {0.02, 0.05, 0.1, ..., 0.5}
 * and {@code alpha_p} in {0.01, 0.02, 0.05, 0.1, ..., 0.5}, for the least in-sample squared
 * one-step error; ties go to the smaller constants. A grid is deterministic, cheap (one pass per
 * point) and never stalls on the flat stretches the objective has on sparse series.
 *
 * <p>Teunter, Syntetos &amp; Babai (2011), "Intermittent demand: linking forecasting to inventory
 * obsolescence", EJOR 214(3), 606-615.
 */
public final class TSB implements ForecastMethod {

    static final double[] GRID_D = {0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5};
    static final double[] GRID_P = {0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5};

    private final double alphaD;
    private final double alphaP;

    private TSB(double alphaD, double alphaP) {
        this.alphaD = alphaD;
        this.alphaP = alphaP;
    }

    /** TSB with fixed constants {@code alphaD} (size) and {@code alphaP} (probability) in (0, 1]. */
    public static TSB of(double alphaD, double alphaP) {
        Series.requireUnitInterval("alphaD", alphaD);
        Series.requireUnitInterval("alphaP", alphaP);
        return new TSB(alphaD, alphaP);
    }

    /** TSB with both constants chosen on the grid by in-sample squared error. */
    public static TSB optimized() {
        return new TSB(Double.NaN, Double.NaN);
    }

    @Override
    public String alias() {
        return "TSB";
    }

    @Override
    public FittedForecast fit(double[] y) {
        Series.requireValid(y);
        double aD = alphaD;
        double aP = alphaP;
        if (Double.isNaN(aD)) {
            int best = grid(y);
            aD = GRID_D[best / GRID_P.length];
            aP = GRID_P[best % GRID_P.length];
        }
        double[] fitted = new double[y.length];
        fitted[0] = Double.NaN;
        double p = y[0] > 0 ? 1 : 0;
        double z = y[0] > 0 ? y[0] : Double.NaN;
        for (int t = 1; t < y.length; t++) {
            fitted[t] = Double.isNaN(z) ? 0 : p * z;
            double v = y[t];
            if (v > 0) {
                p += aP * (1 - p);
                z = Double.isNaN(z) ? v : z + aD * (v - z);
            } else {
                p -= aP * p;
            }
        }
        double level = Double.isNaN(z) ? 0 : p * z;
        return new ConstantForecast(level, fitted, Map.of("alphaD", aD, "alphaP", aP));
    }

    /**
     * Index {@code d * |GRID_P| + p} of the grid point with the least in-sample squared one-step
     * error. The one-step forecasts of the size and of the probability are computed once per
     * constant, so each grid point is one branch-free pass over the series.
     */
    static int grid(double[] y) {
        int n = y.length;
        double[][] z = new double[GRID_D.length][n];
        double[][] p = new double[GRID_P.length][n];
        int first = 0;
        while (first < n && y[first] <= 0) {
            first++;
        }
        // Before the first demand the forecast is 0: a size of 0 makes it so (rows start at 0).
        for (int d = 0; d < GRID_D.length; d++) {
            double a = GRID_D[d];
            double[] row = z[d];
            if (first < n) {
                double level = y[first];
                for (int t = first + 1; t < n; t++) {
                    row[t] = level;
                    double v = y[t];
                    if (v > 0) {
                        level += a * (v - level);
                    }
                }
            }
        }
        for (int q = 0; q < GRID_P.length; q++) {
            double a = GRID_P[q];
            double c = 1 - a;
            double[] row = p[q];
            double prob = y[0] > 0 ? 1 : 0;
            for (int t = 1; t < n; t++) {
                row[t] = prob;
                prob = c * prob + (y[t] > 0 ? a : 0);
            }
        }
        int best = 0;
        double bestSse = Double.POSITIVE_INFINITY;
        // Five probability constants per pass: independent sums keep the pipeline full.
        for (int d = 0; d < GRID_D.length; d++) {
            double[] zr = z[d];
            for (int q = 0; q < GRID_P.length; q += 5) {
                double[] r0 = p[q];
                double[] r1 = p[q + 1];
                double[] r2 = p[q + 2];
                double[] r3 = p[q + 3];
                double[] r4 = p[q + 4];
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                double s4 = 0;
                for (int t = 1; t < n; t++) {
                    double zt = zr[t];
                    double yt = y[t];
                    double e0 = yt - r0[t] * zt;
                    double e1 = yt - r1[t] * zt;
                    double e2 = yt - r2[t] * zt;
                    double e3 = yt - r3[t] * zt;
                    double e4 = yt - r4[t] * zt;
                    s0 += e0 * e0;
                    s1 += e1 * e1;
                    s2 += e2 * e2;
                    s3 += e3 * e3;
                    s4 += e4 * e4;
                }
                int base = d * GRID_P.length + q;
                if (s0 < bestSse) {
                    bestSse = s0;
                    best = base;
                }
                if (s1 < bestSse) {
                    bestSse = s1;
                    best = base + 1;
                }
                if (s2 < bestSse) {
                    bestSse = s2;
                    best = base + 2;
                }
                if (s3 < bestSse) {
                    bestSse = s3;
                    best = base + 3;
                }
                if (s4 < bestSse) {
                    bestSse = s4;
                    best = base + 4;
                }
            }
        }
        return best;
    }
}
