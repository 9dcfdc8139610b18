package com.sparecast.jobs.customs;

import static org.apache.spark.sql.functions.col;

import com.sparecast.jobs.batch.RunRequest;
import com.sparecast.jobs.batch.StageTasklet;
import com.sparecast.jobs.input.MasterData;
import com.sparecast.jobs.replenishment.PlanReplenishmentTasklet;
import com.sparecast.models.logistics.ShipmentPlanner;
import com.sparecast.models.trade.TradeRules;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Step {@code planShipments}: the replenishment orders that move between warehouses, grouped by
 * lane and planned into shipments by the models' trade and logistics rules in the executors;
 * writes shipments, lines (with holds) and customs documents.
 */
public final class PlanShipmentsTasklet extends StageTasklet {

    public static final String SHIPMENTS = "customs/shipments";
    public static final String LINES = "customs/shipment_lines";
    public static final String DOCUMENTS = "customs/documents";
    private static final String PLANNED = "customs/planned";

    /** One row per shipment, line or document of a lane, before they are split. */
    private static final StructType PLANNED_ROWS = new StructType()
            .add("kind", DataTypes.StringType, false)
            .add("shipment_id", DataTypes.StringType, false)
            .add("line_index", DataTypes.IntegerType, false)
            .add("destination_warehouse", DataTypes.StringType, false)
            .add("values", DataTypes.createArrayType(DataTypes.StringType, true), false)
            .add("file", DataTypes.StringType, true)
            .add("content", DataTypes.StringType, true)
            .add("ship_date_of_line", DataTypes.StringType, true)
            .add("expected_arrival_of_line", DataTypes.StringType, true);

    public PlanShipmentsTasklet(RunRequest request, Supplier<SparkSession> spark) {
        super(request, spark);
    }

    /** The trade rules from the {@code sparecast.trade.*} configuration keys. */
    static TradeRules tradeRules(RunRequest request) {
        Map<String, String> properties = new TreeMap<>();
        request.settings().withPrefix("sparecast.trade.").forEach((k, v) -> properties.put("trade." + k, v));
        try {
            return TradeRules.fromProperties(properties);
        } catch (IllegalArgumentException e) {
            throw new com.sparecast.jobs.config.ConfigurationException("Trade configuration: " + e.getMessage());
        }
    }

    @Override
    protected void run(Stage stage) throws Exception {
        SparkSession spark = stage.spark();
        MasterData master = MasterData.load(stage.input());
        LaneShipmentPlanner lanePlanner = new LaneShipmentPlanner(master,
                ShipmentPlanner.of(tradeRules(stage.request())), stage.planningDate());
        Dataset<Row> transfers = spark.read().parquet(stage.paths().uri(PlanReplenishmentTasklet.PLAN))
                .filter(col("order_qty").gt(0).and(col("source_warehouse").notEqual("SUPPLIER")))
                .select(col("source_warehouse"), col("warehouse_id"), col("part_no"), col("order_qty"));
        transfers.groupByKey((MapFunction<Row, String>) r -> r.getString(0) + '\u0001' + r.getString(1), Encoders.STRING())
                .flatMapGroups(lanePlanner, Encoders.row(PLANNED_ROWS))
                .write().mode(SaveMode.Overwrite).parquet(stage.paths().uri(PLANNED));

        Dataset<Row> planned = spark.read().parquet(stage.paths().uri(PLANNED));
        planned.filter(col("kind").equalTo(LaneShipmentPlanner.SHIPMENT))
                .select(columnsOf(ShipmentSchema.SHIPMENT_COLUMNS))
                .write().mode(SaveMode.Overwrite).parquet(stage.paths().uri(SHIPMENTS));
        planned.filter(col("kind").equalTo(LaneShipmentPlanner.LINE))
                .select(concat(columnsOf(ShipmentSchema.LINE_COLUMNS), col("line_index"), col("destination_warehouse"),
                        col("ship_date_of_line"), col("expected_arrival_of_line")))
                .write().mode(SaveMode.Overwrite).parquet(stage.paths().uri(LINES));
        planned.filter(col("kind").equalTo(LaneShipmentPlanner.DOCUMENT))
                .select(col("shipment_id"), col("file"), col("content"))
                .write().mode(SaveMode.Overwrite).parquet(stage.paths().uri(DOCUMENTS));

        stage.countRead(transfers.count());
        Dataset<Row> lines = spark.read().parquet(stage.paths().uri(LINES));
        stage.countWritten(lines.count());
        stage.countRejected(lines.filter(col("status").equalTo("HOLD")).count());
    }

    /** The elements of the {@code values} array as named columns. */
    private static Column[] columnsOf(List<String> names) {
        Column[] columns = new Column[names.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = col("values").getItem(i).as(names.get(i));
        }
        return columns;
    }

    private static Column[] concat(Column[] first, Column... more) {
        Column[] out = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, out, first.length, more.length);
        return out;
    }
}
