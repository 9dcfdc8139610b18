package com.sparecast.models.selection;

import com.sparecast.models.series.DemandClass;
import com.sparecast.models.series.IntermittencyStatistics;

/**
 * The forecast of one series as the planner sees it.
 *
 * @param method alias of the method that made the forecast
 * @param reason why that method was chosen, in a few words for the planner
 * @param demandClass the series' SBC class
 * @param statistics the intermittency statistics the class came from
 * @param mean expected demand per future period, one element per horizon step
 * @param errorVariance variance of the one-step-ahead forecast error per period (in-sample
 *     mean squared error), the spread the lead-time demand distribution starts from
 * @param spanErrorVariance element {@code k - 1}: the in-sample mean squared error of the demand
 *     summed over the {@code k} periods after an origin, forecast from that origin; it grows
 *     faster than {@code k * errorVariance} when errors persist (a level the method has not
 *     caught up with, a trend, a season). Empty when unknown: spans then scale the one-step
 *     variance ({@link #spanErrorVariance(double)})
 */
public record SeriesForecast(
        String method,
        String reason,
        DemandClass demandClass,
        IntermittencyStatistics statistics,
        double[] mean,
        double errorVariance,
        double[] spanErrorVariance) implements java.io.Serializable {

    /** A forecast whose span errors are taken as independent one-step errors. */
    public SeriesForecast(String method, String reason, DemandClass demandClass, IntermittencyStatistics statistics,
                          double[] mean, double errorVariance) {
        this(method, reason, demandClass, statistics, mean, errorVariance, new double[0]);
    }

    /** Expected demand per period averaged over the horizon. */
    public double meanPerPeriod() {
        double sum = 0;
        for (double m : mean) {
            sum += m;
        }
        return mean.length == 0 ? 0 : sum / mean.length;
    }

    /**
     * Expected demand per period over the next {@code span} periods (not necessarily whole): what
     * a stock policy protecting that span plans for. Beyond the horizon the last period's mean
     * holds; a span of 0 gives the first period's mean. Equals {@link #meanPerPeriod()} over the
     * whole horizon, and for every span when the forecast is flat.
     *
     * @param span periods, &gt;= 0
     */
    public double meanPerPeriod(double span) {
        if (!(span >= 0) || Double.isInfinite(span)) {
            throw new IllegalArgumentException("span must be finite and >= 0, got " + span);
        }
        if (mean.length == 0) {
            return 0;
        }
        if (span == 0) {
            return mean[0];
        }
        double sum = 0;
        double covered = 0;
        for (int h = 0; covered < span; h++) {
            double weight = Math.min(1, span - covered);
            sum += weight * mean[Math.min(h, mean.length - 1)];
            covered += weight;
        }
        return sum / span;
    }

    /**
     * The variance of the forecast error of demand summed over {@code span} periods (not
     * necessarily whole): linear between the whole spans of {@link #spanErrorVariance()}, from 0
     * at span 0; beyond its last span, or without it, {@code span * errorVariance}, or the last
     * known span's variance scaled by length where that is larger.
     *
     * @param span periods, &gt;= 0
     */
    public double spanErrorVariance(double span) {
        if (!(span >= 0) || Double.isInfinite(span)) {
            throw new IllegalArgumentException("span must be finite and >= 0, got " + span);
        }
        int known = spanErrorVariance.length;
        if (span > known) {
            double scaled = span * errorVariance;
            return known == 0 ? scaled : Math.max(scaled, spanErrorVariance[known - 1] * span / known);
        }
        int below = (int) Math.floor(span);
        double low = below == 0 ? 0 : spanErrorVariance[below - 1];
        if (below == span) {
            return low;
        }
        return low + (span - below) * (spanErrorVariance[below] - low);
    }
}
