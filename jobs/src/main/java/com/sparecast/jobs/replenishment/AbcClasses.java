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
        StructType schema = valued.schema().add("abc_class", DataTypes.StringType, false);
        return valued.groupByKey((MapFunction<Row, String>) r -> r.getAs("warehouse_id"), Encoders.STRING())
                .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (warehouse, rows) -> classified(rows),
                        Encoders.row(schema));
    }

    /** The rows of one warehouse, each with its class appended. */
    static Iterator<Row> classified(Iterator<Row> rows) {
        List<Row> all = new ArrayList<>();
        rows.forEachRemaining(all::add);
        Map<String, Double> values = new TreeMap<>();
        for (Row r : all) {
            String part = r.getAs("part_no");
            if (values.put(part, r.getAs("annual_value")) != null) {
                throw new IllegalStateException("two plan lines of part " + part + " in warehouse "
                        + r.getAs("warehouse_id"));
            }
        }
        Map<String, AbcClass> classes = AbcClassifier.withDefaults().classify(values);
        List<Row> out = new ArrayList<>(all.size());
        for (Row r : all) {
            Object[] v = new Object[r.size() + 1];
            for (int i = 0; i < r.size(); i++) {
                v[i] = r.get(i);
            }
            v[r.size()] = classes.get(r.<String>getAs("part_no")).name();
            out.add(RowFactory.create(v));
        }
        return out.iterator();
    }
}
