package com.sparecast.jobs.replenishment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sparecast.jobs.TestSpark;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The nightly plan's ABC classes on a handful of lines, worked out by hand. */
class AbcClassesTest {

    @Test
    void classesPerWarehouseByAnnualValueLargestFirstTiesByPartNumber() {
        StructType lineSchema = new StructType().add("warehouse_id", DataTypes.StringType, false)
                .add("part_no", DataTypes.StringType, false).add("mean_per_week", DataTypes.DoubleType, true);
        Dataset<Row> lines = TestSpark.session().createDataFrame(List.of(
                // WH-1: values 52 * mean * cost = 700, 150, 50 and 50 (P4 and P5 tie: P4 first), 0, no forecast
                RowFactory.create("WH-1", "P1", 1.0),
                RowFactory.create("WH-1", "P2", 1.0),
                RowFactory.create("WH-1", "P5", 1.0),
                RowFactory.create("WH-1", "P4", 1.0),
                RowFactory.create("WH-1", "P6", 0.0),
                RowFactory.create("WH-1", "P7", null),
                // WH-2 on its own: one line with value, one without a unit cost
                RowFactory.create("WH-2", "P2", 2.0),
                RowFactory.create("WH-2", "P8", 5.0)), lineSchema);
        Dataset<Row> costs = TestSpark.session().createDataFrame(List.of(
                RowFactory.create("P1", 700.0 / 52), RowFactory.create("P2", 150.0 / 52),
                RowFactory.create("P4", 50.0 / 52), RowFactory.create("P5", 50.0 / 52),
                RowFactory.create("P6", 1.0), RowFactory.create("P7", 1.0)),
                new StructType().add("part_no", DataTypes.StringType, false).add("unit_cost", DataTypes.DoubleType, false));
        List<String> classes = AbcClasses.withAbcClass(lines, costs).orderBy("warehouse_id", "part_no")
                .collectAsList().stream()
                .map(r -> r.getAs("warehouse_id") + " " + r.getAs("part_no") + " " + r.getAs("abc_class"))
                .toList();
        // WH-1, total 950: P1 before 0 (A), P2 before 700 = 73.7% (A), P4 before 850 = 89.5% (B),
        // P5 before 900 = 94.7% (B), P6 and P7 value 0 (C).
        // WH-2, total 2 * 52 * 150 / 52 = 300: P2 before 0 (A); P8 has no unit cost, value 0 (C).
        assertEquals(List.of("WH-1 P1 A", "WH-1 P2 A", "WH-1 P4 B", "WH-1 P5 B", "WH-1 P6 C", "WH-1 P7 C",
                "WH-2 P2 A", "WH-2 P8 C"), classes);
    }
}
