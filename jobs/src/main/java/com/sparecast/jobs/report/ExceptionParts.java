package com.sparecast.jobs.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Picks the exception plan lines that get their own page and gathers what the page shows.
 * Only the {@code cap} most valuable lines (the larger of the order value and the value of the
 * inventory position) reach the driver, so the report stays bounded however large the plan.
 */
public final class ExceptionParts {

    /** Default number of part pages per run. */
    public static final int DEFAULT_CAP = 200;

    private ExceptionParts() {
    }

    /** The pages and how many exception lines there were in all. */
    public record Selection(List<PartPage> pages, long exceptionLines) {
    }

    /**
     * @param plan the plan ({@code replenishment/plan})
     * @param series the forecast step's per-series rows ({@code forecast/series})
     * @param allRegions the region name of the all-regions series the central warehouse plans on
     */
    public static Selection select(Dataset<Row> plan, Dataset<Row> series, String allRegions, int cap) {
        Dataset<Row> exceptions = plan.filter(col("exception").isNotNull())
                .withColumn("series_region", when(col("role").equalTo("CENTRAL"), lit(allRegions)).otherwise(col("region")))
                .withColumn("report_value", greatest(col("order_value"),
                        col("inventory_position").multiply(col("unit_cost"))));
        long total = exceptions.count();
        Dataset<Row> s = series.select(col("part_no").as("s_part"), col("region").as("s_region"), col("first_week"),
                col("history"), col("forecast"), col("quantiles"));
        List<Row> rows = exceptions
                .orderBy(col("report_value").desc(), col("warehouse_id"), col("part_no"))
                .limit(cap)
                .join(s, col("part_no").equalTo(col("s_part")).and(col("series_region").equalTo(col("s_region"))), "left")
                .orderBy(col("report_value").desc(), col("warehouse_id"), col("part_no"))
                .collectAsList();
        List<PartPage> pages = new ArrayList<>(rows.size());
        for (Row r : rows) {
            pages.add(page(r));
        }
        return new Selection(pages, total);
    }

    private static PartPage page(Row r) {
        double[] history = doubles(r.isNullAt(r.fieldIndex("history")) ? List.of() : r.getList(r.fieldIndex("history")));
        double[] forecast = doubles(r.isNullAt(r.fieldIndex("forecast")) ? List.of() : r.getList(r.fieldIndex("forecast")));
        double[][] quantiles = new double[forecast.length][];
        if (!r.isNullAt(r.fieldIndex("quantiles"))) {
            List<Object> q = r.getList(r.fieldIndex("quantiles"));
            for (int i = 0; i < forecast.length && i < q.size(); i++) {
                quantiles[i] = doubles(toList(q.get(i)));
            }
        }
        for (int i = 0; i < quantiles.length; i++) {
            if (quantiles[i] == null) {
                quantiles[i] = new double[0];
            }
        }
        Date firstWeek = r.getAs("first_week");
        Map<String, Object> leadTime = new LinkedHashMap<>();
        leadTime.put("lead time mean (weeks)", r.getAs("lead_time_weeks_mean"));
        leadTime.put("lead time sd (weeks)", r.getAs("lead_time_weeks_sd"));
        leadTime.put("review period (weeks)", r.getAs("review_weeks"));
        leadTime.put("distribution", r.getAs("ltd_distribution"));
        leadTime.put("why this distribution", r.getAs("ltd_reason"));
        leadTime.put("lead-time demand mean", r.getAs("ltd_mean"));
        leadTime.put("p50", r.getAs("ltd_p50"));
        leadTime.put("p90", r.getAs("ltd_p90"));
        leadTime.put("p95", r.getAs("ltd_p95"));
        leadTime.put("p99", r.getAs("ltd_p99"));
        Map<String, Object> order = new LinkedHashMap<>();
        for (String c : List.of("abc_class", "mean_per_week", "target_fill_rate", "safety_stock", "reorder_point",
                "order_up_to", "on_hand", "on_order", "expected_returns", "inventory_position", "pack_size",
                "min_order_qty", "order_qty", "unit_cost", "currency", "order_value", "expected_fill_rate",
                "expected_on_hand", "source_warehouse", "reporting_currency", "value_at_risk_reporting", "weeks_of_cover",
                "stockout_date", "override_kind", "override_value", "decided_by")) {
            order.put(c, r.getAs(c));
        }
        return new PartPage(r.getAs("warehouse_id"), r.getAs("part_no"), String.valueOf(r.<String>getAs("description")),
                r.getAs("exception"), String.valueOf(r.<String>getAs("exception_reason")), r.getAs("series_region"),
                r.getAs("method"), String.valueOf(r.<String>getAs("method_reason")), r.getAs("demand_class"),
                firstWeek == null ? java.time.LocalDate.EPOCH : firstWeek.toLocalDate(), history, forecast, quantiles,
                leadTime, order);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> toList(Object value) {
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        if (value instanceof scala.collection.Seq<?> seq) {
            return (List<Object>) scala.jdk.javaapi.CollectionConverters.asJava(seq);
        }
        return List.of();
    }

    private static double[] doubles(List<?> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i) == null ? 0 : ((Number) values.get(i)).doubleValue();
        }
        return out;
    }
}
