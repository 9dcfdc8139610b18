package com.sparecast.jobs.report;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Accuracy of earlier runs' forecasts against the weekly demand that happened since, as far as
 * the current run's history covers, by region and by demand class, one row per earlier run so
 * the figures can be tracked over runs.
 *
 * <p>Per series and earlier run: bias is the mean of (forecast − actual) over the weeks observed
 * since, in units per week (positive: over-forecast); RMSSE is the root mean squared error over
 * those weeks divided by the series' in-sample one-step naive RMSE (Hyndman &amp; Koehler 2006),
 * computed on the current run's history; series whose scale is zero are left out of RMSSE.
 * The figures shown are means over series. Demand class is the one of the earlier run.
 */
public final class ForecastAccuracy {

    /** Earlier runs compared, newest first. */
    public static final int MAX_RUNS = 12;

    private ForecastAccuracy() {
    }

    /**
     * @param earlier forecasts of earlier runs: {@code forecasts.parquet} rows plus {@code run_date}
     * @param weekly the current run's weekly demand (part_no, region, week, quantity)
     * @param series the current run's series (part_no, region, history)
     * @param end the first week not observed by the current run
     */
    public static List<TableData> tables(Dataset<Row> earlier, Dataset<Row> weekly, Dataset<Row> series, LocalDate end,
                                         String allRegions) {
        Dataset<Row> errors = errors(earlier, weekly, series, end, allRegions);
        List<TableData> out = new ArrayList<>();
        out.add(by(errors, "region", "Forecast accuracy of earlier runs by region"));
        out.add(by(errors, "demand_class", "Forecast accuracy of earlier runs by demand class"));
        return out;
    }

    /** Mean RMSSE over series of each earlier run (as {@link #tables}), by run date; runs with no scored series are left out. */
    public static Map<String, Double> meanRmsseByRun(Dataset<Row> earlier, Dataset<Row> weekly, Dataset<Row> series,
                                                     LocalDate end, String allRegions) {
        Map<String, Double> out = new TreeMap<>();
        for (Row r : errors(earlier, weekly, series, end, allRegions).groupBy("run_date").agg(avg("rmsse"))
                .collectAsList()) {
            if (!r.isNullAt(1)) {
                out.put(r.getString(0), r.getDouble(1));
            }
        }
        return out;
    }

    /** Per earlier run and series: bias, RMSE, weeks observed, scale and RMSSE. */
    private static Dataset<Row> errors(Dataset<Row> earlier, Dataset<Row> weekly, Dataset<Row> series, LocalDate end,
                                       String allRegions) {
        Dataset<Row> scale = series.filter(col("region").notEqual(allRegions))
                .select(col("part_no"), col("region"), expr("CASE WHEN size(history) < 2 THEN 0D ELSE sqrt(aggregate("
                        + "sequence(1, size(history) - 1), 0D, (acc, i) -> acc + pow(history[i] - history[i - 1], 2))"
                        + " / (size(history) - 1)) END").as("scale"));
        return earlier.filter(col("region").notEqual(allRegions).and(col("period").lt(lit(Date.valueOf(end)))))
                .join(weekly.select(col("part_no"), col("region"), col("week").as("period"), col("quantity")),
                        new String[] {"part_no", "region", "period"}, "left")
                .withColumn("actual", coalesce(col("quantity").cast("double"), lit(0.0)))
                .groupBy("run_date", "part_no", "region", "demand_class")
                .agg(avg(col("mean").minus(col("actual"))).as("bias"),
                        sqrt(avg(pow(col("mean").minus(col("actual")), 2))).as("rmse"), count(lit(1)).as("weeks"))
                .join(scale, new String[] {"part_no", "region"}, "left")
                .withColumn("rmsse", when(col("scale").gt(0), col("rmse").divide(col("scale"))));
    }

    private static TableData by(Dataset<Row> errors, String dimension, String title) {
        List<Row> rows = errors.groupBy(col("run_date"), col(dimension))
                .agg(count(lit(1)).as("series"), avg("weeks").as("weeks"), avg("bias").as("bias"),
                        avg("rmsse").as("rmsse"))
                .orderBy(col("run_date").desc(), col(dimension)).collectAsList();
        Table table = Table.create(dimension, StringColumn.create("run_date"), StringColumn.create(dimension),
                DoubleColumn.create("series"), DoubleColumn.create("weeks"), DoubleColumn.create("bias"),
                DoubleColumn.create("rmsse"));
        for (Row r : rows) {
            table.stringColumn("run_date").append(r.getString(0));
            table.stringColumn(dimension).append(String.valueOf(r.get(1)));
            table.doubleColumn("series").append(((Number) r.get(2)).doubleValue());
            table.doubleColumn("weeks").append(r.isNullAt(3) ? Double.NaN : r.getDouble(3));
            table.doubleColumn("bias").append(r.isNullAt(4) ? Double.NaN : r.getDouble(4));
            table.doubleColumn("rmsse").append(r.isNullAt(5) ? Double.NaN : r.getDouble(5));
        }
        String id = "accuracy-" + dimension.replace('_', '-');
        String note = "Mean bias (forecast minus actual, units per week) and mean RMSSE over series, per earlier run,"
                + " on the weeks observed since that run. One row per run and " + dimension.replace('_', ' ') + ".";
        if (table.rowCount() == 0) {
            return new TableData(id, title, note, table.columnNames(), List.of());
        }
        // One row per run, one column per region or class: the figures tracked over runs.
        Table rmsse = table.pivot("run_date", dimension, "rmsse", tech.tablesaw.aggregate.AggregateFunctions.mean)
                .sortDescendingOn("run_date");
        Table bias = table.pivot("run_date", dimension, "bias", tech.tablesaw.aggregate.AggregateFunctions.mean)
                .sortDescendingOn("run_date");
        List<String> header = new ArrayList<>(List.of("run_date"));
        for (String c : rmsse.columnNames().subList(1, rmsse.columnCount())) {
            header.add("RMSSE " + c);
        }
        for (String c : bias.columnNames().subList(1, bias.columnCount())) {
            header.add("bias " + c);
        }
        List<List<Object>> merged = new ArrayList<>();
        List<List<Object>> r1 = TablesawRows.of(rmsse);
        List<List<Object>> r2 = TablesawRows.of(bias);
        for (int i = 0; i < r1.size(); i++) {
            List<Object> row = new ArrayList<>(r1.get(i));
            row.addAll(r2.get(i).subList(1, r2.get(i).size()));
            merged.add(row);
        }
        return new TableData(id, title, note, header, merged);
    }

    /** The section shown when no earlier run's forecasts are in the output location. */
    public static TableData none(String output) {
        return new TableData("accuracy-region", "Forecast accuracy of earlier runs",
                "No earlier run's forecasts.parquet in " + output + " yet: accuracy is tracked from the next run on.",
                List.of("run_date"), List.of());
    }
}
