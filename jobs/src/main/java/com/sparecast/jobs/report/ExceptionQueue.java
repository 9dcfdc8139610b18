package com.sparecast.jobs.report;

import static org.apache.spark.sql.functions.col;

import com.sparecast.models.inventory.LineUrgency;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The planners' ranked exception queue: every plan line with an exception and every shipment
 * line held at customs, with its value at risk, its urgency and its priority, most urgent first.
 *
 * <p>Priority, in the reporting currency per week: the line's value at risk divided by the weeks
 * left before it runs out, never fewer than one, {@code value_at_risk / max(1, weeks_left)}, where
 * {@code weeks_left} is the smaller of the weeks of cover (inventory position over mean weekly
 * demand) and the weeks to the expected stock-out date (on hand at mean demand). The same value at
 * risk weighs more the sooner it falls; everything due within a week weighs its full value. A line
 * whose value at risk is unknown (its currency has no FX rate) has no priority and ranks last.
 * Ties (often a value at risk of 0: overstock, dead stock) rank by fewer weeks left (none last),
 * then warehouse and part. A held shipment line carries its destination line's figures.
 */
public final class ExceptionQueue {

    /** The exception of a shipment line held at customs. */
    public static final String CUSTOMS_HOLD = "CUSTOMS_HOLD";

    /** Plan columns a queue line reads. */
    private static final List<String> PLAN_COLUMNS = List.of("warehouse_id", "part_no", "description", "exception",
            "exception_reason", "abc_class", "value_at_risk_reporting", "weeks_of_cover", "stockout_date", "order_qty",
            "order_value_reporting", "expected_fill_rate", "target_fill_rate", "override_kind", "override_value",
            "decided_by");

    private ExceptionQueue() {
    }

    /**
     * One line of the queue. Figures are null when unknown.
     *
     * @param priority {@link #priority}; null when the value at risk is unknown
     * @param weeksLeft the urgency: {@link #weeksLeft}; null when the line has no demand
     * @param transfer the rebalancing proposed to or from the line ({@code plans/transfers.csv}), as
     *     text; null for none
     */
    public record Line(String warehouseId, String partNo, String description, String exception, String reason,
                       String abcClass, Double valueAtRisk, Double weeksOfCover, LocalDate stockoutDate, Long orderQty,
                       Double orderValue, Double expectedFillRate, Double targetFillRate, String overrideKind,
                       Double overrideValue, String decidedBy, Double weeksLeft, Double priority, String transfer) {

        /** A line without a proposed transfer. */
        public Line(String warehouseId, String partNo, String description, String exception, String reason,
                    String abcClass, Double valueAtRisk, Double weeksOfCover, LocalDate stockoutDate, Long orderQty,
                    Double orderValue, Double expectedFillRate, Double targetFillRate, String overrideKind,
                    Double overrideValue, String decidedBy, Double weeksLeft, Double priority) {
            this(warehouseId, partNo, description, exception, reason, abcClass, valueAtRisk, weeksOfCover, stockoutDate,
                    orderQty, orderValue, expectedFillRate, targetFillRate, overrideKind, overrideValue, decidedBy,
                    weeksLeft, priority, null);
        }

        /** The planner's decision on the line, as the queue shows it: kind, value and who; empty for none. */
        public String decision() {
            if (overrideKind == null) {
                return "";
            }
            StringBuilder s = new StringBuilder(overrideKind);
            if (overrideValue != null) {
                s.append(' ').append(com.sparecast.jobs.format.Numbers.text(overrideValue));
            }
            if (decidedBy != null) {
                s.append(" (").append(decidedBy).append(')');
            }
            return s.toString();
        }
    }

    /** {@code valueAtRisk / max(1, weeksLeft)}; null when the value at risk is unknown. */
    public static Double priority(Double valueAtRisk, Double weeksLeft) {
        if (valueAtRisk == null) {
            return null;
        }
        return valueAtRisk / Math.max(1.0, weeksLeft == null ? 1.0 : weeksLeft);
    }

    /** Highest priority first (unknown last), then fewer weeks left (none last), warehouse, part, exception. */
    public static final Comparator<Line> ORDER = Comparator
            .comparing(Line::priority, Comparator.nullsLast(Comparator.<Double>reverseOrder()))
            .thenComparing(Line::weeksLeft, Comparator.nullsLast(Comparator.<Double>naturalOrder()))
            .thenComparing(Line::warehouseId).thenComparing(Line::partNo).thenComparing(Line::exception);

