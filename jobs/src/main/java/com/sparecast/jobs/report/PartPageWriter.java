package com.sparecast.jobs.report;

import static com.sparecast.jobs.report.ReportWriter.escape;

import com.sparecast.jobs.format.Numbers;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * Renders {@code report/parts/<warehouse>_<part>.html}: one exception line's demand history,
 * forecast and quantile band as an inline SVG chart, the chosen method and why, the lead-time
 * demand distribution, and the numbers behind its order. Self-contained like the index.
 */
public final class PartPageWriter {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 320;
    private static final int LEFT = 50;
    private static final int RIGHT = 20;
    private static final int TOP = 20;
    private static final int BOTTOM = 40;

    private PartPageWriter() {
    }

    public static String render(String planningDate, PartPage page) {
        StringBuilder html = new StringBuilder(32_768);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(page.partNo())).append(" at ").append(escape(page.warehouseId())).append("</title>")
                .append(ReportWriter.STYLE).append("</head><body>\n")
                .append("<p><a href=\"../index.html\">&larr; Plan for ").append(escape(planningDate)).append("</a></p>\n")
                .append("<h1>").append(escape(page.partNo())).append(" at ").append(escape(page.warehouseId()))
                .append("</h1>\n<p>").append(escape(page.description())).append("</p>\n")
                .append("<p><b>").append(escape(page.exception())).append("</b>: ").append(escape(page.exceptionReason()))
                .append("</p>\n");
        html.append("<h2>Demand and forecast (").append(escape(page.region())).append(", weekly)</h2>\n");
        chart(html, page);
        html.append("<h2>Method</h2><p><b>").append(escape(page.method())).append("</b> (demand class ")
                .append(escape(page.demandClass())).append("): ").append(escape(page.methodReason())).append("</p>\n");
        html.append("<h2>Lead time and lead-time demand</h2>");
        leadTimeChart(html, page.leadTime());
        ReportWriter.figures(html, "lead-time", page.leadTime());
        html.append("<h2>The numbers behind the order</h2>");
        ReportWriter.figures(html, "order", page.order());
        html.append(ReportWriter.SCRIPT).append("</body></html>\n");
        return html.toString();
    }

    /** History (blue), forecast mean (orange), p50-p95 band and p80 line, with axes. */
    static void chart(StringBuilder svg, PartPage page) {
        double[] history = page.history();
        double[] forecast = page.forecast();
        int n = history.length + forecast.length;
        double max = 1;
        for (double v : history) {
            max = Math.max(max, v);
        }
        for (int i = 0; i < forecast.length; i++) {
            max = Math.max(max, forecast[i]);
            max = Math.max(max, quantile(page, i, 3));
        }
        max = niceCeiling(max);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double step = plotWidth / Math.max(1, n - 1);
        final double top = max;
        java.util.function.IntToDoubleFunction x = i -> LEFT + i * step;
        java.util.function.DoubleUnaryOperator y = v -> TOP + plotHeight * (1 - v / top);

        svg.append("<svg id=\"demand-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"weekly demand history and forecast\">\n");
        for (int t = 0; t <= 4; t++) {
            double v = max * t / 4;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", LEFT, WIDTH - RIGHT, y.applyAsDouble(v),
                    y.applyAsDouble(v), LEFT - 6, y.applyAsDouble(v) + 4, Numbers.decimal(v)));
        }
        for (int i = 0; i < n; i += 13) {
            LocalDate week = page.firstWeek().plusWeeks(i);
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
                    x.applyAsDouble(i), HEIGHT - BOTTOM + 16, week));
        }
        if (forecast.length > 0) {
            double start = x.applyAsDouble(history.length);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#999\""
                    + " stroke-dasharray=\"4 3\"/>\n", start, start, TOP, HEIGHT - BOTTOM));
            StringBuilder band = new StringBuilder();
            for (int i = 0; i < forecast.length; i++) {
                band.append(point(x.applyAsDouble(history.length + i), y.applyAsDouble(quantile(page, i, 3))));
            }
            for (int i = forecast.length - 1; i >= 0; i--) {
                band.append(point(x.applyAsDouble(history.length + i), y.applyAsDouble(quantile(page, i, 0))));
            }
            svg.append("<polygon class=\"band\" points=\"").append(band.toString().trim())
                    .append("\" fill=\"#f6c18b\" fill-opacity=\"0.45\" stroke=\"none\"><title>p50 to p95</title></polygon>\n");
            svg.append("<polyline class=\"p80\" fill=\"none\" stroke=\"#d9822b\" stroke-dasharray=\"3 3\" points=\"");
            for (int i = 0; i < forecast.length; i++) {
                svg.append(point(x.applyAsDouble(history.length + i), y.applyAsDouble(quantile(page, i, 1))));
            }
            svg.append("\"><title>p80</title></polyline>\n");
            svg.append("<polyline class=\"forecast\" fill=\"none\" stroke=\"#e8590c\" stroke-width=\"2\" points=\"");
            for (int i = 0; i < forecast.length; i++) {
                svg.append(point(x.applyAsDouble(history.length + i), y.applyAsDouble(forecast[i])));
            }
            svg.append("\"><title>forecast mean</title></polyline>\n");
        }
        svg.append("<polyline class=\"history\" fill=\"none\" stroke=\"#1c7ed6\" stroke-width=\"1.5\" points=\"");
        for (int i = 0; i < history.length; i++) {
            svg.append(point(x.applyAsDouble(i), y.applyAsDouble(history[i])));
        }
        svg.append("\"><title>weekly demand</title></polyline>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" style=\"fill:#1c7ed6\">&#9632; history</text>"
                + "<text x=\"%d\" y=\"%d\" style=\"fill:#e8590c\">&#9632; forecast mean, band p50-p95, dashed p80</text>\n",
                LEFT, HEIGHT - 6, LEFT + 80, HEIGHT - 6));
        svg.append("</svg>\n");
    }

    /** Horizontal bars of the lead-time demand mean and quantiles. */
    private static void leadTimeChart(StringBuilder svg, Map<String, Object> leadTime) {
        String[] keys = {"lead-time demand mean", "p50", "p90", "p95", "p99"};
        double max = 1;
        for (String k : keys) {
            if (leadTime.get(k) instanceof Number v) {
                max = Math.max(max, v.doubleValue());
            }
        }
        max = niceCeiling(max);
        int rowHeight = 22;
        svg.append("<svg id=\"ltd-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"")
                .append(keys.length * rowHeight + 10).append("\" role=\"img\" aria-label=\"lead-time demand quantiles\">\n");
        for (int i = 0; i < keys.length; i++) {
            double v = leadTime.get(keys[i]) instanceof Number number ? number.doubleValue() : 0;
            double w = 400 * v / max;
            svg.append(String.format(Locale.ROOT, "<text x=\"150\" y=\"%d\" text-anchor=\"end\">%s</text>"
                            + "<rect x=\"160\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"#74c0fc\"/>"
                            + "<text x=\"%.1f\" y=\"%d\">%s</text>\n", i * rowHeight + 16, keys[i], i * rowHeight + 4, w,
                    166 + w, i * rowHeight + 16, Numbers.decimal(v)));
        }
        svg.append("</svg>\n");
    }

    private static double quantile(PartPage page, int period, int which) {
        double[][] q = page.quantiles();
        return period < q.length && which < q[period].length ? q[period][which] : page.forecast()[period];
    }

    private static String point(double x, double y) {
        return String.format(Locale.ROOT, "%.1f,%.1f ", x, y);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code v}. */
    static double niceCeiling(double v) {
        double power = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= v) {
                return m * power;
            }
        }
        return 10 * power;
    }
}
