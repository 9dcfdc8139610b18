package com.sparecast.jobs.report;

import com.sparecast.jobs.format.Numbers;
import com.sparecast.jobs.format.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;

/**
 * Renders {@code report/parts/<warehouse>_<part>.html}: one exception line's demand history,
 * forecast and quantile band as an inline SVG chart, the chosen method and why, the lead-time
 * demand distribution, and the numbers behind its order. Self-contained like the index. The
 * charts' numbers are computed here; their markup is {@code templates/report/part.mustache}'s.
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

    /** What {@code report/part.mustache} shows. */
    record Page(String planningDate, String partNo, String warehouseId, String description, String exception,
                String exceptionReason, String region, DemandChart demand, String method, String demandClass,
                String methodReason, LeadTimeChart leadTimeChart, ReportWriter.Table leadTime,
                ReportWriter.Table order) {
    }

    /**
     * The demand chart's geometry: plot edges, grid lines, week labels, the forecast (null when
     * there is none), the history's points and the legend's position.
     */
    record DemandChart(int width, int height, int left, int right, int labelX, int axisY, List<GridLine> grid,
                       List<WeekLabel> weeks, Forecast forecast, String history, int legendX, int legendY) {
    }

    /** A horizontal grid line at {@code y} with its value label. */
    record GridLine(String y, String labelY, String label) {
    }

    /** A week's date under the x axis. */
    record WeekLabel(String x, String label) {
    }

    /** Where the forecast starts, and its band, p80 and mean as SVG point lists. */
    record Forecast(String start, int top, int bottom, String band, String p80, String mean) {
    }

    /** The lead-time demand bars. */
    record LeadTimeChart(int width, int height, int labelX, int barX, int barHeight, List<Bar> bars) {
    }

    /** One bar: its label, value and position. */
    record Bar(String label, String value, int textY, int barY, String width, String valueX) {
    }

    public static String render(String planningDate, PartPage page) {
        return Templates.render("report/part", new Page(planningDate, page.partNo(), page.warehouseId(),
                page.description(), page.exception(), page.exceptionReason(), page.region(), chart(page), page.method(),
                page.demandClass(), page.methodReason(), leadTimeChart(page.leadTime()),
                ReportWriter.figures("lead-time", page.leadTime()), ReportWriter.figures("order", page.order())));
    }

    /** History (blue), forecast mean (orange), p50-p95 band and p80 line, with axes. */
    static DemandChart chart(PartPage page) {
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
        IntToDoubleFunction x = i -> LEFT + i * step;
        DoubleUnaryOperator y = v -> TOP + plotHeight * (1 - v / top);

        List<GridLine> grid = new ArrayList<>();
        for (int t = 0; t <= 4; t++) {
            double v = max * t / 4;
            grid.add(new GridLine(Numbers.oneDecimal(y.applyAsDouble(v)), Numbers.oneDecimal(y.applyAsDouble(v) + 4),
                    Numbers.decimal(v)));
        }
        List<WeekLabel> weeks = new ArrayList<>();
        for (int i = 0; i < n; i += 13) {
            weeks.add(new WeekLabel(Numbers.oneDecimal(x.applyAsDouble(i)), page.firstWeek().plusWeeks(i).toString()));
        }
        Forecast future = null;
        if (forecast.length > 0) {
            StringBuilder band = new StringBuilder();
            StringBuilder p80 = new StringBuilder();
            StringBuilder mean = new StringBuilder();
            for (int i = 0; i < forecast.length; i++) {
                double at = x.applyAsDouble(history.length + i);
                band.append(point(at, y.applyAsDouble(quantile(page, i, 3))));
                p80.append(point(at, y.applyAsDouble(quantile(page, i, 1))));
                mean.append(point(at, y.applyAsDouble(forecast[i])));
            }
            for (int i = forecast.length - 1; i >= 0; i--) {
                band.append(point(x.applyAsDouble(history.length + i), y.applyAsDouble(quantile(page, i, 0))));
            }
            future = new Forecast(Numbers.oneDecimal(x.applyAsDouble(history.length)), TOP, HEIGHT - BOTTOM,
                    band.toString().trim(), p80.toString(), mean.toString());
        }
        StringBuilder past = new StringBuilder();
        for (int i = 0; i < history.length; i++) {
            past.append(point(x.applyAsDouble(i), y.applyAsDouble(history[i])));
        }
        return new DemandChart(WIDTH, HEIGHT, LEFT, WIDTH - RIGHT, LEFT - 6, HEIGHT - BOTTOM + 16, grid, weeks, future,
                past.toString(), LEFT + 80, HEIGHT - 6);
    }

    /** Horizontal bars of the lead-time demand mean and quantiles. */
    private static LeadTimeChart leadTimeChart(Map<String, Object> leadTime) {
        String[] keys = {"lead-time demand mean", "p50", "p90", "p95", "p99"};
        double max = 1;
        for (String k : keys) {
            if (leadTime.get(k) instanceof Number v) {
                max = Math.max(max, v.doubleValue());
            }
        }
        max = niceCeiling(max);
        int rowHeight = 22;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            double v = leadTime.get(keys[i]) instanceof Number number ? number.doubleValue() : 0;
            double w = 400 * v / max;
            bars.add(new Bar(keys[i], Numbers.decimal(v), i * rowHeight + 16, i * rowHeight + 4, Numbers.oneDecimal(w),
                    Numbers.oneDecimal(166 + w)));
        }
        return new LeadTimeChart(600, keys.length * rowHeight + 10, 150, 160, 16, bars);
    }

    private static double quantile(PartPage page, int period, int which) {
        double[][] q = page.quantiles();
        return period < q.length && which < q[period].length ? q[period][which] : page.forecast()[period];
    }

    /** {@code x,y } of an SVG point list. */
    private static String point(double x, double y) {
        return Numbers.oneDecimal(x) + "," + Numbers.oneDecimal(y) + " ";
    }

    /** 1, 2 or 5 times a power of ten, at least {@code v} (chart axes; also {@code simulate}'s trade-off chart). */
    public static double niceCeiling(double v) {
        double power = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= v) {
                return m * power;
            }
        }
        return 10 * power;
    }
}
