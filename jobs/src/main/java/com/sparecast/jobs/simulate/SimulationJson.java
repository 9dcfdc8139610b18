package com.sparecast.jobs.simulate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.sparecast.jobs.format.Json;
import com.sparecast.jobs.format.Numbers;
import com.sparecast.jobs.simulate.PolicyComparison.ClassOutcome;
import com.sparecast.jobs.simulate.PolicyComparison.Outcome;
import com.sparecast.models.inventory.AbcClass;
import com.sparecast.models.inventory.SimulationResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --json} file of {@code simulate}: the run's settings on the first line, then one
 * line per ABC class and one for all series ({@code "classes"}), then the lead-time-demand
 * calibration rows ({@code "ltd_calibration"}), then the trade-off curve ({@code "trade_off"}, one
 * line per target; an empty list with {@code --trade-off-targets none}), then expected against
 * achieved fill rate per decile of lines ({@code "expected_fill_deciles"}, {@link ExpectedFillDeciles})
 * and the lines whose plans expect no demand ({@code "expected_fill_no_expected_demand"}); numbers in full precision,
 * null where a value is undefined or does not apply.
 */
final class SimulationJson {

    private SimulationJson() {
    }

    /** The run's settings, as the command was given them; null where they do not apply. */
    record Settings(String frequency, Integer holdout, int review, int replanEvery, Double leadTimeMean,
                    Double leadTimeSd, Double targetFillRate, String allocation, boolean groundTruth, boolean master,
                    Double stockCapPeriods) {
    }

    static String write(Outcome o, Settings s) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("series", o.series());
        root.put("excluded", o.excluded());
        root.put("frequency", s.frequency());
        root.put("holdout", s.holdout());
        root.put("review", s.review());
        root.put("replan_every", s.replanEvery());
        root.put("lead_time_mean", s.leadTimeMean());
        root.put("lead_time_sd", s.leadTimeSd());
        root.put("target_fill_rate", s.targetFillRate());
        root.put("allocation", s.allocation());
        root.put("ground_truth", s.groundTruth());
        root.put("master", s.master());
        root.put("stock_cap_periods", s.stockCapPeriods());
        Map<String, Object> classes = new LinkedHashMap<>();
        for (Map.Entry<AbcClass, ClassOutcome> e : o.classes().entrySet()) {
            classes.put(e.getKey().name(), of(e.getValue()));
        }
        classes.put("ALL", of(o.overall()));
        root.put("classes", classes);
        List<Map<String, Object>> calibration = new ArrayList<>();
        for (CalibrationRow r : CalibrationRow.rows(o)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("abc_class", r.abcClass());
            m.put("demand_class", r.demandClass());
            m.put("plans", r.tally().plans());
            m.put("at_or_below_p50", r.tally().share50());
            m.put("at_or_below_p80", r.tally().share80());
            m.put("at_or_below_p95", r.tally().share95());
            calibration.add(m);
        }
        root.put("ltd_calibration", calibration);
        root.put("trade_off", tradeOff(o.tradeOff()));
        List<Map<String, Object>> deciles = new ArrayList<>();
        for (ExpectedFillDeciles.Decile d : o.deciles().deciles()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("decile", d.decile());
            m.put("lines", d.lines());
            m.put("expected_fill_rate", d.expectedFillRate());
            m.put("achieved_fill_rate", d.achievedFillRate());
            deciles.add(m);
        }
        root.put("expected_fill_deciles", deciles);
        Map<String, Object> unplanned = new LinkedHashMap<>();
        unplanned.put("lines", o.deciles().unplanned().lines());
        unplanned.put("realised_demand", o.deciles().unplanned().achieved().demand());
        unplanned.put("achieved_fill_rate", o.deciles().unplanned().achieved().fillRate());
        root.put("expected_fill_no_expected_demand", unplanned);
        return Json.write(root, Numbers::exact, new Layout());
    }

    private static Map<String, Object> of(ClassOutcome c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("series", c.series());
        m.put("demand", c.sparecast().demand());
        Map<String, Object> sparecast = of(c.sparecast());
        sparecast.put("expected_fill_rate", c.expected().fillRate());
        sparecast.put("target_unreachable", c.targetUnreachable());
        sparecast.put("plans", c.expected().plans());
        sparecast.put("plans_held_back_by_stock_cap", c.expected().heldBack());
        m.put("sparecast", sparecast);
        m.put("normal", of(c.normal()));
        m.put("target", c.target());
        Map<String, Object> matched = of(c.matched());
        matched.put("line_target", c.matchedTarget());
        matched.put("average_on_hand_at_same_fill_rate", c.matchedOnHand());
        m.put("normal_matched", matched);
        return m;
    }

    /**
     * One entry per target: each policy's result ({@code normal} with the line target it was tuned
     * to), each baseline's average on hand at Sparecast's fill rate and whether Sparecast holds no
     * more (null where the fill rate lies outside the baseline's curve).
     */
    private static List<Map<String, Object>> tradeOff(TradeOff t) {
        List<Map<String, Object>> points = new ArrayList<>();
        for (TradeOff.Point p : t.points()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("target", p.target());
            m.put("sparecast", of(p.sparecast()));
            Map<String, Object> normal = of(p.normal());
            normal.put("line_target", p.normalLineTarget());
            m.put("normal", normal);
            m.put("bootstrap", of(p.bootstrap()));
            double normalOnHand = t.normalOnHandAt(p);
            double bootstrapOnHand = t.bootstrapOnHandAt(p);
            m.put("normal_on_hand_at_sparecast_fill_rate", normalOnHand);
            m.put("bootstrap_on_hand_at_sparecast_fill_rate", bootstrapOnHand);
            m.put("sparecast_at_or_below_normal", TradeOff.atOrBelow(p, normalOnHand));
            m.put("sparecast_at_or_below_bootstrap", TradeOff.atOrBelow(p, bootstrapOnHand));
            points.add(m);
        }
        return points;
    }

    private static Map<String, Object> of(SimulationResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fill_rate", r.fillRate());
        m.put("average_on_hand", r.averageOnHand());
        m.put("orders", r.orders());
        m.put("units_ordered", r.unitsOrdered());
        return m;
    }

    /**
     * Entries inline ({@code "key": value, ...}), except in the blocks, the objects and lists that
     * are values of the root ({@code classes}, {@code ltd_calibration}, {@code trade_off}): each of
     * their entries has a line of its own. The first block, {@code classes}, starts a new line.
     */
    private static final class Layout implements PrettyPrinter {

        /** Whether the generator is inside a block (not deeper). */
        private static boolean inBlock(JsonGenerator g) {
            JsonStreamContext parent = g.getOutputContext().getParent();
            return parent != null && parent.inObject() && parent.getParent() != null && parent.getParent().inRoot();
        }

        private static boolean inRootObject(JsonGenerator g) {
            JsonStreamContext parent = g.getOutputContext().getParent();
            return parent != null && parent.inRoot();
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) {
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            if (inBlock(g)) {
                g.writeRaw("\n  ");
            }
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            if (inBlock(g)) {
                g.writeRaw(",\n  ");
            } else if (inRootObject(g) && "classes".equals(g.getOutputContext().getCurrentName())) {
                g.writeRaw(",\n ");
            } else {
                g.writeRaw(", ");
            }
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            g.writeRaw('}');
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw('[');
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            if (inBlock(g)) {
                g.writeRaw("\n  ");
            }
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(inBlock(g) ? ",\n  " : ", ");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            g.writeRaw(']');
        }
    }
}