    /**
     * The queue of a run, ranked.
     *
     * @param plan the staged plan
     * @param shipmentLines the staged shipment lines
     * @param transfers the staged transfers ({@code plans/transfers.csv})
     */
    public static List<Line> of(Dataset<Row> plan, Dataset<Row> shipmentLines, Dataset<Row> transfers,
                                LocalDate planningDate) {
        Map<String, String> notes = transferNotes(transfers);
        List<Line> lines = new ArrayList<>();
        Column[] columns = PLAN_COLUMNS.stream().map(c -> col("p." + c)).toArray(Column[]::new);
        for (Row r : plan.alias("p").filter(col("exception").isNotNull()).select(columns).collectAsList()) {
            lines.add(line(r, r.getString(3), r.getString(4), r.isNullAt(9) ? null : r.getLong(9), planningDate));
        }
        Dataset<Row> held = shipmentLines.filter(col("status").equalTo("HOLD")).alias("h");
        List<Column> heldColumns = new ArrayList<>(List.of(col("h.destination_warehouse"), col("h.part_no"),
                col("h.description")));
        PLAN_COLUMNS.subList(3, PLAN_COLUMNS.size()).forEach(c -> heldColumns.add(col("p." + c)));
        heldColumns.add(col("h.hold_reason"));
        heldColumns.add(col("h.quantity"));
        for (Row r : held.join(plan.alias("p"), col("h.destination_warehouse").equalTo(col("p.warehouse_id"))
                        .and(col("h.part_no").equalTo(col("p.part_no"))), "left")
                .select(heldColumns.toArray(Column[]::new)).collectAsList()) {
            int n = r.size();
            // Staged shipment lines hold the published text: the quantity is a whole number as text.
            lines.add(line(r, CUSTOMS_HOLD, r.getString(n - 2), r.isNullAt(n - 1) ? null : Long.valueOf(r.getString(n - 1)),
                    planningDate));
        }
        lines.replaceAll(l -> {
            String note = notes.get(l.warehouseId() + "|" + l.partNo());
            return note == null ? l : new Line(l.warehouseId(), l.partNo(), l.description(), l.exception(), l.reason(),
                    l.abcClass(), l.valueAtRisk(), l.weeksOfCover(), l.stockoutDate(), l.orderQty(), l.orderValue(),
                    l.expectedFillRate(), l.targetFillRate(), l.overrideKind(), l.overrideValue(), l.decidedBy(),
                    l.weeksLeft(), l.priority(), note);
        });
        lines.sort(ORDER);
        return lines;
    }

    /**
     * What each (warehouse, part) gives or receives in the proposed transfers, keyed
     * {@code warehouse|part}: "transfer 3 from WH-DE, arrives 2026-11-26, cost 41.50 vs new order 60.00 EUR"
     * on the receiving line, "transfer 3 to DC-NL, ships 2026-11-24" on the giving one.
     */
    static Map<String, String> transferNotes(Dataset<Row> transfers) {
        Map<String, String> notes = new TreeMap<>();
        for (Row t : transfers.orderBy("part_no", "to_warehouse", "from_warehouse")
                .select("part_no", "from_warehouse", "to_warehouse", "quantity", "ship_date", "expected_arrival", "cost",
                        "cost_of_new_order", "currency").collectAsList()) {
            String part = t.getString(0);
            String quantity = Long.toString(t.getLong(3));
            String newOrder = t.isNullAt(7) ? "unknown" : t.getDecimal(7).toPlainString();
            String in = "transfer " + quantity + " from " + t.getString(1) + ", arrives " + t.getDate(5)
                    + ", cost " + t.getDecimal(6).toPlainString() + " vs new order " + newOrder + " " + t.getString(8);
            String out = "transfer " + quantity + " to " + t.getString(2) + ", ships " + t.getDate(4);
            notes.merge(t.getString(2) + "|" + part, in, (a, b) -> a + "; " + b);
            notes.merge(t.getString(1) + "|" + part, out, (a, b) -> a + "; " + b);
        }
        return notes;
    }

    /** A queue line from a row laid out as {@link #PLAN_COLUMNS}. */
    private static Line line(Row r, String exception, String reason, Long orderQty, LocalDate planningDate) {
        Double valueAtRisk = doubleAt(r, 6);
        Double weeksOfCover = doubleAt(r, 7);
        LocalDate stockout = r.isNullAt(8) ? null : ((Date) r.get(8)).toLocalDate();
        Double weeksLeft = LineUrgency.weeksLeft(weeksOfCover, stockout, planningDate);
        return new Line(r.getString(0), r.getString(1), r.getString(2), exception, reason, r.getString(5), valueAtRisk,
                weeksOfCover, stockout, orderQty, doubleAt(r, 10), doubleAt(r, 11), doubleAt(r, 12), r.getString(13),
                doubleAt(r, 14), r.getString(15), weeksLeft, priority(valueAtRisk, weeksLeft));
    }

    private static Double doubleAt(Row r, int i) {
        return r.isNullAt(i) ? null : ((Number) r.get(i)).doubleValue();
    }

    /** Lines per exception, by exception name. */
    public static Map<String, Long> counts(List<Line> queue) {
        Map<String, Long> counts = new TreeMap<>();
        queue.forEach(l -> counts.merge(l.exception(), 1L, Long::sum));
        return counts;
    }
}
