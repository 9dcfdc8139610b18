package com.sparecast.jobs.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The review page's key figures of one plan, in the reporting currency:
 * <ul>
 * <li>stock value: on hand at the reporting unit cost;</li>
 * <li>order value: the plan's orders ({@code order_value_reporting});</li>
 * <li>excess value: the inventory position above the overstock threshold (order-up-to plus the
 * overstock cover, {@code sparecast.plan.overstock-cover-weeks} weeks of mean demand: the
 * threshold of the {@code OVERSTOCK} exception), at the reporting unit cost;</li>
 * <li>expected fill rate: demand-weighted over the lines with demand
 * ({@code sum(expected_fill_rate * mean_per_week) / sum(mean_per_week)}), in all and per
 * warehouse and ABC class, against the class's target.</li>
 * </ul>
 * Lines whose currency has no FX rate (no reporting unit cost) add nothing to the values.
 */
public final class Kpis {

    private Kpis() {
    }

    /** A plan's figures; {@code fillRate} is NaN when no line has demand. */
    public record Figures(double stockValue, double orderValue, double excessValue, double fillRate, double target) {
    }

    /** The expected fill rate of one warehouse's ABC class against its target. */
    public record ClassFillRate(String warehouseId, String abcClass, double expected, double target) {
    }

    /** The excess units of a plan line, as {@code OVERSTOCK} measures it. */
    static Column excessUnits(double coverWeeks) {
        return greatest(lit(0.0), col("inventory_position").minus(col("order_up_to")
                .plus(greatest(lit(0.0), col("mean_per_week")).multiply(coverWeeks))));
    }

    /** The figures of a plan (this run's or a published one with the reporting columns). */
    public static Figures of(Dataset<Row> plan, double coverWeeks) {
        Column unit = col("unit_cost_reporting");
        Row r = plan.agg(sum(col("on_hand").multiply(unit)), sum(col("order_value_reporting")),
                sum(excessUnits(coverWeeks).multiply(unit)),
                sum(col("expected_fill_rate").multiply(col("mean_per_week"))),
                sum(when(col("mean_per_week").gt(0), col("mean_per_week"))),
                sum(col("target_fill_rate").multiply(col("mean_per_week")))).first();
        double demand = number(r, 4);
        return new Figures(number(r, 0), number(r, 1), number(r, 2), demand > 0 ? number(r, 3) / demand : Double.NaN,
                demand > 0 ? number(r, 5) / demand : Double.NaN);
    }

    /** Expected fill rate against target per warehouse and class, lines with demand only, by warehouse and class. */
    public static List<ClassFillRate> byClass(Dataset<Row> plan) {
        List<ClassFillRate> out = new ArrayList<>();
        for (Row r : plan.filter(col("mean_per_week").gt(0)).groupBy("warehouse_id", "abc_class")
                .agg(sum(col("expected_fill_rate").multiply(col("mean_per_week"))), sum("mean_per_week"),
                        max("target_fill_rate"))
                .orderBy("warehouse_id", "abc_class").collectAsList()) {
            out.add(new ClassFillRate(r.getString(0), r.getString(1), r.getDouble(2) / r.getDouble(3), r.getDouble(4)));
        }
        return out;
    }

    /** Whether a published plan has the columns {@link #of} reads (plans from before issue 13 do not). */
    public static boolean readable(Dataset<Row> plan) {
        List<String> columns = Arrays.asList(plan.columns());
        return columns.containsAll(List.of("unit_cost_reporting", "order_value_reporting", "mean_per_week"));
    }

    private static double number(Row r, int i) {
        return r.isNullAt(i) ? 0.0 : ((Number) r.get(i)).doubleValue();
    }
}
