package com.sparecast.jobs.replenishment;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import com.sparecast.jobs.config.Settings;
import com.sparecast.jobs.demand.Supersession;
import com.sparecast.jobs.ingest.Feed;
import com.sparecast.jobs.input.Decisions;
import com.sparecast.jobs.input.MasterData;
import com.sparecast.jobs.spark.Columns;
import com.sparecast.jobs.spark.SharedValue;
import com.sparecast.jobs.stage.Datasets;
import com.sparecast.jobs.stage.ForecastSchema;
import com.sparecast.jobs.stage.PlanSchema;
import com.sparecast.jobs.stage.RowCounter;
import com.sparecast.jobs.stage.Stage;
import com.sparecast.jobs.stage.StageTasklet;
import com.sparecast.jobs.storage.PublishedRuns;
import com.sparecast.jobs.storage.Storage;
import com.sparecast.jobs.storage.StorageSettings;
import com.sparecast.models.inventory.PlannerDecision;
import com.sparecast.models.inventory.ResponseCurve;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Step {@code planReplenishment}: one plan line per (warehouse, part). Regional warehouses plan
 * from their region's forecast and are supplied over their lane from the central warehouse;
 * the central warehouse plans from the forecast of each part's total demand and is supplied by
 * suppliers (a two-level plan). Stock of superseded parts counts toward the part that replaced
 * them. Every line is computed in the executors by {@link PlanLineCalculator}. With the
 * class-wide allocation (the default), each (warehouse, ABC class) first gets its multiplier
 * from its lines' response curves ({@link #classMultipliers}), and each line takes its level at it.
 */
public final class PlanReplenishmentTasklet extends StageTasklet {

    /** Weeks of refurbishable returns averaged into a returns rate. */
    private static final int RETURNS_WEEKS = 26;

    public PlanReplenishmentTasklet(Settings settings, Supplier<SparkSession> spark) {
        super(settings, spark);
    }

