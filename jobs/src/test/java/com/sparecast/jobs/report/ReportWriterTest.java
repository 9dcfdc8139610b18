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

    /** A queue line with the given figures; the rest empty. */
    static ExceptionQueue.Line line(String warehouse, String part, String description, String exception, String reason,
                                    Double valueAtRisk, Double weeksOfCover, Long orderQty, String overrideKind) {
        return new ExceptionQueue.Line(warehouse, part, description, exception, reason, "A", valueAtRisk, weeksOfCover,
                null, orderQty, null, 0.9, 0.98, overrideKind, overrideKind == null ? null : 4.0,
                overrideKind == null ? null : "ana", weeksOfCover, ExceptionQueue.priority(valueAtRisk, weeksOfCover));
    }

    private static ReportData data() {
        Reconciliation reconciliation = new Reconciliation(Map.of("shipments",
                Reconciliation.FeedCounts.of(List.of(new Reconciliation.FileCounts("a.csv", 3, 2, 1)))));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("orders", 12L);
        summary.put("duration so far (s)", 4.25);
        List<ExceptionQueue.Line> queue = List.of(
                line("WH-1", "P-1", EVIL, "STOCKOUT_RISK", "=SUM(A1)", 250.0, 2.5, 7L, "ORDER_QTY"),
                line("WH-1", "P-2", "'quoted first", "OVERSTOCK", "-3 weeks", 0.0, 30.0, 0L, null),
                line("WH-2", "P-3", "no rate", "BELOW_TARGET", "why", null, null, null, null));
        TableData section = new TableData("feedback", "Feedback", "from " + EVIL, List.of("part_no", "share"),
                List.<List<Object>>of(List.of("P-1", 0.5)));
        return new ReportData("2026-11-20", "plan-1", reconciliation, summary, Map.of("SMOOTH", 1L), "EUR", queue,
                Map.of("WH-1/P-1", "parts/WH-1_P-1.html"), "note", KpiHeaderTest.firstRun(), List.of(section));
    }

    @Test
    void valuesReachThePageEscaped() {
        String html = ReportWriter.render(data());
        assertFalse(html.contains("<script>alert"), html);
        assertTrue(html.contains("<dd>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;</dd>"), html);
        assertTrue(html.contains("<p class=\"note\">from &lt;script&gt;"), html);
    }

    /** The spreadsheet formula guard is for CSV files: the page shows the text as it is. */
    @Test
    void cellsAreNotGuardedAsCsvIs() {
        String html = ReportWriter.render(data());
        assertTrue(html.contains("<dd>&#61;SUM(A1)</dd>"), html);
        assertTrue(html.contains("<dd>&#39;quoted first</dd>"), html);
        assertTrue(html.contains("<dd>-3 weeks</dd>"), html);
    }

    @Test
    void queueLinesShowTheKeyColumnsInOrderWithTheirDecision() {
        String html = ReportWriter.render(data());
        // 250 at risk, 2.5 weeks left: 250 / 2.5 = 100.00 per week.
        assertTrue(html.contains("<tr><td class=\"n\">100.00</td><td>WH-1</td><td><a href=\"parts/WH-1_P-1.html\">P-1</a></td>"
                + "<td>STOCKOUT_RISK</td><td class=\"n\">250.00</td><td class=\"n\">2.5</td><td class=\"n\">7</td>"
                + "<td>ORDER_QTY 4 (ana)</td>"), html);
        // No FX rate: no value at risk, no priority, empty cells.
        assertTrue(html.contains("<tr><td class=\"n\"></td><td>WH-2</td><td>P-3</td><td>BELOW_TARGET</td>"
                + "<td class=\"n\"></td><td class=\"n\"></td><td class=\"n\"></td><td></td>"), html);
        assertTrue(html.contains("<th onclick=\"sortBy(this)\">value at risk (EUR)</th>"), html);
        assertTrue(html.contains("<span id=\"queue-count\">3 of 3 lines</span>"), html);
    }

    @Test
    void aProposedTransferIsInTheLinesDetailsAfterItsReason() {
        ExceptionQueue.Line l = line("DC-NL", "P-1", "Pump", "STOCKOUT_RISK", "short", 80.0, 1.0, 5L, null);
        ExceptionQueue.Line withTransfer = new ExceptionQueue.Line(l.warehouseId(), l.partNo(), l.description(),
                l.exception(), l.reason(), l.abcClass(), l.valueAtRisk(), l.weeksOfCover(), l.stockoutDate(),
                l.orderQty(), l.orderValue(), l.expectedFillRate(), l.targetFillRate(), l.overrideKind(),
                l.overrideValue(), l.decidedBy(), l.weeksLeft(), l.priority(),
                "transfer 3 from WH-DE, arrives 2026-11-25, cost 40.93 vs new order 38.54 EUR");
        ReportWriter.Queue queue = ReportWriter.queue(List.of(withTransfer, l), Map.of(), "EUR");
        List<String> labels = queue.rows().get(0).details().stream().map(ReportWriter.Figure::label).toList();
        assertEquals(List.of("description", "reason", "rebalancing"), labels.subList(0, 3));
        assertEquals("transfer 3 from WH-DE, arrives 2026-11-25, cost 40.93 vs new order 38.54 EUR",
                queue.rows().get(0).details().get(2).value());
        assertFalse(queue.rows().get(1).details().stream().anyMatch(f -> f.label().equals("rebalancing")),
                "a line without a transfer has no rebalancing figure");
    }

    @Test
    void cardsFilterTheQueueByException() {
        String html = ReportWriter.render(data());
        assertTrue(html.contains("<button type=\"button\" class=\"card\" data-filter=\"\" onclick=\"cardFilter(this)\">"
                + "all exceptions<b>3</b></button>"), html);
        assertTrue(html.contains("data-filter=\"&#61;OVERSTOCK\" onclick=\"cardFilter(this)\">OVERSTOCK<b>1</b></button>"), html);
        assertEquals(4, html.split("onclick=\"cardFilter", -1).length - 1, "all, and one per exception");
    }

    @Test
    void kpiHeaderFirstRunSaysTrendsStartWithTheSecond() {
        String html = ReportWriter.render(data());
        assertTrue(html.contains("<div class=\"card kpi\" id=\"kpi-stock\">stock value (EUR)<b>1234.50</b></div>"), html);
        assertTrue(html.contains("Trends start with the second run: no earlier run is published in out/ yet."), html);
        assertFalse(html.contains("class=\"trend\""), "one run draws no trend line");
        assertTrue(html.contains("<svg id=\"fill-rate-chart\""), html);
        assertTrue(html.indexOf("id=\"kpis\"") < html.indexOf("id=\"queue\""), "the KPI header comes first");
    }

    @Test
    void numbersAlignRightAndFiltersCount() {
        String html = ReportWriter.render(data());
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
