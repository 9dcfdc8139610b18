package com.sparecast.jobs.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.lit;

import com.sparecast.jobs.stage.Datasets;
import com.sparecast.jobs.stage.ForecastSchema;
import com.sparecast.jobs.stage.Stage;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Date;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** {@code forecasts.parquet}: one row per series and future week with its mean and quantiles. */
final class ForecastFile {

    static final String PATH = "forecasts.parquet";

    private ForecastFile() {
    }

    static void write(Stage stage, Path build) throws IOException {
        // Sort the series, not the exploded rows: posexplode keeps each series' horizons in order, so
        // the file comes out in (part_no, region, horizon) order from a sort of 1/h as many rows.
        Dataset<Row> series = stage.read(Datasets.SERIES_FORECASTS).filter(col("error").isNull())
                .orderBy("part_no", "region");
        Dataset<Row> exploded = series.selectExpr("part_no", "region", "method", "demand_class",
                        "posexplode(arrays_zip(forecast, quantiles)) as (h, f)")
                .withColumn("period", date_add(lit(Date.valueOf(stage.run().firstIncompleteWeek())), col("h").multiply(7)))
                .withColumn("horizon", col("h").plus(1))
                .withColumn("mean", col("f.forecast"));
        for (int i = 0; i < ForecastSchema.QUANTILES.length; i++) {
            String name = String.format("p%02d", Math.round(ForecastSchema.QUANTILES[i] * 100));
            exploded = exploded.withColumn(name, col("f.quantiles").getItem(i));
        }
        Dataset<Row> forecasts = exploded.drop("h", "f")
                .select("part_no", "region", "period", "horizon", "method", "demand_class", "mean", "p50", "p80", "p90", "p95");
        SingleParquetFile.write(forecasts, build.resolve(PATH));
    }
}
