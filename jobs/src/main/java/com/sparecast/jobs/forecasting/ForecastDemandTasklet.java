package com.sparecast.jobs.forecasting;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import com.sparecast.jobs.batch.RunRequest;
import com.sparecast.jobs.batch.StageTasklet;
import com.sparecast.jobs.demand.AggregateDemandTasklet;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Step {@code forecastDemand}: one forecast per (part, region) series, computed by the models'
 * automatic forecaster in the executors ({@code groupByKey} then {@code flatMapGroups}); the
 * driver only coordinates.
 */
public final class ForecastDemandTasklet extends StageTasklet {

    public static final String SERIES_FORECASTS = "forecast/series";
    /** Region of the series that sums a part's demand over all regions. */
    public static final String ALL_REGIONS = "ALL";

    public ForecastDemandTasklet(RunRequest request, Supplier<SparkSession> spark) {
        super(request, spark);
    }

    @Override
    protected void run(Stage stage) {
        int windowWeeks = stage.settings().getInt("sparecast.forecast.history-weeks");
        int horizon = stage.settings().getInt("sparecast.forecast.horizon-weeks");
        LocalDate firstIncompleteWeek = AggregateDemandTasklet.firstIncompleteWeek(stage.planningDate());
        Dataset<Row> weekly = stage.spark().read().parquet(stage.paths().uri(AggregateDemandTasklet.WEEKLY_DEMAND))
                .select(col("part_no"), col("region"), col("week"), col("quantity"));
        // The central warehouse plans from what all regions draw: each part's total is a series too.
        Dataset<Row> total = weekly.groupBy(col("part_no"), col("week")).agg(sum("quantity").as("quantity"))
                .select(col("part_no"), lit(ALL_REGIONS).as("region"), col("week"), col("quantity"));
        Dataset<Row> forecasts = weekly.unionByName(total)
                .groupByKey((MapFunction<Row, String>) r -> r.getString(0) + '\u0001' + r.getString(1), Encoders.STRING())
                .flatMapGroups(new SeriesForecaster(firstIncompleteWeek, windowWeeks, horizon),
                        Encoders.row(ForecastSchema.SERIES));
        forecasts.write().mode(SaveMode.Overwrite).parquet(stage.paths().uri(SERIES_FORECASTS));
        Dataset<Row> written = stage.spark().read().parquet(stage.paths().uri(SERIES_FORECASTS));
        // Read: the (part, region) series; written: those plus each part's all-region total.
        stage.countRead(written.filter(col("region").notEqual(ALL_REGIONS)).count());
        stage.countWritten(written.count());
        stage.countRejected(written.filter(col("error").isNotNull()).count());
    }
}
