package com.sparecast.jobs.replenishment;

import com.sparecast.jobs.format.Numbers;
import com.sparecast.jobs.input.MasterData;
import com.sparecast.jobs.spark.Columns;
import com.sparecast.jobs.stage.PlanSchema;
import com.sparecast.models.distribution.DemandDistribution;
import com.sparecast.models.distribution.LeadTime;
import com.sparecast.models.inventory.Eoq;
import com.sparecast.models.inventory.ExceptionCode;
import com.sparecast.models.selection.SeriesForecast;
import com.sparecast.models.series.DemandClass;
import com.sparecast.models.series.IntermittencyStatistics;
import com.sparecast.models.inventory.ExceptionRules;
import com.sparecast.models.inventory.FillRateAllocation;
import com.sparecast.models.inventory.LineUrgency;
import com.sparecast.models.inventory.PlanLine;
import com.sparecast.models.inventory.ResponseCurve;
import com.sparecast.models.inventory.PolicyDecision;
import com.sparecast.models.inventory.PlannerDecision;
import com.sparecast.models.inventory.PolicyInput;
import com.sparecast.models.logistics.Lane;
import com.sparecast.models.logistics.ShipmentPlanner;
import com.sparecast.models.trade.Hold;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.StringJoiner;
import org.apache.commons.lang3.SerializationUtils;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Computes one plan line in an executor: lead-time demand over the lane's uncertain lead time
 * plus the review period, the order-up-to policy for the class's fill rate, the order, and the
 * exception a planner must look at. The line itself is {@link PlanLine}'s, the same code
 * {@code simulate} plans with; this class gathers its inputs from the row and lays out the
 * plan's row.
 */
