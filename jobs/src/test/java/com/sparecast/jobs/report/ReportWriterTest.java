package com.sparecast.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.jobs.ingest.Reconciliation;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportWriterTest {

    private static final String EVIL = "<script>alert('x')</script> & \"quoted\"";

    private static ReportData data() {
        Reconciliation reconciliation = new Reconciliation(Map.of("shipments",
                Reconciliation.FeedCounts.of(List.of(new Reconciliation.FileCounts("a.csv", 3, 2, 1)))));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("orders", 12L);
        summary.put("duration so far (s)", 4.25);
        List<List<Object>> exceptions = List.of(
                Arrays.asList("WH-1", "P-1", EVIL, "STOCKOUT_RISK", "=SUM(A1)", 2.5, null),
                Arrays.asList("WH-1", "P-2", "'quoted first", "OVERSTOCK", "-3 weeks", -3L, 0.123456));
        TableData section = new TableData("feedback", "Feedback", "from " + EVIL, List.of("part_no", "share"),
                List.<List<Object>>of(List.of("P-1", 0.5)));
        return new ReportData("2026-11-20", "plan-1", reconciliation, summary, Map.of("SMOOTH", 1L),
                List.of("warehouse_id", "part_no", "description", "exception", "reason", "value", "other"), exceptions,
                Map.of("WH-1/P-1", "parts/WH-1_P-1.html"), "note", List.of(section));
    }

    @Test
    void valuesReachThePageEscaped() {
        String html = ReportWriter.render(data());
        assertFalse(html.contains("<script>alert"), html);
        assertTrue(html.contains("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;</td>"), html);
        assertTrue(html.contains("<p class=\"note\">from &lt;script&gt;"), html);
    }

    /** The spreadsheet formula guard is for CSV files: the page shows the text as it is. */
    @Test
    void cellsAreNotGuardedAsCsvIs() {
        String html = ReportWriter.render(data());
        assertTrue(html.contains("<td>&#61;SUM(A1)</td>"), html);
        assertTrue(html.contains("<td>&#39;quoted first</td>"), html);
        assertTrue(html.contains("<td>-3 weeks</td>"), html);
    }

    @Test
    void numbersAlignRightLinksLinkAndFiltersCount() {
        String html = ReportWriter.render(data());
        assertTrue(html.contains("<td class=\"n\">2.5</td><td></td></tr>"), html);
        assertTrue(html.contains("<td class=\"n\">-3</td><td class=\"n\">0.1235</td>"), html);
        assertTrue(html.contains("<td><a href=\"parts/WH-1_P-1.html\">P-1</a></td>"), html);
        assertTrue(html.contains("<span id=\"exceptions-count\">2 rows</span>"), html);
        assertFalse(html.contains("feedback-filter"), "10 rows or fewer have no filter box");
        assertTrue(html.contains("<div class=\"card\">duration so far (s)<b>4.25</b></div>"), html);
        assertTrue(html.contains("<td>shipments</td><td class=\"n\">3</td><td class=\"n\">2</td><td class=\"n\">1</td>"));
    }

    @Test
    void partPageDrawsTheChartFromTheNumbers() {
        PartPage page = new PartPage("WH-1", "P-1", EVIL, "STOCKOUT_RISK", "why", "EU", "CrostonSBA", "intermittent",
                "LUMPY", LocalDate.parse("2026-01-05"), new double[] {0, 4}, new double[] {2},
                new double[][] {{1, 3, 4, 6}}, Map.of("p50", 3.0), Map.of("order_qty", 5L));
        String html = PartPageWriter.render("2026-11-20", page);
        assertTrue(html.contains("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;</p>"), html);
        // max 6 rounds up to 10: y = 20 + 260 * (1 - v / 10); x steps by 890 / 2
        assertTrue(html.contains("<polyline class=\"history\" fill=\"none\" stroke=\"#1c7ed6\" stroke-width=\"1.5\""
                + " points=\"50.0,280.0 495.0,176.0 \">"), html);
        assertTrue(html.contains("points=\"940.0,124.0 940.0,254.0\" fill=\"#f6c18b\""), html);
        assertTrue(html.contains("<text x=\"44\" y=\"24.0\" text-anchor=\"end\">10</text>"), html);
        // p50 3 of a scale of 5: 240 of the 400 pixels
        assertTrue(html.contains("<rect x=\"160\" y=\"26\" width=\"240.0\" height=\"16\" fill=\"#74c0fc\"/>"
                + "<text x=\"406.0\" y=\"38\">3</text>"), html);
        assertEquals(2, html.split("<svg ", -1).length - 1);
    }
}
