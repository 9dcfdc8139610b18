package com.sparecast.jobs.report;

import com.sparecast.jobs.publish.CsvOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;


/**
 * Renders {@code report/index.html}: a self-contained page (inline CSS, script and SVG, nothing
 * fetched) with the run summary, the input reconciliation, the exception list (sortable,
 * filterable, each line linked to its part page where it has one) and the further sections
 * (forecast accuracy over runs, returns and failures feedback).
 */
public final class ReportWriter {

    /** Shared by the index and the part pages. */
    static final String STYLE = "<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1400px}"
            + "table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:3px 8px;"
            + "text-align:left}th{background:#f0f0f0;cursor:pointer;user-select:none}td.n{text-align:right;white-space:nowrap}td a{white-space:nowrap}"
            + "th[data-asc=true]::after{content:' \\25B2'}th[data-asc=false]::after{content:' \\25BC'}"
            + ".cards{display:flex;flex-wrap:wrap;gap:1em}.card{border:1px solid #ccc;border-radius:6px;"
            + "padding:.6em 1em;min-width:9em}.card b{display:block;font-size:1.5em}p.note{color:#555;max-width:60em}"
            + "svg text{font-size:11px;fill:#444}</style>";

    /** Sorting (numbers as numbers) and filtering of any table, by id. */
    static final String SCRIPT = "<script>\n"
            + "function filterRows(id, text) {\n"
            + "  const t = text.toLowerCase(); let shown = 0;\n"
            + "  for (const row of document.querySelectorAll('#' + id + ' tbody tr')) {\n"
            + "    const show = row.textContent.toLowerCase().includes(t); row.hidden = !show; if (show) shown++; }\n"
            + "  const count = document.getElementById(id + '-count'); if (count) count.textContent = shown + ' rows';\n"
            + "}\n"
            + "function sortBy(th) {\n"
            + "  const table = th.closest('table'), i = [...th.parentNode.children].indexOf(th);\n"
            + "  const asc = th.dataset.asc !== 'true';\n"
            + "  for (const other of th.parentNode.children) delete other.dataset.asc;\n"
            + "  th.dataset.asc = asc;\n"
            + "  const rows = [...table.tBodies[0].rows];\n"
            + "  const key = r => { const v = r.cells[i].textContent; const n = Number(v);"
            + " return v === '' ? null : isNaN(n) ? v : n; };\n"
            + "  const cmp = (x, y) => x === y ? 0 : x === null ? 1 : y === null ? -1"
            + " : (typeof x === typeof y ? (x > y ? 1 : -1) : (typeof x === 'number' ? -1 : 1));\n"
            + "  rows.sort((a, b) => cmp(key(a), key(b)) * (asc ? 1 : -1));\n"
            + "  rows.forEach(r => table.tBodies[0].appendChild(r));\n"
            + "}\n"
            + "document.addEventListener('DOMContentLoaded', () => {"
            + " document.documentElement.dataset.tables = document.querySelectorAll('table').length; });\n"
            + "</script>\n";

    private ReportWriter() {
    }

    public static String render(ReportData data) {
        StringBuilder html = new StringBuilder(65_536);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Sparecast plan ").append(escape(data.planningDate())).append("</title>")
                .append(STYLE).append("</head><body>\n");
        html.append("<h1>Sparecast plan for ").append(escape(data.planningDate())).append("</h1>\n")
                .append("<p>Plan ").append(escape(data.planId())).append("</p>\n");

        html.append("<h2>Summary</h2><div class=\"cards\" id=\"summary\">");
        data.summary().forEach((k, v) -> html.append("<div class=\"card\">").append(escape(k)).append("<b>")
                .append(escape(CsvOutput.cell(v).replaceFirst("^'", ""))).append("</b></div>"));
        html.append("</div>\n<h2>Inputs</h2>");
        table(html, "inputs", List.of("feed", "rows read", "accepted", "rejected"),
                data.reconciliation().feeds().entrySet().stream().map(e -> List.<Object>of(e.getKey(),
                        e.getValue().read(), e.getValue().accepted(), e.getValue().rejected())).toList());
        html.append("<h2>Demand classes</h2>");
        table(html, "classes", List.of("class", "series"),
                data.demandClasses().entrySet().stream().map(e -> List.<Object>of(e.getKey(), e.getValue())).toList());

        html.append("<h2>Exceptions</h2><p class=\"note\">Stock-out risks, overstock, dead stock and customs holds."
                + " Click a heading to sort, type to filter. ").append(escape(data.partPagesNote())).append("</p>");
        filterBox(html, "exceptions", data.exceptions().size());
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
        table(html, "exceptions", data.exceptionColumns(), linked);

        for (TableData section : data.sections()) {
            html.append("<h2>").append(escape(section.title())).append("</h2>");
            if (!section.note().isEmpty()) {
                html.append("<p class=\"note\">").append(escape(section.note())).append("</p>");
            }
            if (section.rows().size() > 10) {
                filterBox(html, section.id(), section.rows().size());
            }
            table(html, section.id(), section.header(), section.rows());
        }
        html.append(SCRIPT).append("</body></html>\n");
        return html.toString();
    }

    private static void filterBox(StringBuilder html, String id, int rows) {
        html.append("<p><input id=\"").append(id).append("-filter\" placeholder=\"Filter\" oninput=\"filterRows('")
                .append(id).append("', this.value)\"> <span id=\"").append(id).append("-count\">").append(rows)
                .append(" rows</span></p>");
    }

    static void table(StringBuilder html, String id, List<String> header, List<List<Object>> rows) {
        html.append("<table id=\"").append(id).append("\"><thead><tr>");
        header.forEach(h -> html.append("<th onclick=\"sortBy(this)\">").append(escape(h)).append("</th>"));
        html.append("</tr></thead><tbody>\n");
        for (List<Object> row : rows) {
            html.append("<tr>");
            for (Object cell : row) {
                if (cell instanceof TableData.Link link) {
                    html.append("<td><a href=\"").append(escape(link.href())).append("\">").append(escape(link.text()))
                            .append("</a></td>");
                } else {
                    html.append(cell instanceof Number ? "<td class=\"n\">" : "<td>")
                            .append(escape(cell == null ? "" : CsvOutput.cell(cell).replaceFirst("^'", ""))).append("</td>");
                }
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    /** A two-column table of figures. */
    static void figures(StringBuilder html, String id, Map<String, Object> figures) {
        table(html, id, List.of("figure", "value"),
                figures.entrySet().stream().map(e -> List.<Object>of(e.getKey(), e.getValue() == null ? "" : e.getValue()))
                        .toList());
    }

    /** HTML-escapes text for element content and attribute values. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

}
