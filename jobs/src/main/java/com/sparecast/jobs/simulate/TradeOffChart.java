package com.sparecast.jobs.simulate;

import com.sparecast.jobs.format.Numbers;
import com.sparecast.jobs.format.Templates;
import com.sparecast.jobs.report.PartPageWriter;
import com.sparecast.models.inventory.SimulationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

/**
 * The trade-off curve as an SVG chart ({@code simulate --trade-off-svg}): achieved fill rate on
 * x, average on hand on y, one line with markers per policy (Sparecast, tuned normal, bootstrap),
 * axis labels, grid and a legend. Rendered from {@code templates/simulate/trade-off.svg.mustache};
 * every value is escaped by the engine, the Java side only computes coordinates and labels.
 */
final class TradeOffChart {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 170;
    private static final int TOP = 30;
    private static final int BOTTOM = 50;

    private TradeOffChart() {
    }

    record Chart(int width, int height, int left, int right, int top, int bottom, String title, List<Tick> xTicks,
                 List<Tick> yTicks, String xLabel, String yLabel, int xLabelX, int xLabelY, int yLabelX,
                 int yLabelY, List<Curve> curves) {
    }

    /** A grid line at {@code at} (an x or y coordinate) with its value label at {@code labelAt}. */
    record Tick(String at, String labelAt, String label) {
    }

    /** A policy's line, its markers and its legend entry. */
    record Curve(String name, String color, String dash, String points, List<Marker> markers, int legendX,
                 int legendY, int legendLineEnd, int legendTextX) {
    }

    /** One target's point, with a tooltip. */
    record Marker(String x, String y, String title) {
    }

    private record Policy(String name, String color, String dash, Function<TradeOff.Point, SimulationResult> result) {
    }

    private static final List<Policy> POLICIES = List.of(
            new Policy("Sparecast", "#e8590c", "none", TradeOff.Point::sparecast),
            new Policy("normal (tuned)", "#1c7ed6", "6 4", TradeOff.Point::normal),
            new Policy("bootstrap", "#2b8a3e", "2 3", TradeOff.Point::bootstrap));

    /** The chart of {@code curve}, titled {@code title} (the data set and settings). */
    static String svg(TradeOff curve, String title) {
        return Templates.render("simulate/trade-off.svg", chart(curve, title));
    }

    static Chart chart(TradeOff curve, String title) {
        double minX = 1;
        double maxX = 0;
        double maxY = 0;
        for (TradeOff.Point p : curve.points()) {
            for (Policy policy : POLICIES) {
                SimulationResult r = policy.result().apply(p);
                if (Double.isFinite(r.fillRate()) && Double.isFinite(r.averageOnHand())) {
                    minX = Math.min(minX, r.fillRate());
                    maxX = Math.max(maxX, r.fillRate());
                    maxY = Math.max(maxY, r.averageOnHand());
                }
            }
        }
        if (minX > maxX) {
            minX = 0;
            maxX = 1;
        }
        // x from the 0.05 below the lowest fill rate to the 0.05 above the highest (at most 1).
        double x0 = Math.max(0, Math.floor(minX * 20 - 1e-9) / 20);
        double x1 = Math.min(1, Math.ceil(maxX * 20 + 1e-9) / 20);
        if (x1 <= x0) {
            x1 = Math.min(1, x0 + 0.05);
            x0 = x1 - 0.05;
        }
        double y1 = PartPageWriter.niceCeiling(Math.max(maxY, 1e-3));
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double fromX = x0;
        double spanX = x1 - x0;
        DoubleUnaryOperator x = v -> LEFT + plotWidth * (v - fromX) / spanX;
        DoubleUnaryOperator y = v -> TOP + plotHeight * (1 - v / y1);

        List<Tick> xTicks = new ArrayList<>();
        int steps = (int) Math.round(spanX / 0.05);
        int every = steps > 8 ? 2 : 1;
        for (int k = 0; k <= steps; k += every) {
            double v = x0 + k * 0.05;
            xTicks.add(new Tick(Numbers.oneDecimal(x.applyAsDouble(v)), Numbers.oneDecimal(HEIGHT - BOTTOM + 16),
                    String.format(java.util.Locale.ROOT, "%.2f", v)));
        }
        List<Tick> yTicks = new ArrayList<>();
        for (int k = 0; k <= 5; k++) {
            double v = y1 * k / 5;
            yTicks.add(new Tick(Numbers.oneDecimal(y.applyAsDouble(v)), Numbers.oneDecimal(y.applyAsDouble(v) + 4),
                    Numbers.decimal(v)));
        }
        List<Curve> curves = new ArrayList<>();
        int legendX = WIDTH - RIGHT + 16;
        for (int c = 0; c < POLICIES.size(); c++) {
            Policy policy = POLICIES.get(c);
            StringBuilder line = new StringBuilder();
            List<Marker> markers = new ArrayList<>();
            List<TradeOff.Point> byFill = new ArrayList<>(curve.points());
            byFill.sort(java.util.Comparator.comparingDouble(p -> policy.result().apply(p).fillRate()));
            for (TradeOff.Point p : byFill) {
                SimulationResult r = policy.result().apply(p);
                if (!Double.isFinite(r.fillRate()) || !Double.isFinite(r.averageOnHand())) {
                    continue;
                }
                String px = Numbers.oneDecimal(x.applyAsDouble(r.fillRate()));
                String py = Numbers.oneDecimal(y.applyAsDouble(r.averageOnHand()));
                line.append(px).append(',').append(py).append(' ');
                markers.add(new Marker(px, py, String.format(java.util.Locale.ROOT,
                        "%s at target %.2f: fill rate %.4f, average on hand %.3f", policy.name(), p.target(),
                        r.fillRate(), r.averageOnHand())));
            }
            int legendY = TOP + 10 + 22 * c;
            curves.add(new Curve(policy.name(), policy.color(), policy.dash(), line.toString().trim(), markers, legendX,
                    legendY, legendX + 24, legendX + 30));
        }
        return new Chart(WIDTH, HEIGHT, LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM, title, xTicks, yTicks,
                "achieved fill rate", "average on hand (units per series and period)", LEFT + (int) plotWidth / 2,
                HEIGHT - 12, 18, TOP + (int) plotHeight / 2, curves);
    }
}
