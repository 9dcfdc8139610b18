package com.sparecast.jobs.replenishment;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.sparecast.jobs.spark.Columns;
import com.sparecast.models.inventory.AbcClass;
import com.sparecast.models.inventory.AbcClassifier;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * ABC class of every plan line within its warehouse, by annual demand value (mean per week
 * times 52 times unit cost; a line without a forecast or a unit cost has value 0). The rule is
 * the models' {@link AbcClassifier#withDefaults()}, the one {@code simulate} uses: largest value
 * first, ties by part number; A while the share of the value ranked before a line is under 80%,
 * B under 95%, C after; a line with value 0 is C.
 */
final class AbcClasses {

    private AbcClasses() {
    }

    /**
     * {@code lines} with {@code unit_cost} (from {@code unitCosts}: part_no, unit_cost),
     * {@code annual_value} and {@code abc_class} (A, B or C) added; one line per (warehouse_id,
     * part_no) expected.
     */
    static Dataset<Row> withAbcClass(Dataset<Row> lines, Dataset<Row> unitCosts) {
        Column value = coalesce(col("mean_per_week"), lit(0.0)).multiply(52).multiply(coalesce(col("unit_cost"), lit(0.0)));
        Dataset<Row> valued = lines.join(broadcast(unitCosts), Columns.names("part_no"), "left")
                .withColumn("annual_value", value);
        // Each warehouse's lines are ranked in one task, but only their keys and values travel
        // there: the classes are joined back to the wide lines (history, forecast) where they are.
        Dataset<Row> classes = valued.select(col("warehouse_id"), col("part_no"), col("annual_value"))
                .groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
                .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (warehouse, rows) -> classified(warehouse, rows),
                        Encoders.row(new StructType().add("warehouse_id", DataTypes.StringType, false)
                                .add("part_no", DataTypes.StringType, false)
                                .add("abc_class", DataTypes.StringType, false)));
        return valued.join(broadcast(classes), Columns.names("warehouse_id", "part_no"));
    }

    /** The class of each line of one warehouse: rows of (warehouse_id, part_no, annual_value) in, with the class out. */
    static Iterator<Row> classified(String warehouse, Iterator<Row> rows) {
        Map<String, Double> values = new TreeMap<>();
        rows.forEachRemaining(r -> {
            if (values.put(r.getString(1), r.getDouble(2)) != null) {
                throw new IllegalStateException("two plan lines of part " + r.getString(1) + " in warehouse " + warehouse);
            }
        });
        Map<String, AbcClass> classes = AbcClassifier.withDefaults().classify(values);
        List<Row> out = new ArrayList<>(classes.size());
        classes.forEach((part, abcClass) -> out.add(RowFactory.create(warehouse, part, abcClass.name())));
        return out.iterator();
    }
}
