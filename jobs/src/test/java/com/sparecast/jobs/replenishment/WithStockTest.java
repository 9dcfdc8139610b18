package com.sparecast.jobs.replenishment;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.sparecast.jobs.TestSpark;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The plan's lines with their stock: every forecast line, and the stock no forecast line has. */
class WithStockTest {

    private static final StructType LINES = new StructType().add("warehouse_id", DataTypes.StringType, false)
            .add("part_no", DataTypes.StringType, false).add("region", DataTypes.StringType, false)
            .add("role", DataTypes.StringType, false).add("mean_per_week", DataTypes.DoubleType, false)
            .add("history", DataTypes.createArrayType(DataTypes.DoubleType), false);
    private static final StructType STOCK = new StructType().add("inv_warehouse_id", DataTypes.StringType, false)
            .add("inv_part_no", DataTypes.StringType, false).add("on_hand", DataTypes.LongType, true)
            .add("on_order", DataTypes.LongType, true);
    private static final StructType WAREHOUSES = new StructType().add("warehouse_id", DataTypes.StringType, false)
            .add("region", DataTypes.StringType, false).add("role", DataTypes.StringType, false);

    @Test
    void forecastLinesKeepTheirStockAndStockWithoutAForecastBecomesALineOfItsOwn() {
        SparkSession spark = TestSpark.session();
        Dataset<Row> lines = spark.createDataFrame(List.of(
                RowFactory.create("WH-DE", "P1", "DE", "REGIONAL", 2.0, List.of(1.0, 3.0)),
                RowFactory.create("WH-DE", "P2", "DE", "REGIONAL", 0.5, List.of(0.0, 1.0)),
                RowFactory.create("DC", "P1", "ALL", "CENTRAL", 5.0, List.of(4.0, 6.0))), LINES);
        Dataset<Row> stock = spark.createDataFrame(List.of(
                RowFactory.create("WH-DE", "P1", 7L, 2L),
                // no forecast of P3 in DE: a line with its stock and no forecast
                RowFactory.create("WH-DE", "P3", 4L, 0L),
                // stock at the central warehouse of a part it has no forecast line for
                RowFactory.create("DC", "P9", 1L, null),
                // a warehouse the plan does not know: dropped, as no line can carry it
                RowFactory.create("WH-XX", "P1", 3L, 3L)), STOCK);
        Dataset<Row> warehouses = spark.createDataFrame(List.of(
                RowFactory.create("WH-DE", "DE", "REGIONAL"), RowFactory.create("DC", "ALL", "CENTRAL")), WAREHOUSES);

        Dataset<Row> joined = PlanReplenishmentTasklet.withStock(lines,
                lines.select(col("warehouse_id"), col("part_no")), stock, warehouses);

        List<String> rows = joined.orderBy("warehouse_id", "part_no").collectAsList().stream()
                .map(r -> String.join(" ", r.getAs("warehouse_id"), r.getAs("part_no"), r.getAs("region"),
                        r.getAs("role"), String.valueOf(r.<Double>getAs("mean_per_week")),
                        String.valueOf(r.<Object>getAs("history")), String.valueOf(r.<Long>getAs("on_hand")),
                        String.valueOf(r.<Long>getAs("on_order"))))
                .toList();
        assertEquals(List.of(
                "DC P1 ALL CENTRAL 5.0 ArraySeq(4.0, 6.0) null null",
                "DC P9 ALL CENTRAL null null 1 null",
                "WH-DE P1 DE REGIONAL 2.0 ArraySeq(1.0, 3.0) 7 2",
                "WH-DE P2 DE REGIONAL 0.5 ArraySeq(0.0, 1.0) null null",
                "WH-DE P3 DE REGIONAL null null 4 0"), rows);
        assertEquals(List.of("warehouse_id", "part_no", "region", "role", "mean_per_week", "history", "on_hand",
                "on_order"), List.of(joined.columns()));
        // The wide lines meet the stock where they are: no shuffle.
        String plan = joined.queryExecution().executedPlan().toString();
        assertFalse(plan.contains("Exchange hashpartitioning"), plan);
    }
}
