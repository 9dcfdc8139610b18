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
                String partPagesNote, Table exceptions, List<Section> sections) {
    }

    /** A headline figure. */
    record Card(String label, String value) {
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

        int partColumn = data.exceptionColumns().indexOf("part_no");
        List<List<Object>> linked = new ArrayList<>(data.exceptions().size());
        for (List<Object> row : data.exceptions()) {
            String href = data.partPages().get(row.get(0) + "/" + row.get(partColumn));
            if (href == null) {
                linked.add(row);
            } else {
                List<Object> copy = new ArrayList<>(row);
                copy.set(partColumn, new TableData.Link(String.valueOf(row.get(partColumn)), href));
                linked.add(copy);
            }
        }
        Table exceptions = table("exceptions", data.exceptionColumns(), linked, true);

        List<Section> sections = new ArrayList<>();
        for (TableData section : data.sections()) {
            sections.add(new Section(section.title(), section.note(), table(section.id(), section.header(),
                    section.rows(), section.rows().size() > FILTER_FROM_ROWS)));
        }
        return Templates.render("report/index", new Page(data.planningDate(), data.planId(), summary, inputs, classes,
                data.partPagesNote(), exceptions, sections));
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
