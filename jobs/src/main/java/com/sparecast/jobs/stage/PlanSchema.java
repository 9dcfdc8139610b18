package com.sparecast.jobs.stage;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Columns of {@code plans/replenishment.csv} and {@code .parquet}, one row per (warehouse, part). */
public final class PlanSchema {

    /** Weeks of the forecast shown on each plan line. */
    public static final int FORECAST_WEEKS_SHOWN = 13;

    public static final StructType PLAN;

    static {
        StructType s = new StructType()
                .add("warehouse_id", DataTypes.StringType, false)
                .add("part_no", DataTypes.StringType, false)
                .add("description", DataTypes.StringType, true)
                .add("region", DataTypes.StringType, true)
                .add("role", DataTypes.StringType, false)
                .add("source_warehouse", DataTypes.StringType, true)
                .add("abc_class", DataTypes.StringType, false)
                .add("demand_class", DataTypes.StringType, false)
                .add("method", DataTypes.StringType, false)
                .add("method_reason", DataTypes.StringType, true)
                .add("mean_per_week", DataTypes.DoubleType, false);
        for (int w = 1; w <= FORECAST_WEEKS_SHOWN; w++) {
            s = s.add(String.format("forecast_w%02d", w), DataTypes.DoubleType, false);
        }
        PLAN = s
                .add("lead_time_weeks_mean", DataTypes.DoubleType, false)
                .add("lead_time_weeks_sd", DataTypes.DoubleType, false)
                .add("review_weeks", DataTypes.DoubleType, false)
                .add("ltd_distribution", DataTypes.StringType, false)
                .add("ltd_reason", DataTypes.StringType, false)
                .add("ltd_mean", DataTypes.DoubleType, false)
                .add("ltd_p50", DataTypes.DoubleType, false)
                .add("ltd_p90", DataTypes.DoubleType, false)
                .add("ltd_p95", DataTypes.DoubleType, false)
                .add("ltd_p99", DataTypes.DoubleType, false)
                .add("safety_stock", DataTypes.DoubleType, false)
                .add("reorder_point", DataTypes.DoubleType, false)
                .add("order_up_to", DataTypes.DoubleType, false)
                .add("on_hand", DataTypes.LongType, false)
                .add("on_order", DataTypes.LongType, false)
                .add("expected_returns", DataTypes.DoubleType, false)
                .add("inventory_position", DataTypes.DoubleType, false)
                .add("order_qty", DataTypes.LongType, false)
                .add("pack_size", DataTypes.IntegerType, false)
                .add("min_order_qty", DataTypes.IntegerType, false)
                .add("unit_cost", DataTypes.DoubleType, false)
                .add("currency", DataTypes.StringType, true)
                .add("order_value", DataTypes.DoubleType, false)
                .add("target_fill_rate", DataTypes.DoubleType, false)
                .add("expected_fill_rate", DataTypes.DoubleType, false)
                .add("expected_on_hand", DataTypes.DoubleType, false)
                .add("exception", DataTypes.StringType, true)
                .add("exception_reason", DataTypes.StringType, true)
                // The planner's review (issue 13): money in the reporting currency, urgency, the decision applied.
                .add("reporting_currency", DataTypes.StringType, false)
                .add("unit_cost_reporting", DataTypes.DoubleType, true)
                .add("order_value_reporting", DataTypes.DoubleType, true)
                .add("value_at_risk_reporting", DataTypes.DoubleType, true)
                .add("weeks_of_cover", DataTypes.DoubleType, true)
                .add("stockout_date", DataTypes.DateType, true)
                .add("override_kind", DataTypes.StringType, true)
                .add("override_value", DataTypes.DoubleType, true)
                .add("decided_by", DataTypes.StringType, true);
    }

    /** The plan's columns in order. */
    public static List<String> columns() {
        return List.of(PLAN.fieldNames());
    }

    private PlanSchema() {
    }
}
