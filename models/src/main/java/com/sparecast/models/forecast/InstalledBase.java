package com.sparecast.models.forecast;

import java.util.Arrays;
import java.util.Map;

/**
 * Installed-base forecasting: demand is failures of the units in the field, so the forecast is a
 * failure rate per unit and period times the projected number of units.
 *
 * <p>With units in the field {@code u_t} aligned with the history, the rate over the last
 * {@code window} periods is the Poisson maximum-likelihood estimate
 * {@code r = sum y_t / sum u_t}, and {@code yhat_{n+h} = r * u_{n+h}}. The units array covers the
 * history and, beyond it, the projection; where it ends, the last value is carried forward (a
 * flat fleet). The fitted value at {@code t} is the rate from {@code y[0..t-1]} times {@code u_t}.
 * Periods with no units (an unknown fleet) contribute neither demand nor exposure; with no units
 * at all the rate is 0.
 *
 * <p>Jardine &amp; Tsang, <i>Maintenance, replacement and reliability</i> (2013), ch. 2; Dekker,
 * Pinçe, Zuidwijk &amp; Jalil (2013), "On the use of installed base information for spare parts
 * logistics", EJOR 226(3).
 */
public final class InstalledBase implements ForecastMethod {

    private final double[] units;
    private final int window;

    private InstalledBase(double[] units, int window) {
        if (units == null || units.length == 0) {
            throw new IllegalArgumentException("units in the field must cover at least one period, got none");
        }
        for (int t = 0; t < units.length; t++) {
            if (!(units[t] >= 0) || Double.isInfinite(units[t])) {
                throw new IllegalArgumentException("units in the field must be finite and >= 0, got "
                        + units[t] + " at period " + t);
            }
        }
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1, got " + window);
        }
        this.units = units.clone();
        this.window = window;
    }

    /**
     * The method for one series' installed base: {@code units[t]} in the field in period
     * {@code t}, history first then the projection; the rate is estimated over all the history.
     */
    public static InstalledBase of(double[] units) {
        return new InstalledBase(units, Integer.MAX_VALUE);
    }

    /** As {@link #of(double[])}, the rate estimated over the last {@code window} periods only. */
    public static InstalledBase of(double[] units, int window) {
        return new InstalledBase(units, window);
    }

    @Override
    public String alias() {
        return "InstalledBase";
    }

    private double unitsAt(int t) {
        return units[Math.min(t, units.length - 1)];
    }

    private double rate(double[] y, int len) {
        double demand = 0;
        double exposure = 0;
        for (int t = Math.max(0, len - window); t < len; t++) {
            double u = unitsAt(t);
            if (u > 0) {
                demand += y[t];
                exposure += u;
            }
        }
        return exposure > 0 ? demand / exposure : 0;
    }

    @Override
    public FittedForecast fit(double[] y) {
        Series.requireValid(y);
        int n = y.length;
        double[] rates = new double[n + 1];
        rates[0] = Double.NaN;
        for (int t = 1; t <= n; t++) {
            rates[t] = rate(y, t);
        }
        return new Fitted(rates);
    }

    /** {@code rates[t]}: the failure rate from the first {@code t} observations. */
    private final class Fitted implements FittedForecast {
        private final double[] rates;
        private final int n;

        Fitted(double[] rates) {
            this.rates = rates;
            this.n = rates.length - 1;
        }

        @Override
        public double[] forecast(int horizon) {
            if (horizon < 1) {
                throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
            }
            double[] out = new double[horizon];
            for (int h = 0; h < horizon; h++) {
                out[h] = rates[n] * unitsAt(n + h);
            }
            return out;
        }

        @Override
        public double[] fitted() {
            return fitted(1);
        }

        @Override
        public double[] fitted(int steps) {
            return StepsAhead.fitted(n, steps, 1, (origin, t) -> rates[origin] * unitsAt(t));
        }

        @Override
        public Map<String, Double> parameters() {
            return Map.of("failureRate", rates[n], "unitsAtOrigin", unitsAt(n - 1));
        }

        @Override
        public String toString() {
            return "InstalledBase" + Arrays.toString(forecast(1));
        }
    }
}
