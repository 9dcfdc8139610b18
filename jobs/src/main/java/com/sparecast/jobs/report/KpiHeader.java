package com.sparecast.jobs.report;

import com.sparecast.jobs.format.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The review page's KPI header: the plan's key figures as cards, each with its trend over the
 * runs published under the same output as a small inline SVG line, and the expected fill rate
 * against target per warehouse and class as an inline SVG bar chart. Geometry is computed here;
 * the markup is {@code templates/report/kpi.mustache}'s.
 */
public final class KpiHeader {

    static final int SPARK_WIDTH = 150;
    static final int SPARK_HEIGHT = 36;
    static final int BAR_LABEL = 110;
    static final int BAR_SCALE = 360;
    static final int BAR_ROW = 18;

    private KpiHeader() {
    }

    /** What {@code report/kpi.mustache} shows. */
    record Header(List<KpiCard> cards, String trendNote, FillRateChart fillRates) {
    }

    /** A figure, and its trend line when there are two runs or more ({@code trend} null otherwise). */
    record KpiCard(String id, String label, String value, Spark trend) {
    }

    /** A trend line: its points and one dot per run with the run's date and value as its title. */
    record Spark(int width, int height, String points, List<Dot> dots) {
    }

    /** A run's point on a trend line. */
    record Dot(String x, String y, String title) {
    }

    /** Fill rate bars on a scale from {@code low} (at {@code left}) to 1 (at {@code right}). */
    record FillRateChart(int width, int height, int left, int right, int axisY, String low, List<FillBar> bars) {
    }

    /** One warehouse's class: its bar, the target tick, and the figures as text. */
    record FillBar(String label, int y, int textY, int tickTop, int tickBottom, String barWidth, String targetX,
                   int valueX, String value, boolean below) {
    }

    /** One published run's figures, for the trends (NaN where unknown). */
    public record RunFigures(String date, double stockValue, double fillRate, double rmsse) {
    }

    /**
     * @param figures this plan's figures
     * @param runs earlier runs' figures and this one's, oldest first
     * @param earlierRuns how many earlier runs were found published (0 on a first run)
     * @param rmsse mean RMSSE of each earlier run's forecasts, by run date
     */
    static Header of(Kpis.Figures figures, String currency, List<RunFigures> runs, int earlierRuns,
                     Map<String, Double> rmsse, List<Kpis.ClassFillRate> classes, String output) {
        List<KpiCard> cards = new ArrayList<>();
        cards.add(new KpiCard("kpi-stock", "stock value (" + currency + ")", ReportWriter.money(figures.stockValue()),
                spark(runs, RunFigures::stockValue, true)));
        cards.add(new KpiCard("kpi-order", "order value (" + currency + ")", ReportWriter.money(figures.orderValue()),
                null));
        cards.add(new KpiCard("kpi-excess", "excess value (" + currency + ")", ReportWriter.money(figures.excessValue()),
                null));
        cards.add(new KpiCard("kpi-fill", "expected fill rate / target", Numbers.text(round(figures.fillRate())) + " / "
                + Numbers.text(round(figures.target())), spark(runs, RunFigures::fillRate, false)));
        Map<String, Double> accuracy = new TreeMap<>(rmsse);
        String lastAccuracy = accuracy.isEmpty() ? "none yet" : Numbers.text(round(accuracy.values().stream()
                .reduce((a, b) -> b).orElseThrow()));
        cards.add(new KpiCard("kpi-accuracy", "forecast RMSSE, earlier runs", lastAccuracy,
                spark(runs, RunFigures::rmsse, false)));
        String note = earlierRuns == 0
                ? "Trends start with the second run: no earlier run is published in " + output + " yet."
                : "Trends over this run and the " + earlierRuns + " earlier run" + (earlierRuns == 1 ? "" : "s")
                        + " published in " + output + " (up to 12 within 91 days); a line needs two runs with the figure."
                        + " Forecast RMSSE: the earlier runs' forecasts against the demand seen since, mean over series.";
        return new Header(cards, note, fillRates(classes));
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 10_000) / 10_000.0 : v;
    }

    /** A trend line over the runs that have the figure; null when fewer than two do. */
    static Spark spark(List<RunFigures> runs, java.util.function.ToDoubleFunction<RunFigures> figure, boolean money) {
        List<RunFigures> known = runs.stream().filter(r -> Double.isFinite(figure.applyAsDouble(r))).toList();
        if (known.size() < 2) {
            return null;
        }
        double min = known.stream().mapToDouble(figure).min().orElseThrow();
        double max = known.stream().mapToDouble(figure).max().orElseThrow();
        double span = max > min ? max - min : 1;
        int pad = 4;
        StringBuilder points = new StringBuilder();
        List<Dot> dots = new ArrayList<>();
        for (int i = 0; i < known.size(); i++) {
            double v = figure.applyAsDouble(known.get(i));
            double x = pad + (SPARK_WIDTH - 2.0 * pad) * i / (known.size() - 1);
            double y = max > min ? pad + (SPARK_HEIGHT - 2.0 * pad) * (1 - (v - min) / span) : SPARK_HEIGHT / 2.0;
            String sx = Numbers.oneDecimal(x);
            String sy = Numbers.oneDecimal(y);
            points.append(sx).append(',').append(sy).append(' ');
            dots.add(new Dot(sx, sy, known.get(i).date() + ": " + (money ? ReportWriter.money(v) : Numbers.text(round(v)))));
        }
        return new Spark(SPARK_WIDTH, SPARK_HEIGHT, points.toString().strip(), dots);
    }

    /** Bars on a scale from the lowest figure rounded down to a tenth (at most 0.8) to 1. */
    static FillRateChart fillRates(List<Kpis.ClassFillRate> classes) {
        if (classes.isEmpty()) {
            return null;
        }
        double lowest = classes.stream().mapToDouble(c -> Math.min(c.expected(), c.target())).min().orElseThrow();
        double low = Math.min(0.8, Math.floor(lowest * 10) / 10);
        List<FillBar> bars = new ArrayList<>();
        int y = 4;
        for (Kpis.ClassFillRate c : classes) {
            double width = BAR_SCALE * Math.max(0, c.expected() - low) / (1 - low);
            double target = BAR_LABEL + BAR_SCALE * (c.target() - low) / (1 - low);
            bars.add(new FillBar(c.warehouseId() + " class " + c.abcClass(), y, y + 12, y - 2, y + BAR_ROW - 2,
                    Numbers.oneDecimal(width), Numbers.oneDecimal(target), BAR_LABEL + BAR_SCALE + 8,
                    Numbers.text(round(c.expected())) + " / " + Numbers.text(round(c.target())),
                    c.expected() < c.target() - 0.005));
            y += BAR_ROW;
        }
        return new FillRateChart(BAR_LABEL + BAR_SCALE + 120, y + 18, BAR_LABEL, BAR_LABEL + BAR_SCALE, y + 12,
                Numbers.text(low), bars);
    }
}
