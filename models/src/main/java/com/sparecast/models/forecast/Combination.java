package com.sparecast.models.forecast;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The equal-weight combination of several methods: every forecast, one-step and
 * {@code steps}-ahead fitted value is the mean, or the median, of the members' values.
 *
 * <p>With members {@code f_1 .. f_k}: {@code yhat = (1 / k) sum_i f_i} (mean), or the middle
 * value of the sorted {@code f_i} ({@code k} odd) or the mean of the two middle values
 * ({@code k} even) (median). A fitted value is {@code NaN} where any member's is: the combination
 * forecasts only where every member does. Each member is fitted to the series on its own, with
 * its own parameters; the combination adds none.
 *
 * <p>Equal weights because estimated weights lose to them out of sample (the "forecast
 * combination puzzle", Smith &amp; Wallis 2009, OBES 71(3)); the median is robust to one member
 * far off (Jose &amp; Winkler 2008, IJF 24(1)). Makridakis, Spiliotis &amp; Assimakopoulos
 * (2020), "The M4 Competition", IJF 36(1): combinations were among the most accurate entries.
 *
 * <p>Immutable, thread-safe and serializable (if the members are).
 */
public final class Combination implements ForecastMethod {

    private static final long serialVersionUID = 1L;

    /** How the members' values are combined. */
    public enum Statistic {
        /** The arithmetic mean. */
        MEAN,
        /** The median (the mean of the two middle values for an even count). */
        MEDIAN
    }

    private final String alias;
    private final List<ForecastMethod> members;
    private final Statistic statistic;

    private Combination(String alias, List<ForecastMethod> members, Statistic statistic) {
        this.alias = alias;
        this.members = members;
        this.statistic = statistic;
    }

    /**
     * The combination of {@code members} by {@code statistic}, reported as {@code alias}.
     *
     * @throws IllegalArgumentException if there are fewer than 2 members or the alias is blank
     */
    public static Combination of(String alias, Statistic statistic, List<ForecastMethod> members) {
        Objects.requireNonNull(statistic, "statistic");
        if (alias == null || alias.isBlank()) {
            throw new IllegalArgumentException("a combination needs an alias, got '" + alias + "'");
        }
        if (members == null || members.size() < 2) {
            throw new IllegalArgumentException("a combination needs at least 2 members, got "
                    + (members == null ? 0 : members.size()));
        }
        return new Combination(alias, List.copyOf(members), statistic);
    }

    @Override
    public String alias() {
        return alias;
    }

    /** The members, in order. */
    public List<ForecastMethod> members() {
        return members;
    }

    /** How the members' values are combined. */
    public Statistic statistic() {
        return statistic;
    }

    @Override
    public FittedForecast fit(double[] y) {
        Series.requireValid(y);
        FittedForecast[] fits = new FittedForecast[members.size()];
        for (int i = 0; i < fits.length; i++) {
            fits[i] = members.get(i).fit(y);
        }
        return combine(fits);
    }

    /**
     * The combination of members already fitted to the same series, in {@link #members()} order
     * (the automatic choice fits every candidate once and combines those fits).
     *
     * @throws IllegalArgumentException if the count differs from the members'
     */
    public FittedForecast combine(FittedForecast... fits) {
        if (fits.length != members.size()) {
            throw new IllegalArgumentException(alias + " combines " + members.size() + " fits, got " + fits.length);
        }
        return new Fitted(fits.clone(), statistic);
    }

    private static final class Fitted implements FittedForecast {

        private final FittedForecast[] fits;
        private final Statistic statistic;

        Fitted(FittedForecast[] fits, Statistic statistic) {
            this.fits = fits;
            this.statistic = statistic;
        }

        @Override
        public double[] forecast(int horizon) {
            double[][] values = new double[fits.length][];
            for (int i = 0; i < fits.length; i++) {
                values[i] = fits[i].forecast(horizon);
            }
            return combine(values);
        }

        @Override
        public double[] fitted() {
            return fitted(1);
        }

        @Override
        public double[] fitted(int steps) {
            double[][] values = new double[fits.length][];
            for (int i = 0; i < fits.length; i++) {
                values[i] = fits[i].fitted(steps);
            }
            return combine(values);
        }

        @Override
        public Map<String, Double> parameters() {
            Map<String, Double> out = new LinkedHashMap<>();
            out.put("members", (double) fits.length);
            return out;
        }

        private double[] combine(double[][] values) {
            int n = values[0].length;
            int k = values.length;
            double[] out = new double[n];
            double[] column = new double[k];
            for (int t = 0; t < n; t++) {
                boolean missing = false;
                for (int i = 0; i < k; i++) {
                    column[i] = values[i][t];
                    missing |= Double.isNaN(column[i]);
                }
                if (missing) {
                    out[t] = Double.NaN;
                } else if (statistic == Statistic.MEAN) {
                    double sum = 0;
                    for (double v : column) {
                        sum += v;
                    }
                    out[t] = sum / k;
                } else {
                    Arrays.sort(column);
                    out[t] = k % 2 == 1 ? column[k / 2] : (column[k / 2 - 1] + column[k / 2]) / 2;
                }
            }
            return out;
        }
    }
}
