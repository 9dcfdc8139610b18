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
            double best = Double.POSITIVE_INFINITY;
            aD = GRID_D[0];
            aP = GRID_P[0];
            for (double d : GRID_D) {
                for (double p : GRID_P) {
                    double sse = sse(y, d, p);
                    if (sse < best) {
                        best = sse;
                        aD = d;
                        aP = p;
                    }
                }
            }
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

    /** In-sample sum of squared one-step errors from the first demand on. */
    static double sse(double[] y, double aD, double aP) {
        double p = y[0] > 0 ? 1 : 0;
        double z = y[0] > 0 ? y[0] : Double.NaN;
        double sse = 0;
        for (int t = 1; t < y.length; t++) {
            double v = y[t];
            if (!Double.isNaN(z)) {
                double e = v - p * z;
                sse += e * e;
            }
            if (v > 0) {
                p += aP * (1 - p);
                z = Double.isNaN(z) ? v : z + aD * (v - z);
            } else {
                p -= aP * p;
            }
        }
        return sse;
    }
}
