package com.sparecast.jobs.report;

import com.sparecast.jobs.format.Numbers;
import com.sparecast.jobs.format.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;


/**
 * Renders {@code report/index.html} from {@code templates/report/index.mustache}: a
 * self-contained page (inline CSS, script and SVG, nothing fetched) with the run summary, the
 * input reconciliation, the exception list (sortable, filterable, each line linked to its part
 * page where it has one) and the further sections (forecast accuracy over runs, returns and
 * failures feedback). This class only turns the data into text; the markup is the template's.
 */
public final class ReportWriter {

    /** Tables with more rows than this get a filter box. */
    private static final int FILTER_FROM_ROWS = 10;

    private ReportWriter() {
    }

    /** What {@code report/index.mustache} shows. */
    record Page(String planningDate, String planId, List<Card> summary, Table inputs, Table classes,
                String partPagesNote, KpiHeader.Header kpis, Queue queue, List<Section> sections) {
    }

    /** A headline figure. */
    record Card(String label, String value) {
    }

    /**
     * The ranked exception queue: its cards (one per exception, and all), its lines in priority
     * order, and the reporting currency of its money columns.
     */
    record Queue(List<QueueCard> cards, List<QueueRow> rows, int count, String currency) {
    }

    /** A card that filters the queue's exception column to {@code filter} (empty: every line). */
    record QueueCard(String label, String value, String filter) {
    }

    /** A queue line: the key columns, then the figures of its detail expander. */
    record QueueRow(String priority, String warehouseId, String partNo, String partHref, String exception,
                    String valueAtRisk, String weeksOfCover, String orderQty, String decision, List<Figure> details) {
    }

    /** A label and its value. */
    record Figure(String label, String value) {
    }

    /** A further section: heading, optional note (empty for none) and its table. */
    record Section(String title, String note, Table table) {
    }

    /** A table of {@code templates/report/table.mustache}; {@code filter} is null for none. */
    record Table(String id, List<String> header, List<Line> rows, Filter filter) {
    }

    /** The filter box above a table, with the count of rows shown. */
    record Filter(String id, int count) {
    }

    /** A table row. */
    record Line(List<Cell> cells) {
    }

    /** A cell's text; {@code href} is null unless it links; numbers are right-aligned. */
    record Cell(String text, String href, boolean numeric) {
    }

    public static String render(ReportData data) {
        List<Card> summary = new ArrayList<>();
        data.summary().forEach((k, v) -> summary.add(new Card(k, Numbers.text(v))));
        Table inputs = table("inputs", List.of("feed", "rows read", "accepted", "rejected"),
                data.reconciliation().feeds().entrySet().stream().map(e -> List.<Object>of(e.getKey(),
                        e.getValue().read(), e.getValue().accepted(), e.getValue().rejected())).toList(), false);
        Table classes = table("classes", List.of("class", "series"),
                data.demandClasses().entrySet().stream().map(e -> List.<Object>of(e.getKey(), e.getValue())).toList(),
                false);

        Queue queue = queue(data.queue(), data.partPages(), data.reportingCurrency());

        List<Section> sections = new ArrayList<>();
        for (TableData section : data.sections()) {
            sections.add(new Section(section.title(), section.note(), table(section.id(), section.header(),
                    section.rows(), section.rows().size() > FILTER_FROM_ROWS)));
        }
        return Templates.render("report/index", new Page(data.planningDate(), data.planId(), summary, inputs, classes,
                data.partPagesNote(), data.kpis(), queue, sections));
    }

    static Queue queue(List<ExceptionQueue.Line> lines, Map<String, String> partPages, String currency) {
        List<QueueCard> cards = new ArrayList<>();
        cards.add(new QueueCard("all exceptions", Numbers.text(lines.size()), ""));
        ExceptionQueue.counts(lines).forEach((kind, n) -> cards.add(new QueueCard(kind, Numbers.text(n), "=" + kind)));
        List<QueueRow> rows = new ArrayList<>(lines.size());
        for (ExceptionQueue.Line l : lines) {
            List<Figure> details = new ArrayList<>();
            details.add(new Figure("description", Numbers.text(l.description())));
            details.add(new Figure("reason", Numbers.text(l.reason())));
            if (l.transfer() != null) {
                details.add(new Figure("rebalancing", l.transfer()));
            }
            details.add(new Figure("ABC class", Numbers.text(l.abcClass())));
            details.add(new Figure("stock-out date", Numbers.text(l.stockoutDate())));
            details.add(new Figure("weeks left", Numbers.text(l.weeksLeft())));
            details.add(new Figure("expected / target fill rate",
                    Numbers.text(l.expectedFillRate()) + " / " + Numbers.text(l.targetFillRate())));
            details.add(new Figure("order value (" + currency + ")", money(l.orderValue())));
            rows.add(new QueueRow(money(l.priority()), l.warehouseId(), l.partNo(),
                    partPages.get(l.warehouseId() + "/" + l.partNo()), l.exception(), money(l.valueAtRisk()),
                    Numbers.text(l.weeksOfCover()), Numbers.text(l.orderQty()), l.decision(), details));
        }
        return new Queue(cards, rows, rows.size(), currency);
    }

    /** A money amount to the cent; empty when unknown. */
    static String money(Double amount) {
        return amount == null || !Double.isFinite(amount) ? ""
                : Numbers.money(java.math.BigDecimal.valueOf(amount)).toPlainString();
    }

    static Table table(String id, List<String> header, List<List<Object>> rows, boolean filter) {
        List<Line> lines = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            List<Cell> cells = new ArrayList<>(row.size());
            for (Object value : row) {
                cells.add(value instanceof TableData.Link link ? new Cell(link.text(), link.href(), false)
                        : new Cell(Numbers.text(value), null, value instanceof Number));
            }
            lines.add(new Line(cells));
        }
        return new Table(id, header, lines, filter ? new Filter(id, rows.size()) : null);
    }

    /** A two-column table of figures. */
    static Table figures(String id, Map<String, Object> figures) {
        return table(id, List.of("figure", "value"),
                figures.entrySet().stream().map(e -> List.<Object>of(e.getKey(), e.getValue() == null ? "" : e.getValue()))
                        .toList(), false);
    }
}
