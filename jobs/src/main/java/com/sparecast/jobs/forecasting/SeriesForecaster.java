package com.sparecast.jobs.forecasting;

import com.sparecast.jobs.spark.Columns;
import com.sparecast.jobs.stage.ForecastSchema;
import com.sparecast.models.distribution.LeadTimeDemandModel;
import com.sparecast.models.selection.AutomaticForecaster;
import com.sparecast.models.selection.SeriesForecast;
import java.util.List;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Forecasts one series of {@link SeriesHistories} inside a Spark executor with the models'
 * automatic forecaster. A series the engine cannot forecast gets a row with its error, not a
 * failed run.
 */
final class SeriesForecaster implements Function<Row, Row> {

    private static final long serialVersionUID = 2L;

    private final AutomaticForecaster auto;
    private final int horizon;

    /**
     * @param auto the automatic forecaster, its default already chosen
     * @param horizon weeks to forecast
     */
    SeriesForecaster(AutomaticForecaster auto, int horizon) {
        this.auto = auto;
        this.horizon = horizon;
    }

    @Override
    public Row call(Row series) {
        String partNo = series.getString(0);
        String region = series.getString(1);
        java.sql.Date firstWeek = series.getDate(2);
        List<Double> boxedHistory = series.getList(3);
        Double[] history = boxedHistory.toArray(new Double[0]);
        try {
            SeriesForecast f = auto.forecast(SeriesHistories.history(series), horizon);
            double[][] q = LeadTimeDemandModel.withDefaults().quantiles(f, ForecastSchema.QUANTILES);
            Double[][] quantiles = new Double[q.length][];
            for (int h = 0; h < q.length; h++) {
                quantiles[h] = Columns.boxed(q[h]);
            }
            return RowFactory.create(partNo, region, firstWeek, history, f.method(), f.reason(),
                    f.demandClass().name(), finite(f.statistics().adi()), f.statistics().cv2(),
                    f.statistics().zeroShare(), f.meanPerPeriod(), f.errorVariance(),
                    Columns.boxed(f.spanErrorVariance()), Columns.boxed(f.mean()), quantiles, null);
        } catch (RuntimeException e) {
            return RowFactory.create(partNo, region, firstWeek, history, "None",
                    "no forecast possible", "NO_DEMAND", 0.0, 0.0, 1.0, 0.0, 0.0, new Double[0], new Double[0],
                    new Double[0][],
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** ADI is infinite for a series without demand; Parquet and CSV readers want a number. */
    private static double finite(double value) {
        return Double.isInfinite(value) ? 0 : value;
    }
}
