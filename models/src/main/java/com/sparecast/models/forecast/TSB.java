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
        double[] z = new double[GRID_D.length * n];
        double[] p = new double[GRID_P.length * n];
        for (int d = 0; d < GRID_D.length; d++) {
            double a = GRID_D[d];
            double level = y[0] > 0 ? y[0] : Double.NaN;
            int base = d * n;
            for (int t = 1; t < n; t++) {
                // Before the first demand the forecast is 0: a size of 0 makes it so.
                z[base + t] = Double.isNaN(level) ? 0 : level;
                double v = y[t];
                if (v > 0) {
                    level = Double.isNaN(level) ? v : level + a * (v - level);
                }
            }
        }
        for (int q = 0; q < GRID_P.length; q++) {
            double a = GRID_P[q];
            double prob = y[0] > 0 ? 1 : 0;
            int base = q * n;
            for (int t = 1; t < n; t++) {
                p[base + t] = prob;
                prob += a * ((y[t] > 0 ? 1 : 0) - prob);
            }
        }
        int best = 0;
        double bestSse = Double.POSITIVE_INFINITY;
        // Five probability constants per pass: independent sums keep the pipeline full.
        for (int d = 0; d < GRID_D.length; d++) {
            int zb = d * n;
            for (int q = 0; q < GRID_P.length; q += 5) {
                int p0 = q * n;
                int p1 = p0 + n;
                int p2 = p1 + n;
                int p3 = p2 + n;
                int p4 = p3 + n;
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                double s4 = 0;
                for (int t = 1; t < n; t++) {
                    double zt = z[zb + t];
                    double yt = y[t];
                    double e0 = yt - p[p0 + t] * zt;
                    double e1 = yt - p[p1 + t] * zt;
                    double e2 = yt - p[p2 + t] * zt;
                    double e3 = yt - p[p3 + t] * zt;
                    double e4 = yt - p[p4 + t] * zt;
                    s0 += e0 * e0;
                    s1 += e1 * e1;
                    s2 += e2 * e2;
                    s3 += e3 * e3;
                    s4 += e4 * e4;
                }
                double[] sums = {s0, s1, s2, s3, s4};
                for (int i = 0; i < 5; i++) {
                    if (sums[i] < bestSse) {
                        bestSse = sums[i];
                        best = d * GRID_P.length + q + i;
                    }
                }
            }
        }
        return best;
    }
}
