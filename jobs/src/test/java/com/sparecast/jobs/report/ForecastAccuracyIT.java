package com.sparecast.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sparecast.jobs.config.Settings;
import com.sparecast.jobs.spark.SparkSessions;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bias and RMSSE of an earlier run's forecasts, on a few rows worked out by hand. */
class ForecastAccuracyIT {

    @TempDir
    Path temp;

    @Test
    void biasAndRmsseByRegionAndClassPerEarlierRun() {
        SparkSession spark = SparkSessions.create("local[1]", Settings.withOverrides(Map.of()), temp);
        try {
            StructType forecasts = new StructType().add("part_no", "string").add("region", "string")
                    .add("period", "date").add("mean", "double").add("demand_class", "string").add("run_date", "string");
            Dataset<Row> earlier = spark.createDataFrame(List.of(
                    RowFactory.create("P1", "EU", date("2026-11-09"), 2.0, "SMOOTH", "2026-11-06"),
                    RowFactory.create("P1", "EU", date("2026-11-16"), 2.0, "SMOOTH", "2026-11-06"), // not observed yet
                    RowFactory.create("P2", "EU", date("2026-11-09"), 1.0, "LUMPY", "2026-11-06"),
                    RowFactory.create("P1", "ALL", date("2026-11-09"), 9.0, "SMOOTH", "2026-11-06")), forecasts);
            Dataset<Row> weekly = spark.createDataFrame(List.of(RowFactory.create("P1", "EU", date("2026-11-09"), 4L)),
                    new StructType().add("part_no", "string").add("region", "string").add("week", "date")
                            .add("quantity", "long"));
            StructType seriesSchema = new StructType().add("part_no", "string").add("region", "string")
                    .add("history", DataTypes.createArrayType(DataTypes.DoubleType));
            Dataset<Row> series = spark.createDataFrame(List.of(
                    RowFactory.create("P1", "EU", Arrays.asList(1.0, 3.0, 1.0, 3.0)),
                    RowFactory.create("P2", "EU", Arrays.asList(0.0, 0.0))), seriesSchema);

            List<TableData> tables = ForecastAccuracy.tables(earlier, weekly, series, LocalDate.parse("2026-11-16"), "ALL");

            // P1: actual 4, forecast 2: bias -2, RMSE 2, naive RMSE sqrt((4+4+4)/3) = 2, RMSSE 1.
            // P2: no demand (0), forecast 1: bias +1; zero scale, so no RMSSE.
            assertEquals(List.of("run_date", "RMSSE EU", "bias EU"), tables.get(0).header());
            assertEquals(List.of(List.of("2026-11-06", 1.0, -0.5)), tables.get(0).rows());
            assertEquals(List.of("run_date", "RMSSE LUMPY", "RMSSE SMOOTH", "bias LUMPY", "bias SMOOTH"),
                    tables.get(1).header());
            assertEquals(Arrays.asList("2026-11-06", null, 1.0, 1.0, -2.0), tables.get(1).rows().get(0));
        } finally {
            spark.stop();
        }
    }

    private static Date date(String iso) {
        return Date.valueOf(iso);
    }
}
