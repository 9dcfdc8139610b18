package com.sparecast.jobs.report;

import com.sparecast.jobs.publish.CsvOutput;
import java.util.List;


/**
 * Renders {@code report/index.html}: a self-contained page (inline CSS and script, nothing
 * fetched) with the run summary, the input reconciliation and the exception list, filterable.
 */
public final class ReportWriter {

    private ReportWriter() {
    }

    public static String render(ReportData data) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Sparecast plan ").append(escape(data.planningDate())).append("</title>")
                .append("<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}")
                .append("table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 8px;")
                .append("text-align:left}th{background:#f0f0f0;cursor:pointer}td.n{text-align:right}")
                .append(".cards{display:flex;flex-wrap:wrap;gap:1em}.card{border:1px solid #ccc;border-radius:6px;")
                .append("padding:.6em 1em;min-width:9em}.card b{display:block;font-size:1.5em}</style></head><body>\n");
        html.append("<h1>Sparecast plan for ").append(escape(data.planningDate())).append("</h1>\n")
                .append("<p>Plan ").append(escape(data.planId())).append("</p>\n");

        html.append("<h2>Summary</h2><div class=\"cards\">");
        data.summary().forEach((k, v) -> html.append("<div class=\"card\">").append(escape(k)).append("<b>")
                .append(escape(CsvOutput.cell(v))).append("</b></div>"));
        html.append("</div>\n<h2>Demand classes</h2>");
        table(html, "classes", List.of("class", "series"),
                data.demandClasses().entrySet().stream().map(e -> List.<Object>of(e.getKey(), e.getValue())).toList());

        html.append("<h2>Inputs</h2>");
        table(html, "inputs", List.of("feed", "rows read", "accepted", "rejected"),
                data.reconciliation().feeds().entrySet().stream().map(e -> List.<Object>of(e.getKey(),
                        e.getValue().read(), e.getValue().accepted(), e.getValue().rejected())).toList());

        html.append("<h2>Exceptions</h2><p><input id=\"filter\" placeholder=\"Filter exceptions\" ")
                .append("oninput=\"filterRows('exceptions', this.value)\"> <span id=\"exceptions-count\">")
                .append(data.exceptions().size()).append(" rows</span></p>");
        table(html, "exceptions", data.exceptionColumns(), data.exceptions());
        html.append("<script>\nfunction filterRows(id, text) {\n  const t = text.toLowerCase(); let shown = 0;\n")
                .append("  for (const row of document.querySelectorAll('#' + id + ' tbody tr')) {\n")
                .append("    const show = row.textContent.toLowerCase().includes(t); row.hidden = !show; if (show) shown++; }\n")
                .append("  document.getElementById(id + '-count').textContent = shown + ' rows';\n}\n")
                .append("function sortBy(th) {\n  const table = th.closest('table'), i = [...th.parentNode.children].indexOf(th);\n")
                .append("  const asc = th.dataset.asc !== 'true'; th.dataset.asc = asc;\n")
                .append("  const rows = [...table.tBodies[0].rows];\n")
                .append("  const key = r => { const v = r.cells[i].textContent; const n = parseFloat(v); return isNaN(n) ? v : n; };\n")
                .append("  rows.sort((a, b) => { const x = key(a), y = key(b); return (x > y ? 1 : x < y ? -1 : 0) * (asc ? 1 : -1); });\n")
                .append("  rows.forEach(r => table.tBodies[0].appendChild(r));\n}\n</script>\n</body></html>\n");
        return html.toString();
    }

    private static void table(StringBuilder html, String id, List<String> header, List<List<Object>> rows) {
        html.append("<table id=\"").append(id).append("\"><thead><tr>");
        header.forEach(h -> html.append("<th onclick=\"sortBy(this)\">").append(escape(h)).append("</th>"));
        html.append("</tr></thead><tbody>\n");
        for (List<Object> row : rows) {
            html.append("<tr>");
            for (Object cell : row) {
                html.append(cell instanceof Number ? "<td class=\"n\">" : "<td>")
                        .append(escape(cell == null ? "" : CsvOutput.cell(cell).replaceFirst("^'", ""))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table>\n");
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