    @Override
    protected void run(Stage stage) throws Exception {
        SparkSession spark = stage.spark();
        MasterData master = stage.stagedValue(Datasets.MASTER_DATA, MasterData.class);
        Decisions decisions = stage.stagedValue(Datasets.DECISIONS, Decisions.class);
        PlanningContext context = PlanningContext.of(master, stage.planningDate(), stage.settings(),
                lineDecisions(stage, decisions));

        RowCounter read = new RowCounter("forecasts read");
        Dataset<Row> warehouses = warehouseFrame(spark, master);
        Dataset<Row> lines = linesOf(read.through(stage.read(Datasets.SERIES_FORECASTS)), warehouses);
        // The keys again, from forecasts the counter does not see (it counts each row once).
        Dataset<Row> lineKeys = linesOf(stage.read(Datasets.SERIES_FORECASTS), warehouses)
                .select(col("warehouse_id"), col("part_no"));
        Dataset<Row> withReturns = withStock(lines, lineKeys, inventoryByFinalPart(stage, master), warehouses)
                .join(broadcast(returnsRate(stage)), Columns.names("part_no", "region"), "left");

        Dataset<Row> classified = AbcClasses.withAbcClass(withReturns, partValues(spark, master));
        Broadcast<SharedValue<PlanningContext>> shared = SharedValue.broadcast(spark, context);
        Column[] input = PlanLineCalculator.INPUT_COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new);
        Dataset<Row> inputs = Stage.spread(classified.select(input), col("warehouse_id"), col("part_no"));
        Map<String, Double> multipliers = Map.of();
        if (context.policy().classWide()) {
            // Each line's response curve, computed once: the multipliers come from it, and each
            // line's level at its multiplier is read off it.
            stage.writeWithoutDictionary(inputs.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
                PlanLineCalculator calculator = new PlanLineCalculator(shared.value().get());
                return lazily(rows, calculator::withCurve);
            }, Encoders.row(PlanLineCalculator.withCurveColumns(inputs.schema()))), Datasets.PLAN_CURVES);
            inputs = stage.read(Datasets.PLAN_CURVES);
            multipliers = classMultipliers(inputs, shared);
        }
        Broadcast<Map<String, Double>> sharedMultipliers = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(multipliers);
        Dataset<Row> plan = inputs.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
            PlanLineCalculator calculator = new PlanLineCalculator(shared.value().get());
            Map<String, Double> byClass = sharedMultipliers.value();
            return lazily(rows, in -> calculator.compute(in, byClass));
        }, Encoders.row(PlanSchema.PLAN));
        Map<String, Long> written = stage.write(plan, Datasets.PLAN, Map.of("exceptions", col("exception").isNotNull()));
        stage.countRead(read.rows());
        stage.countWritten(written.get("rows"));
        stage.countFlagged("exceptions", written.get("exceptions"));
        stage.countFlagged("transfers", Transfers.stage(stage, context));
    }

    /** The plan's lines: each series' forecast at the warehouse that plans its region. */
    private static Dataset<Row> linesOf(Dataset<Row> forecasts, Dataset<Row> warehouses) {
        return forecasts.join(broadcast(warehouses), "region")
                .select(col("warehouse_id"), col("part_no"), col("region"), col("role"), col("method"),
                        col("method_reason"), col("demand_class"), col("mean_per_week"), col("error_variance"),
                        col("span_error_variance"), col("forecast"), col("history"), col("error"));
    }

    /**
     * Every forecast line with its warehouse's stock of the part, and a line for every stock of a
     * part without a forecast there (a warehouse the plan knows; its forecast columns null): a
     * full outer join, done as two broadcast joins because the stock (warehouse, part and two
     * numbers) is small next to the lines, which carry the history and the forecast and would
     * otherwise be shuffled to meet it.
     */
    static Dataset<Row> withStock(Dataset<Row> lines, Dataset<Row> lineKeys, Dataset<Row> stock, Dataset<Row> warehouses) {
        Column sameLine = col("warehouse_id").equalTo(col("inv_warehouse_id")).and(col("part_no").equalTo(col("inv_part_no")));
        Dataset<Row> stocked = lines.join(broadcast(stock), sameLine, "left").drop("inv_warehouse_id", "inv_part_no");
        Dataset<Row> stockOnly = stock
                .join(broadcast(lineKeys), sameLine, "left_anti")
                .join(broadcast(warehouses), col("inv_warehouse_id").equalTo(col("warehouse_id")))
                .select(col("warehouse_id"), col("inv_part_no").as("part_no"), col("region"), col("role"),
                        col("on_hand"), col("on_order"));
        return stocked.unionByName(stockOnly, true);
    }

    /**
     * The class-wide allocation's multiplier of every (warehouse, ABC class), keyed by
     * {@link PlanLineCalculator#classKey}, from the lines' response curves
     * ({@link PlanLineCalculator#withCurve}): each class in one task, in part-number order so that
     * the sums, and so the plan, do not depend on the partitioning.
     */
    private static Map<String, Double> classMultipliers(Dataset<Row> withCurves,
                                                        Broadcast<SharedValue<PlanningContext>> shared) {
        // Only the curves and their keys are grouped: the rows' other columns (the history, the
        // planned lead-time demand) would be read from the staged curves and shuffled for nothing.
        List<Column> columns = new ArrayList<>(List.of(col("warehouse_id"), col("abc_class"), col("part_no")));
        int curveAt = columns.size();
        columns.add(col(PlanLineCalculator.CURVE));
        List<Row> multipliers = withCurves.select(columns.toArray(Column[]::new))
                .groupByKey((MapFunction<Row, String>) r -> PlanLineCalculator.classKey(r.getString(0), r.getString(1)),
                        Encoders.STRING())
                .mapGroups((MapGroupsFunction<String, Row, Row>) (key, rows) -> {
                    TreeMap<String, ResponseCurve> byPart = new TreeMap<>();
                    rows.forEachRemaining(r -> byPart.put(r.getString(2), PlanLineCalculator.curveOf(r, curveAt)));
                    String abcClass = key.substring(key.lastIndexOf('|') + 1);
                    PlanningContext context = shared.value().get();
                    double lambda = context.policy().allocation().multiplier(byPart.values(),
                            context.targetFillRate(abcClass));
                    return RowFactory.create(key, lambda);
                }, Encoders.row(new StructType().add("class_key", DataTypes.StringType, false)
                        .add("multiplier", DataTypes.DoubleType, false)))
                .collectAsList();
        Map<String, Double> out = new HashMap<>();
        multipliers.forEach(r -> out.put(r.getString(0), r.getDouble(1)));
        return out;
    }

    /** {@code rows} mapped by {@code f} one at a time, as the task reads them. */
    private static Iterator<Row> lazily(Iterator<Row> rows, java.util.function.UnaryOperator<Row> f) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                return f.apply(rows.next());
            }
        };
    }

    /** The last published plan an ACCEPT is compared with, inside its date folder. */
    private static final String PREVIOUS_PLAN = "plans/replenishment.parquet";

    /**
     * The planners' decisions by line; an ACCEPT with the line as the last plan published under
     * this output before the planning date showed it (the plan the planner reviewed), when there is one.
     */
    private static Map<String, PlanningContext.LineDecision> lineDecisions(Stage stage, Decisions decisions)
            throws java.io.IOException {
        Map<String, PlanningContext.AcceptedLine> then = new HashMap<>();
        boolean accepts = decisions.byLine().values().stream()
                .anyMatch(d -> d.decision().kind() == PlannerDecision.Kind.ACCEPT);
        Dataset<Row> previous = accepts ? previousPlan(stage) : null;
        if (previous != null) {
            for (Row r : previous.select("warehouse_id", "part_no", "exception", "mean_per_week", "inventory_position",
                    "lead_time_weeks_mean").collectAsList()) {
                Decisions.Decision d = decisions.of(r.getString(0), r.getString(1));
                if (d != null && d.decision().kind() == PlannerDecision.Kind.ACCEPT) {
                    then.put(Decisions.key(r.getString(0), r.getString(1)), new PlanningContext.AcceptedLine(
                            r.getString(2), r.getDouble(3), r.getDouble(4), r.getDouble(5)));
                }
            }
        }
        Map<String, PlanningContext.LineDecision> out = new HashMap<>();
        decisions.byLine().forEach((key, d) -> out.put(key, new PlanningContext.LineDecision(d, then.get(key))));
        return out;
    }

    /** The plan last published under the run's output before its planning date (within {@link PublishedRuns#LOOKBACK_DAYS} days), or null. */
    private static Dataset<Row> previousPlan(Stage stage) throws java.io.IOException {
        Storage output = Storage.of(stage.run().output(), StorageSettings.from(stage.settings()));
        LocalDate date = PublishedRuns.latestWith(output, stage.planningDate(), PREVIOUS_PLAN);
        return date == null ? null : stage.spark().read().parquet(output.sparkUri(date + "/" + PREVIOUS_PLAN));
    }

    /** Warehouses with the region whose series they plan from: their own, or ALL for a central one. */
    private static Dataset<Row> warehouseFrame(SparkSession spark, MasterData master) {
        List<Row> rows = new ArrayList<>();
        boolean centralSeen = false;
        for (MasterData.Warehouse w : master.warehouses().values()) {
            if (w.isCentral()) {
                // The first central warehouse (by id) plans the total; further ones would double count it.
                if (!centralSeen) {
                    rows.add(RowFactory.create(w.warehouseId(), ForecastSchema.ALL_REGIONS, w.role()));
                    centralSeen = true;
                }
            } else if (master.regionalWarehouseByRegion().get(w.region()) == w) {
                rows.add(RowFactory.create(w.warehouseId(), w.region(), w.role()));
            }
        }
        return spark.createDataFrame(rows, new StructType().add("warehouse_id", DataTypes.StringType, false)
                .add("region", DataTypes.StringType, false).add("role", DataTypes.StringType, false));
    }

    /** On hand and on order per (warehouse, part), superseded parts' stock counted toward their successor. */
    private static Dataset<Row> inventoryByFinalPart(Stage stage, MasterData master) {
        SparkSession spark = stage.spark();
        List<Row> mapping = Supersession.of(master.parts()).finalPart().entrySet().stream()
                .map(e -> RowFactory.create(e.getKey(), e.getValue())).toList();
        Dataset<Row> finalParts = spark.createDataFrame(mapping, new StructType()
                .add("part_no", DataTypes.StringType, false).add("final_part_no", DataTypes.StringType, false));
        return stage.read(Datasets.accepted(Feed.INVENTORY.feedName()))
                .join(broadcast(finalParts), "part_no")
                .groupBy(col("warehouse_id").as("inv_warehouse_id"), col("final_part_no").as("inv_part_no"))
                .agg(sum("on_hand").as("on_hand"), sum("on_order").as("on_order"));
    }

    /** Refurbishable returns per week over the last {@value #RETURNS_WEEKS} complete weeks. */
    private static Dataset<Row> returnsRate(Stage stage) {
        LocalDate end = stage.run().firstIncompleteWeek();
        return stage.read(Datasets.WEEKLY_RETURNS)
                .filter(col("week").geq(lit(Date.valueOf(end.minusWeeks(RETURNS_WEEKS)))))
                .groupBy("part_no", "region")
                .agg(sum("quantity").divide(RETURNS_WEEKS).as("returns_per_week"));
    }

    private static Dataset<Row> partValues(SparkSession spark, MasterData master) {
        List<Row> rows = master.parts().values().stream()
                .map(p -> RowFactory.create(p.partNo(), p.unitCost())).toList();
        return spark.createDataFrame(rows, new StructType().add("part_no", DataTypes.StringType, false)
                .add("unit_cost", DataTypes.DoubleType, false));
    }
}
