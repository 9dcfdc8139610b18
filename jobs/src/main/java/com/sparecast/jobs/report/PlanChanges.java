package com.sparecast.jobs.report;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;

import com.sparecast.jobs.format.CsvOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code plans/changes.csv}: what changed in this plan against the last plan published under the
 * same output, line by line (warehouse, part), in the order warehouse, part, change:
 * <ul>
 * <li>{@code EXCEPTION_NEW}: the line has an exception it did not have (before: the earlier
 * exception, empty when none or when the line is new);</li>
 * <li>{@code EXCEPTION_RESOLVED}: the line had an exception and has none (or is gone);</li>
 * <li>{@code ORDER_QTY}: the order quantity moved by more than {@code share} of the earlier one
 * ({@code |after - before| > share * before}; from 0, any order);</li>
 * <li>{@code METHOD}: the forecasting method changed;</li>
 * <li>{@code FILL_RATE_CROSSED}: the expected fill rate crossed the line's target (reached it
 * before and not now, or the reverse), compared as the plan shows it (4 decimals); before and
 * after are the expected fill rates.</li>
 * </ul>
 * The last three compare lines present in both plans.
 */
public final class PlanChanges {

    /** The file's columns. */
    public static final List<String> COLUMNS = List.of("warehouse_id", "part_no", "change", "before", "after");

    /** The kinds of change, in the order a line's changes are listed. */
    public enum Change { EXCEPTION_NEW, EXCEPTION_RESOLVED, ORDER_QTY, METHOD, FILL_RATE_CROSSED }

    /** The figures of a plan line that are compared. */
    public record LineState(String exception, long orderQty, String method, double expectedFillRate,
                            double targetFillRate) {

        /**
         * Whether the expected fill rate, as the plan shows it (4 decimals, half up), reaches the
         * target: a line planned at 0.97996 for 0.98 shows 0.98 and reaches it.
         */
        boolean reachesTarget() {
            return java.math.BigDecimal.valueOf(expectedFillRate).setScale(4, java.math.RoundingMode.HALF_UP)
                    .doubleValue() >= targetFillRate;
        }
    }

    /** One change of one line. */
    public record Entry(String warehouseId, String partNo, Change change, Object before, Object after) {
        List<Object> cells() {
            return java.util.Arrays.asList(warehouseId, partNo, change.name(), before, after);
        }
    }

    private PlanChanges() {
    }

    /** The changes of one line; {@code before} or {@code after} is null where the line is in one plan only. */
    public static List<Entry> compare(String warehouseId, String partNo, LineState before, LineState after, double share) {
        List<Entry> out = new ArrayList<>();
        String was = before == null ? null : before.exception();
        String is = after == null ? null : after.exception();
        if (is != null && !is.equals(was)) {
            out.add(new Entry(warehouseId, partNo, Change.EXCEPTION_NEW, was, is));
        }
        if (was != null && is == null) {
            out.add(new Entry(warehouseId, partNo, Change.EXCEPTION_RESOLVED, was, null));
        }
        if (before == null || after == null) {
            return out;
        }
        long moved = Math.abs(after.orderQty() - before.orderQty());
        if (moved > 0 && moved > share * before.orderQty()) {
            out.add(new Entry(warehouseId, partNo, Change.ORDER_QTY, before.orderQty(), after.orderQty()));
        }
        if (before.method() != null && after.method() != null && !Objects.equals(before.method(), after.method())) {
            out.add(new Entry(warehouseId, partNo, Change.METHOD, before.method(), after.method()));
        }
        if (before.reachesTarget() != after.reachesTarget()) {
            out.add(new Entry(warehouseId, partNo, Change.FILL_RATE_CROSSED, before.expectedFillRate(),
                    after.expectedFillRate()));
        }
        return out;
    }

    private static final List<String> COMPARED = List.of("exception", "order_qty", "method", "expected_fill_rate",
            "target_fill_rate");

    /**
     * Compares the two plans and writes {@code file}; returns the count of each change (every
     * kind, zeros included) and fills {@code shown} with the first {@code cap} changes for the page.
     */
    public static Map<String, Long> write(Dataset<Row> previous, Dataset<Row> current, double share, Path file,
                                          int cap, List<List<Object>> shown) throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Change c : Change.values()) {
            counts.put(c.name(), 0L);
        }
        List<Column> columns = new ArrayList<>(List.of(
                coalesce(col("b.warehouse_id"), col("a.warehouse_id")).as("warehouse_id"),
                coalesce(col("b.part_no"), col("a.part_no")).as("part_no"), col("b.warehouse_id").isNotNull().as("in_before"),
                col("a.warehouse_id").isNotNull().as("in_after")));
        COMPARED.forEach(c -> columns.add(col("b." + c).as("b_" + c)));
        COMPARED.forEach(c -> columns.add(col("a." + c).as("a_" + c)));
        Dataset<Row> joined = previous.alias("b").join(current.alias("a"),
                        col("b.warehouse_id").equalTo(col("a.warehouse_id")).and(col("b.part_no").equalTo(col("a.part_no"))),
                        "full_outer")
                .select(columns.toArray(Column[]::new)).orderBy("warehouse_id", "part_no");
        try (CsvOutput out = CsvOutput.open(file, COLUMNS, true)) {
            Iterator<Row> it = joined.toLocalIterator();
            while (it.hasNext()) {
                Row r = it.next();
                LineState before = r.getBoolean(2) ? state(r, 4) : null;
                LineState after = r.getBoolean(3) ? state(r, 4 + COMPARED.size()) : null;
                for (Entry change : compare(r.getString(0), r.getString(1), before, after, share)) {
                    out.write(change.cells());
                    counts.merge(change.change().name(), 1L, Long::sum);
                    if (shown.size() < cap) {
                        shown.add(change.cells());
                    }
                }
            }
        }
        return counts;
    }

    /** A plan with no earlier one to compare: the header only. */
    public static void writeNone(Path file) throws IOException {
        CsvOutput.open(file, COLUMNS, true).close();
    }

    private static LineState state(Row r, int i) {
        return new LineState(r.isNullAt(i) ? null : r.getString(i), ((Number) r.get(i + 1)).longValue(),
                r.isNullAt(i + 2) ? null : r.getString(i + 2), ((Number) r.get(i + 3)).doubleValue(),
                ((Number) r.get(i + 4)).doubleValue());
    }
}
