package com.sparecast.jobs.replenishment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.jobs.input.MasterData;
import com.sparecast.jobs.simulate.SimulatedPlanLines;
import com.sparecast.jobs.stage.PlanSchema;
import com.sparecast.models.distribution.LeadTime;
import com.sparecast.models.inventory.PolicyDecision;
import com.sparecast.models.inventory.ResponseCurve;
import com.sparecast.models.selection.AutomaticForecaster;
import com.sparecast.models.selection.SeriesForecast;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The nightly plan ({@link PlanLineCalculator}, on the forecast step's rows) and {@code simulate}
 * (its planning of a class of lines) give the same levels for the same lines: four parts of one
 * warehouse's class A, on a simulated 120-week path (smooth Poisson, intermittent, lumpy and an
 * erratic series; seeded), planned at three origins along the path as simulate plans again,
 * both with the class-wide allocation and per line. The lines carry no stock, pack size 1 and no
 * MOQ or EOQ, as simulate plans them; the bootstrap seed is the nightly plan's.
 */
class PlanLineInSimulateTest {

    private static final LocalDate DATE = LocalDate.of(2026, 11, 20);
    private static final List<String> PARTS = List.of("P-ERRATIC", "P-INTERMITTENT", "P-LUMPY", "P-SMOOTH");
    private static final double TARGET = 0.95;

    private static MasterData master() {
        Map<String, MasterData.Part> parts = new TreeMap<>();
        for (String p : PARTS) {
            parts.put(p, new MasterData.Part(p, "part " + p, 10, "EUR", 1, "847330", "DE", 1, 0, null, null, null));
        }
        Map<String, MasterData.Warehouse> warehouses = new TreeMap<>();
        warehouses.put("WH-C", new MasterData.Warehouse("WH-C", "EU", "DE", "CENTRAL"));
        warehouses.put("WH-DE", new MasterData.Warehouse("WH-DE", "EU-WEST", "DE", "REGIONAL"));
        List<MasterData.Lane> lanes = List.of(
                new MasterData.Lane("WH-C", "WH-DE", "ROAD", 12, 3, 2, 2, "DAP", "MON", null));
        return new MasterData(parts, Map.of("DE", "EU-WEST"), warehouses, lanes, List.of(), Map.of("A", TARGET),
                Map.of(), List.of(), Map.of());
    }

    private static PlanningContext context(boolean classWide, double stockCap) {
        return new PlanningContext(master(), Set.of(), DATE,
                new PlanningContext.Policy(1, 28, 7, 0.9, 26, 0, 0, Double.NaN, Double.NaN, classWide, 0.5, stockCap));
    }

    /** A seeded weekly path for each part. */
    private static Map<String, double[]> paths() {
        Random r = new Random(20261120L);
        Map<String, double[]> out = new TreeMap<>();
        int n = 120;
        double[] smooth = new double[n];
        double[] intermittent = new double[n];
        double[] lumpy = new double[n];
        double[] erratic = new double[n];
        for (int t = 0; t < n; t++) {
            smooth[t] = poisson(r, 6);
            intermittent[t] = r.nextDouble() < 0.3 ? 1 + poisson(r, 0.5) : 0;
            lumpy[t] = r.nextDouble() < 0.2 ? 1 + Math.floor(-8 * Math.log(1 - r.nextDouble())) : 0;
            erratic[t] = r.nextDouble() < 0.9 ? Math.floor(-5 * Math.log(1 - r.nextDouble())) : 0;
        }
        out.put("P-ERRATIC", erratic);
        out.put("P-INTERMITTENT", intermittent);
        out.put("P-LUMPY", lumpy);
        out.put("P-SMOOTH", smooth);
        return out;
    }

    private static double poisson(Random r, double mean) {
        double l = Math.exp(-mean);
        double p = r.nextDouble();
        int k = 0;
        while (p > l) {
            p *= r.nextDouble();
            k++;
        }
        return k;
    }

    private static Seq<Double> boxed(double[] v) {
        return CollectionConverters.asScala(Arrays.stream(v).boxed().toList()).toSeq();
    }

    /** The row as Spark hands it to the next step: arrays as Scala sequences. */
    private static Row asRead(Row in) {
        Object[] values = new Object[in.length()];
        for (int i = 0; i < values.length; i++) {
            Object v = in.get(i);
            values[i] = v instanceof Object[] a ? CollectionConverters.asScala(Arrays.asList(a)).toSeq() : v;
        }
        return RowFactory.create(values);
    }

    /** The forecast step's row of a line, as {@link PlanLineCalculator#INPUT_COLUMNS} lists them. */
    private static Row row(String partNo, SeriesForecast f, double[] history, long onHand) {
        return RowFactory.create("WH-DE", partNo, "EU-WEST", "REGIONAL", f.method(), f.reason(),
                f.demandClass().name(), f.meanPerPeriod(), f.errorVariance(), boxed(f.mean()), boxed(history), null,
                onHand, 0L, null, "A", boxed(f.spanErrorVariance()));
    }

