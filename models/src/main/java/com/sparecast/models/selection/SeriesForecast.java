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
 */
public record SeriesForecast(
        String method,
        String reason,
        DemandClass demandClass,
        IntermittencyStatistics statistics,
        double[] mean,
        double errorVariance) implements java.io.Serializable {

    /** Expected demand per period averaged over the horizon. */
    public double meanPerPeriod() {
        double sum = 0;
        for (double m : mean) {
            sum += m;
        }
        return mean.length == 0 ? 0 : sum / mean.length;
    }
}
