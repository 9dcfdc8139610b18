package com.sparecast.jobs.forecasting;

import com.sparecast.models.distribution.LeadTimeDemandModel;
import com.sparecast.models.selection.AutomaticForecaster;
import com.sparecast.models.selection.SeriesForecast;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Forecasts one (part, region) series inside a Spark executor: builds the dense weekly history
 * (missing weeks are zero) over the training window and hands it to the models' automatic
 * forecaster. A series the engine cannot forecast gets a row with its error, not a failed run.
 */
final class SeriesForecaster implements FlatMapGroupsFunction<String, Row, Row> {

    private static final long serialVersionUID = 1L;

    private final LocalDate windowStart;
    private final int windowWeeks;
    private final int horizon;

    /**
     * @param firstIncompleteWeek the week after the last complete one
     * @param windowWeeks training window in weeks
     * @param horizon weeks to forecast
     */
    SeriesForecaster(LocalDate firstIncompleteWeek, int windowWeeks, int horizon) {
        this.windowStart = firstIncompleteWeek.minusWeeks(windowWeeks);
        this.windowWeeks = windowWeeks;
        this.horizon = horizon;
    }

    @Override
    public Iterator<Row> call(String key, Iterator<Row> weeks) {
        double[] window = new double[windowWeeks];
        String partNo = null;
        String region = null;
        LocalDate earliest = null;
        while (weeks.hasNext()) {
            Row row = weeks.next();
            partNo = row.getString(0);
            region = row.getString(1);
            LocalDate week = row.getDate(2).toLocalDate();
            earliest = earliest == null || week.isBefore(earliest) ? week : earliest;
            int index = (int) ChronoUnit.WEEKS.between(windowStart, week);
            if (index >= 0 && index < windowWeeks) {
                window[index] += row.getLong(3);
            }
        }
        // A part that started selling inside the window has history from its first week only.
        int start = earliest.isBefore(windowStart) ? 0 : (int) ChronoUnit.WEEKS.between(windowStart, earliest);
        double[] history = Arrays.copyOfRange(window, start, windowWeeks);
        LocalDate firstWeek = windowStart.plusWeeks(start);
        return List.of(forecast(partNo, region, firstWeek, history)).iterator();
    }

    private Row forecast(String partNo, String region, LocalDate firstWeek, double[] history) {
        Double[] boxedHistory = box(history);
        try {
            SeriesForecast f = AutomaticForecaster.withDefaults().forecast(history, horizon);
            double[][] q = LeadTimeDemandModel.withDefaults().quantiles(f, ForecastSchema.QUANTILES);
            Double[][] quantiles = new Double[q.length][];
            for (int h = 0; h < q.length; h++) {
                quantiles[h] = box(q[h]);
            }
            return RowFactory.create(partNo, region, Date.valueOf(firstWeek), boxedHistory, f.method(), f.reason(),
                    f.demandClass().name(), finite(f.statistics().adi()), f.statistics().cv2(),
                    f.statistics().zeroShare(), f.meanPerPeriod(), f.errorVariance(), box(f.mean()),
                    quantiles, null);
        } catch (RuntimeException e) {
            return RowFactory.create(partNo, region, Date.valueOf(firstWeek), boxedHistory, "None",
                    "no forecast possible", "NO_DEMAND", 0.0, 0.0, 1.0, 0.0, 0.0, new Double[0], new Double[0][],
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** ADI is infinite for a series without demand; Parquet and CSV readers want a number. */
    private static double finite(double value) {
        return Double.isInfinite(value) ? 0 : value;
    }

    private static Double[] box(double[] values) {
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