    private static double level(Row plan, String column) {
        return ((Number) plan.get(PlanSchema.PLAN.fieldIndex(column))).doubleValue();
    }

    @ParameterizedTest(name = "class-wide {0}, stock cap {1} weeks")
    @CsvSource({"true, Infinity", "false, Infinity", "true, 36", "false, 36", "true, 4", "false, 4"})
    void nightlyAndSimulateGiveTheSameLevels(boolean classWide, double stockCap) {
        PlanningContext context = context(classWide, stockCap);
        PlanLineCalculator nightly = new PlanLineCalculator(context);
        Map<String, double[]> paths = paths();
        AutomaticForecaster auto = AutomaticForecaster.withDefaults();
        Set<String> families = new HashSet<>();
        int unreachable = 0;
        // simulate: the same lines, lead time 2 weeks (12 + 2 days), sd sqrt(3^2 + 2^2) days
        LeadTime leadTime = LeadTime.ofLane(12, 3, 2, 2, 7);
        for (int origin : new int[] {104, 110, 116}) {
            List<Row> rows = new ArrayList<>();
            List<SeriesForecast> forecasts = new ArrayList<>();
            List<double[]> histories = new ArrayList<>();
            List<Long> seeds = new ArrayList<>();
            for (String part : PARTS) {
                double[] history = Arrays.copyOf(paths.get(part), origin);
                SeriesForecast f = auto.forecast(history, 26);
                // On hand at the cap (nothing without one): no stockout risk hides TARGET_UNREACHABLE,
                // and stock does not move levels (simulate plans without stock).
                double cap = Math.ceil(stockCap * f.meanPerPeriod(leadTime.mean() + 1));
                rows.add(row(part, f, history, Double.isInfinite(cap) ? 0 : (long) cap));
                forecasts.add(f);
                histories.add(history);
                seeds.add(DATE.toEpochDay() * 1_000_003L + ("WH-DE|" + part).hashCode());
            }
            // The nightly plan: curves, the class's multiplier over them in part-number order, the lines.
            Map<String, Double> multipliers = Map.of();
            List<Row> inputs = rows;
            if (classWide) {
                inputs = rows.stream().map(nightly::withCurve).map(PlanLineInSimulateTest::asRead).toList();
                List<ResponseCurve> curves = inputs.stream().map(PlanLineCalculator::curveOf).toList();
                multipliers = Map.of(PlanLineCalculator.classKey("WH-DE", "A"),
                        context.policy().allocation().multiplier(curves, TARGET));
            }
            List<Row> plan = new ArrayList<>();
            for (Row in : inputs) {
                plan.add(nightly.compute(in, multipliers));
            }
            List<PolicyDecision> simulated = SimulatedPlanLines.decide(forecasts, histories, leadTime, 1, seeds,
                    TARGET, classWide, stockCap);
            for (int i = 0; i < PARTS.size(); i++) {
                String what = PARTS.get(i) + " at week " + origin;
                PolicyDecision d = simulated.get(i);
                Row p = plan.get(i);
                families.add(p.getString(PlanSchema.PLAN.fieldIndex("ltd_distribution")));
                assertEquals(leadTime.mean(), level(p, "lead_time_weeks_mean"), 1e-12, what);
                assertEquals(d.reorderPoint(), level(p, "reorder_point"), what);
                assertEquals(d.orderUpTo(), level(p, "order_up_to"), what);
                assertEquals(d.safetyStock(), level(p, "safety_stock"), what);
                assertEquals(d.expectedFillRate(), level(p, "expected_fill_rate"), what);
                assertEquals(d.expectedOnHand(), level(p, "expected_on_hand"), what);
                assertTrue(d.orderUpTo() > 0, what);
                // A level held at the cap below the target says so, in the nightly plan's exception.
                double mean = forecasts.get(i).meanPerPeriod(leadTime.mean() + 1);
                assertTrue(d.orderUpTo() <= Math.ceil(stockCap * mean), what);
                boolean heldBack = d.orderUpTo() == Math.ceil(stockCap * mean) && d.expectedFillRate() < TARGET;
                assertEquals(heldBack, "TARGET_UNREACHABLE".equals(p.getString(PlanSchema.PLAN.fieldIndex("exception"))),
                        what);
                unreachable += heldBack ? 1 : 0;
            }
        }
        // the path exercises more than one lead-time demand family, the bootstrap among them
        assertTrue(families.size() >= 2, families.toString());
        assertTrue(families.stream().anyMatch(f -> f.startsWith("Bootstrap")), families.toString());
        // 4 weeks of mean demand is below what a 0.95 target needs over a 2-week lead time plus
        // review on the lumpy and erratic lines: the cap binds; without a cap it never does.
        if (Double.isInfinite(stockCap) || stockCap == 4) {
            assertEquals(Double.isInfinite(stockCap), unreachable == 0, "lines held back: " + unreachable);
        }
    }
}
