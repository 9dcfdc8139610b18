package com.sparecast.jobs.report;

import com.sparecast.jobs.format.CsvOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code report/decisions-template.csv}: the exception queue, one row per (warehouse, part) in
 * priority order, in the {@code decisions/overrides.csv} format with its decision columns empty,
 * so a planner fills in {@code kind}, {@code value}, {@code decided_by} (and optionally
 * {@code valid_until}, {@code comment}) in a spreadsheet and drops the file into the input's
 * {@code decisions/} folder. The queue's figures follow as extra columns, which the decisions
 * reader ignores. A (warehouse, part) in the queue more than once (an exception and a customs
 * hold) is one row, its exceptions joined with {@code ;}. The last column, {@code transfer}, is the
 * rebalancing proposed to or from the line ({@code plans/transfers.csv}), so a planner weighing an
 * order sees the stock that could come from another warehouse instead (and may lower the order
 * with ORDER_QTY).
 */
public final class DecisionsTemplate {

    /** The {@code decisions/overrides.csv} columns, then the queue's. */
    public static final List<String> COLUMNS = List.of("warehouse_id", "part_no", "kind", "value", "valid_until",
            "decided_by", "comment", "exception", "priority", "value_at_risk_reporting", "reporting_currency",
            "weeks_of_cover", "stockout_date", "order_qty", "exception_reason", "description", "transfer");

    private DecisionsTemplate() {
    }

    /** Writes the template (UTF-8 with a byte-order mark, formula guard); returns its data rows. */
    public static long write(Path file, List<ExceptionQueue.Line> queue, String currency) throws IOException {
        Map<String, List<ExceptionQueue.Line>> byLine = new LinkedHashMap<>();
        for (ExceptionQueue.Line l : queue) {
            byLine.computeIfAbsent(l.warehouseId() + "\u0000" + l.partNo(), k -> new ArrayList<>()).add(l);
        }
        try (CsvOutput out = CsvOutput.open(file, COLUMNS, true)) {
            for (List<ExceptionQueue.Line> lines : byLine.values()) {
                ExceptionQueue.Line first = lines.get(0);
                List<String> exceptions = lines.stream().map(ExceptionQueue.Line::exception).distinct().toList();
                List<String> reasons = lines.stream().map(ExceptionQueue.Line::reason)
                        .filter(r -> r != null && !r.isEmpty()).distinct().toList();
                List<Object> row = new ArrayList<>(COLUMNS.size());
                row.add(first.warehouseId());
                row.add(first.partNo());
                for (int i = 0; i < 5; i++) {
                    row.add(null);
                }
                row.add(String.join(";", exceptions));
                row.add(first.priority() == null ? null : ReportWriter.money(first.priority()));
                row.add(first.valueAtRisk() == null ? null : ReportWriter.money(first.valueAtRisk()));
                row.add(currency);
                row.add(first.weeksOfCover());
                row.add(first.stockoutDate());
                row.add(first.orderQty());
                row.add(String.join("; ", reasons));
                row.add(first.description());
                row.add(lines.stream().map(ExceptionQueue.Line::transfer).filter(t -> t != null && !t.isEmpty())
                        .distinct().reduce((a, b) -> a + "; " + b).orElse(null));
                out.write(row);
            }
            return out.rows();
        }
    }
}