final class PlanLineCalculator implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final double DAYS_PER_WEEK = 7;

    /** The columns of the row this calculator reads, in order. */
    static final List<String> INPUT_COLUMNS = List.of("warehouse_id", "part_no", "region", "role", "method",
            "method_reason", "demand_class", "mean_per_week", "error_variance", "forecast", "history", "error",
            "on_hand", "on_order", "returns_per_week", "abc_class", "span_error_variance");

    private static final int HISTORY = INPUT_COLUMNS.indexOf("history");
    private static final int SPAN_ERROR_VARIANCE = INPUT_COLUMNS.indexOf("span_error_variance");

    private final PlanningContext context;
    /** The line's computation, with the class-wide allocation at the configured line floor and stock cap. */
    private final PlanLine planLine;
    /** Whether an order would be held on its lane: the shipment step's own rule. */
    private final ShipmentPlanner shipments;

    PlanLineCalculator(PlanningContext context) {
        this.context = context;
        this.shipments = ShipmentPlanner.of(context.master().withPartiesOfRecord(context.review().trade()));
        this.planLine = context.policy().planLine();
    }

    /** A line as {@link PlanLine} planned it, and what its row shows besides the decision. */
    private record Line(String warehouseId, String partNo, String region, String role, boolean hasForecast,
                        double meanPerWeek, List<Double> forecast, List<Double> history, String abcClass,
                        MasterData.Part part, LeadTime leadTime, String source, double review,
                        PlanLine.Planned planned) {

        PolicyInput input() {
            return planned.policy();
        }
    }

    private Line line(Row in) {
        return line(in, null);
    }

    /** The row's line; {@code staged} is its planned lead-time demand if already computed, else null. */
    private Line line(Row in, PlanLine.Planned staged) {
        String warehouseId = in.getString(0);
        String partNo = in.getString(1);
        String role = in.getString(3);
        boolean hasForecast = hasForecast(in);
        double meanPerWeek = meanPerWeek(in);
        List<Double> forecast = forecast(in);
        List<Double> history = in.isNullAt(HISTORY) ? null : in.getList(HISTORY);
        MasterData.Part part = context.master().parts().get(partNo);
        MasterData.Lane lane = lane(warehouseId, role);
        String source = lane == null ? "SUPPLIER" : lane.originWarehouse();
        return new Line(warehouseId, partNo, in.getString(2), role, hasForecast, meanPerWeek, forecast, history,
                in.getString(15), part, leadTime(lane), source, context.policy().reviewWeeks(),
                staged != null ? staged : planLine.plan(planInput(in)));
    }

    /** The planner's FORECAST on the row's line (units per week), or null. */
    private Double forecastDecision(Row in) {
        PlanningContext.LineDecision d = context.decisionOn(in.getString(0), in.getString(1));
        return d != null && d.decision().decision().kind() == PlannerDecision.Kind.FORECAST
                ? d.decision().decision().value() : null;
    }

    /** The line's mean weekly demand: the planner's FORECAST, else the forecast's, else 0. */
    private double meanPerWeek(Row in) {
        Double decided = forecastDecision(in);
        return decided != null ? decided : hasForecast(in) ? in.getDouble(7) : 0;
    }

    /** The line's weekly forecast: the planner's FORECAST in every week of the horizon, else the forecast's. */
    private List<Double> forecast(Row in) {
        Double decided = forecastDecision(in);
        List<Double> forecast = in.isNullAt(9) ? List.of() : in.getList(9);
        if (decided == null) {
            return forecast;
        }
        return java.util.Collections.nCopies(Math.max(forecast.size(), PlanSchema.FORECAST_WEEKS_SHOWN), decided);
    }

    /** Whether the forecast step forecast the row's series (a method and no error). */
    private static boolean hasForecast(Row in) {
        return !in.isNullAt(4) && in.isNullAt(11);
    }

    /** The supply lane into a regional warehouse; null for a central one (its suppliers). */
    private MasterData.Lane lane(String warehouseId, String role) {
        return "CENTRAL".equals(role) ? null : context.master().supplyLaneTo(warehouseId);
    }

    /** What {@link PlanLine} plans the row's line from: forecast, lead time, stock, rounding. */
    PlanLine.Input planInput(Row in) {
        String warehouseId = in.getString(0);
        String partNo = in.getString(1);
        boolean hasForecast = hasForecast(in);
        double meanPerWeek = meanPerWeek(in);
        double errorVariance = hasForecast ? in.getDouble(8) : 0;
        List<Double> forecast = forecast(in);
        List<Double> history = in.isNullAt(HISTORY) ? null : in.getList(HISTORY);
        long onHand = in.isNullAt(12) ? 0 : in.getLong(12);
        long onOrder = in.isNullAt(13) ? 0 : in.getLong(13);
        double returnsPerWeek = in.isNullAt(14) ? 0 : in.getDouble(14);
        String abcClass = in.getString(15);
        List<Double> spanErrorVariance = hasForecast && !in.isNullAt(SPAN_ERROR_VARIANCE)
                ? in.getList(SPAN_ERROR_VARIANCE) : List.of();

        MasterData.Part part = context.master().parts().get(partNo);
        LeadTime leadTime = leadTime(lane(warehouseId, in.getString(3)));
        SeriesForecast series = seriesForecast(in, hasForecast, meanPerWeek, errorVariance, spanErrorVariance,
                forecast, history);
        // Bootstrap replicates are seeded by date, warehouse and part: the same plan on every run.
        long seed = context.planningDate().toEpochDay() * 1_000_003L + (warehouseId + '|' + partNo).hashCode();
        double returnsWeeks = Math.max(0, leadTime.mean() - context.policy().refurbishDelayDays() / DAYS_PER_WEEK);
        double expectedReturns = returnsPerWeek * context.policy().refurbishYield() * returnsWeeks;
        int packSize = part == null ? 1 : Math.max(1, part.packSize());
        int moq = part == null ? 0 : part.minOrderQty();
        double eoq = Eoq.ifConfigured(meanPerWeek * 52, context.policy().orderCost(), context.policy().holdingRate(),
                part == null ? 0 : part.unitCost());
        return new PlanLine.Input(series, Columns.doubles(history), leadTime, context.policy().reviewWeeks(), seed,
                context.targetFillRate(abcClass), onHand, onOrder, expectedReturns, packSize, moq, eoq);
    }

    /** The lead time over {@code lane} (transit and customs), or the suppliers' when it is null. */
    private LeadTime leadTime(MasterData.Lane lane) {
        return lane == null
                ? LeadTime.ofLane(context.policy().supplierLeadTimeDaysMean(), context.policy().supplierLeadTimeDaysSd(), 0, 0, DAYS_PER_WEEK)
                : LeadTime.ofLane(lane.transitDaysMean(), lane.transitDaysSd(), lane.customsDaysMean(),
                        lane.customsDaysSd(), DAYS_PER_WEEK);
    }

    /** Columns {@link #withCurve} appends to the input row. */
    private static final StructType CURVE_COLUMNS = new StructType()
            .add("curve", DataTypes.BinaryType, false)
            .add("planned", DataTypes.BinaryType, false);

    /** The input schema with the response curve's columns after it. */
    static StructType withCurveColumns(StructType inputs) {
        StructType out = inputs;
        for (StructField f : CURVE_COLUMNS.fields()) {
            out = out.add(f);
        }
        return out;
    }

    /**
     * The input row with the line's response curve for the class-wide allocation
     * ({@link FillRateAllocation#curve}) appended, and the line as planned (serialized) so that
     * {@link #compute} does not work out its lead-time demand a second time. Of the history the
     * row keeps only the weeks from the last one with demand, and it drops the span error
     * variances: once the line is planned, {@link #compute} needs only the weeks since its last
     * demand, and the staged rows are written and read back whole.
     */
    Row withCurve(Row in) {
        PlanLine.Planned planned = line(in).planned();
        ResponseCurve c = planLine.curve(planned);
        List<Object> values = new ArrayList<>(in.length() + CURVE_COLUMNS.size());
        for (int i = 0; i < in.length(); i++) {
            values.add(in.get(i));
        }
        values.set(HISTORY, in.isNullAt(HISTORY) ? null : fromLastDemand(in.getList(HISTORY)));
        values.set(SPAN_ERROR_VARIANCE, new Double[0]);
        values.add(bytesOf(c));
        values.add(SerializationUtils.serialize(planned));
        return RowFactory.create(values.toArray());
    }

    /** The column of a row made by {@link #withCurve} that holds its response curve. */
    static final String CURVE = CURVE_COLUMNS.fieldNames()[0];

    /** The response curve of a row made by {@link #withCurve}. */
    static ResponseCurve curveOf(Row in) {
        return curveOf(in, INPUT_COLUMNS.size());
    }

    /** The response curve in column {@code at} of a row ({@link #CURVE}). */
    static ResponseCurve curveOf(Row in, int at) {
        ByteBuffer bytes = ByteBuffer.wrap(in.<byte[]>getAs(at));
        double demand = bytes.getDouble();
        int vertices = bytes.getInt();
        long[] levels = new long[vertices];
        double[] filled = new double[vertices];
        double[] onHand = new double[vertices];
        bytes.asLongBuffer().get(levels);
        bytes.position(bytes.position() + Long.BYTES * vertices);
        bytes.asDoubleBuffer().get(filled).get(onHand);
        return new ResponseCurve(demand, 1, levels, filled, onHand);
    }

    /**
     * A unit-weight response curve as bytes (demand, vertex count, levels, filled, on hand): one
     * binary column costs Spark a copy, where three array columns cost it a conversion of every
     * element, on the way into the staged rows and out of them again.
     */
    private static byte[] bytesOf(ResponseCurve c) {
        int vertices = c.levels().length;
        ByteBuffer bytes = ByteBuffer.allocate(Double.BYTES + Integer.BYTES + 3 * Long.BYTES * vertices);
        bytes.putDouble(c.demand()).putInt(vertices);
        bytes.asLongBuffer().put(c.levels());
        bytes.position(bytes.position() + Long.BYTES * vertices);
        bytes.asDoubleBuffer().put(c.filled()).put(c.onHand());
        return bytes.array();
    }

    /** The line as planned, from a row made by {@link #withCurve}. */
    private static PlanLine.Planned plannedOf(Row in) {
        return SerializationUtils.deserialize(in.<byte[]>getAs(INPUT_COLUMNS.size() + 1));
    }

    /**
     * The plan line: its policy at the class's multiplier ({@link FillRateAllocation}, on the
     * curve of a row made by {@link #withCurve}) where {@code multipliers} has one for its
     * warehouse and class (key {@link #classKey}), else at its own target
     * ({@link PlanLine#decide(PlanLine.Planned)}).
     */
    Row compute(Row in, Map<String, Double> multipliers) {
        boolean staged = in.length() > INPUT_COLUMNS.size();
        Line l = line(in, staged ? plannedOf(in) : null);
        boolean hasForecast = l.hasForecast();
        MasterData.Part part = l.part();
        DemandDistribution x = l.planned().distribution();
        PolicyInput input = l.input();
        Double multiplier = multipliers.get(classKey(l.warehouseId(), l.abcClass()));
        PolicyDecision decision = multiplier == null ? planLine.decide(l.planned())
                : planLine.decide(l.planned(), curveOf(in), multiplier);
        PlanningContext.LineDecision decided = context.decisionOn(l.warehouseId(), l.partNo());
        PlannerDecision.Kind kind = decided == null ? null : decided.decision().decision().kind();
        if (decided != null) {
            decision = decided.decision().decision().apply(input, decision);
        }

        String[] exception = exception(l.partNo(), l.abcClass(), hasForecast, in.isNullAt(11) ? null : in.getString(11), l.history(),
                input, decision, l.meanPerWeek(), l.leadTime());
        long orderQty = exception != null && exception[0].equals(ExceptionCode.SUPERSESSION_LOOP.name())
                ? 0 : decision.orderQuantity();
        if (exception != null && exception[0].equals(ExceptionCode.STOCKOUT_RISK.name()) && orderQty > 0) {
            String held = heldOnLane(l);
            if (held != null) {
                exception = new String[] {ExceptionCode.HELD_AT_CUSTOMS.name(),
                        exception[1] + "; the order of " + orderQty + " will be held: " + held};
            }
        }
        if (exception != null && kind == PlannerDecision.Kind.DO_NOT_STOCK
                && exception[0].equals(ExceptionCode.BELOW_TARGET.name())) {
            exception = null; // the planner chose not to stock the line: its fill rate is the decision's
        }
        if (exception != null && kind == PlannerDecision.Kind.ACCEPT) {
            PlanningContext.AcceptedLine then = decided.accepted();
            String moved = then == null ? null : then.movedBeyond(context.review().acceptTolerance(), exception[0],
                    l.meanPerWeek(), decision.inventoryPosition(), l.leadTime().mean());
            exception = moved == null ? null : new String[] {exception[0], exception[1] + "; raised again despite the ACCEPT of "
                    + decided.decision().decidedBy() + ": " + moved};
        }
        double unitCost = part == null ? 0 : part.unitCost();

        List<Object> row = new ArrayList<>();
        row.add(l.warehouseId());
        row.add(l.partNo());
        row.add(part == null ? null : part.description());
        row.add(l.region());
        row.add(l.role());
        row.add(l.source());
        row.add(l.abcClass());
        row.add(hasForecast ? in.getString(6) : "NO_DEMAND");
        row.add(hasForecast ? in.getString(4) : "None");
        row.add(hasForecast ? in.getString(5) : null);
        row.add(l.meanPerWeek());
        for (int w = 0; w < PlanSchema.FORECAST_WEEKS_SHOWN; w++) {
            row.add(w < l.forecast().size() ? l.forecast().get(w) : l.meanPerWeek());
        }
        row.add(l.leadTime().mean());
        row.add(l.leadTime().sd());
        row.add(l.review());
        row.add(x.name());
        row.add(l.planned().leadTimeDemand().reason());
        row.add(x.mean());
        row.add(quantile(x, 0.5));
        row.add(quantile(x, 0.9));
        row.add(quantile(x, 0.95));
        row.add(quantile(x, 0.99));
        row.add(decision.safetyStock());
        row.add(decision.reorderPoint());
        row.add(decision.orderUpTo());
        row.add((long) input.onHand());
        row.add((long) input.onOrder());
        row.add(input.expectedReturns());
        row.add(decision.inventoryPosition());
        row.add(orderQty);
        row.add(input.packSize());
        row.add(input.minOrderQty());
        row.add(unitCost);
        row.add(part == null ? null : part.currency());
        row.add(orderQty * unitCost);
        row.add(input.targetFillRate());
        row.add(decision.expectedFillRate());
        row.add(decision.expectedOnHand());
        row.add(exception == null ? null : exception[0]);
        row.add(exception == null ? null : exception[1]);
        PlanningContext.Review review = context.review();
        String currency = part == null ? null : part.currency();
        row.add(review.reportingCurrency());
        row.add(review.reporting(unitCost, currency));
        row.add(review.reporting(orderQty * unitCost, currency));
        row.add(review.reporting(LineUrgency.unfilledUnits(x, decision.inventoryPosition()) * unitCost, currency));
        OptionalDouble cover = LineUrgency.weeksOfCover(decision.inventoryPosition(), l.meanPerWeek());
        row.add(cover.isPresent() ? cover.getAsDouble() : null);
        OptionalLong stockOut = LineUrgency.daysUntilStockOut(input.onHand(), l.meanPerWeek(), horizonWeeks(l));
        row.add(stockOut.isPresent() ? Date.valueOf(context.planningDate().plusDays(stockOut.getAsLong())) : null);
        row.add(kind == null ? null : kind.name());
        row.add(kind == null || !kind.hasValue() ? null : decided.decision().decision().value());
        row.add(decided == null ? null : decided.decision().decidedBy());
        return RowFactory.create(row.toArray());
    }

    /** The forecast of the line's series as the models made it, rebuilt from the forecast step's row. */
    private static SeriesForecast seriesForecast(Row in, boolean hasForecast, double meanPerWeek, double errorVariance,
                                                 List<Double> spanErrorVariance, List<Double> forecast,
                                                 List<Double> history) {
        double[] values = Columns.doubles(history);
        IntermittencyStatistics statistics = IntermittencyStatistics.of(values.length == 0 ? new double[] {0} : values);
        double[] mean = new double[Math.max(1, forecast.size())];
        for (int h = 0; h < mean.length; h++) {
            mean[h] = h < forecast.size() ? forecast.get(h) : meanPerWeek;
        }
        return new SeriesForecast(hasForecast ? in.getString(4) : "None", hasForecast ? in.getString(5) : "",
                hasForecast ? DemandClass.valueOf(in.getString(6)) : DemandClass.NO_DEMAND, statistics, mean,
                errorVariance, Columns.doubles(spanErrorVariance));
    }

    /**
     * Why an order of the line would be held on its supply lane, as {@code planShipments} will
     * hold it ({@link ShipmentPlanner#holds}: the same rules on the same master data), or null
     * when it ships or the line is supplied by suppliers.
     */
    private String heldOnLane(Line l) {
        Lane lane = "CENTRAL".equals(l.role()) ? null : context.master().logisticsLaneTo(l.warehouseId());
        if (lane == null) {
            return null;
        }
        List<Hold> holds = shipments.holds(lane, l.partNo(), context.master().tradePart(l.partNo()));
        if (holds.isEmpty()) {
            return null;
        }
        StringJoiner text = new StringJoiner("; ", lane.originWarehouse() + " -> " + lane.destinationWarehouse() + " ", "");
        holds.forEach(h -> text.add(h.text()));
        return text.toString();
    }

    /** Weeks the line's forecast reaches: its forecast's length, at least the weeks the plan shows. */
    private static int horizonWeeks(Line l) {
        return Math.max(PlanSchema.FORECAST_WEEKS_SHOWN, l.forecast().size());
    }

    /** The key of a warehouse's ABC class in the multipliers. */
    static String classKey(String warehouseId, String abcClass) {
        return warehouseId + '|' + abcClass;
    }

    private static double quantile(DemandDistribution x, double p) {
        return Math.max(0, x.quantile(p));
    }

    /** The exception code and its explanation, or null; the most urgent one wins (models' ExceptionRules). */
    private String[] exception(String partNo, String abcClass, boolean hasForecast, String error, List<Double> history,
                               PolicyInput input, PolicyDecision decision, double meanPerWeek, LeadTime leadTime) {
        if (context.supersessionLoops().contains(partNo)) {
            return new String[] {ExceptionCode.SUPERSESSION_LOOP.name(),
                    "superseded_by chain of " + partNo + " is a cycle; no order placed"};
        }
        if (!hasForecast && error != null) {
            return new String[] {ExceptionCode.NO_FORECAST.name(), "no forecast possible: " + error};
        }
        ExceptionRules rules = ExceptionRules.withDefaults().withOverstockCover(context.policy().overstockCoverWeeks())
                .withBelowTargetMargin(context.review().belowTargetMargin());
        int weeksSinceDemand = weeksSinceDemand(history);
        return rules.reason(input, decision, meanPerWeek, weeksSinceDemand).map(code -> new String[] {code.name(),
                switch (code) {
                    case STOCKOUT_RISK -> String.format(Locale.ROOT,
                            "position %.0f is below the %.1f units expected to be used in the %.1f weeks an order takes",
                            decision.inventoryPosition(), decision.expectedLeadTimeDemand(), leadTime.mean());
                    case DEAD_STOCK -> String.format(Locale.ROOT, "%.0f on hand and no demand for %s weeks",
                            input.onHand(), weeksSinceDemand == Integer.MAX_VALUE ? "over " + rules.deadStockPeriods()
                                    : Integer.toString(weeksSinceDemand));
                    case OVERSTOCK -> String.format(Locale.ROOT,
                            "position %.0f exceeds order-up-to %.0f by more than %.0f weeks of demand",
                            decision.inventoryPosition(), decision.orderUpTo(), rules.overstockCoverPeriods());
                    case BELOW_TARGET -> String.format(Locale.ROOT,
                            "expected fill rate %.3f is below the class %s target %.3f by more than %.2f",
                            decision.expectedFillRate(), abcClass, input.targetFillRate(), rules.belowTargetMargin());
                    case TARGET_UNREACHABLE -> String.format(Locale.ROOT,
                            "order-up-to held at the stock cap %.0f (%s weeks of mean demand): expected fill rate %.3f"
                                    + " against target %.3f", input.maxOrderUpTo(),
                            Numbers.decimal(context.policy().stockCapPeriods()), decision.expectedFillRate(),
                            input.targetFillRate());
                    default -> code.name();
                }}).orElse(null);
    }

    /** The weeks of {@code history} from the last one with demand on (none when it has no demand). */
    private static Double[] fromLastDemand(List<Double> history) {
        int weeks = weeksSinceDemand(history);
        return weeks == Integer.MAX_VALUE ? new Double[0]
                : history.subList(history.size() - 1 - weeks, history.size()).toArray(Double[]::new);
    }

    /** Weeks since the last week with demand; {@link Integer#MAX_VALUE} when the history has none. */
    private static int weeksSinceDemand(List<Double> history) {
        if (history != null) {
            for (int t = history.size() - 1; t >= 0; t--) {
                if (history.get(t) > 0) {
                    return history.size() - 1 - t;
                }
            }
        }
        return Integer.MAX_VALUE;
    }
}
