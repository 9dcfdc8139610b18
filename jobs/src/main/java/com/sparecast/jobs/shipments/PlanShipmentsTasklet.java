package com.sparecast.jobs.shipments;

import static org.apache.spark.sql.functions.col;

import com.sparecast.jobs.config.Settings;
import com.sparecast.jobs.config.TradeRulesSettings;
import com.sparecast.jobs.stage.Datasets;
import com.sparecast.jobs.stage.RowCounter;
import com.sparecast.jobs.stage.ShipmentSchema;
import com.sparecast.jobs.stage.Stage;
import com.sparecast.jobs.stage.StageTasklet;
import com.sparecast.jobs.input.MasterData;
import com.sparecast.models.logistics.ShipmentPlanner;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Step {@code planShipments}: the replenishment orders that move between warehouses, grouped by
 * lane and planned into shipments by the models' trade and logistics rules in the executors;
 * writes shipments, lines (with holds) and customs documents.
 */
public final class PlanShipmentsTasklet extends StageTasklet {

    /** One row per shipment, line or document of a lane, before they are split. */
    private static final StructType PLANNED_ROWS = new StructType()
            .add("kind", DataTypes.StringType, false)
            .add("shipment_id", DataTypes.StringType, false)
            .add("line_index", DataTypes.IntegerType, false)
            .add("destination_warehouse", DataTypes.StringType, false)
            .add("values", DataTypes.createArrayType(DataTypes.StringType, true), false)
            .add("file", DataTypes.StringType, true)
            .add("content", DataTypes.BinaryType, true)
            .add("ship_date_of_line", DataTypes.StringType, true)
            .add("expected_arrival_of_line", DataTypes.StringType, true);

    public PlanShipmentsTasklet(Settings settings, Supplier<SparkSession> spark) {
        super(settings, spark);
    }

    @Override
    protected void run(Stage stage) throws Exception {
        MasterData master = stage.stagedValue(Datasets.MASTER_DATA, MasterData.class);
        LaneShipmentPlanner lanePlanner = new LaneShipmentPlanner(master,
                ShipmentPlanner.of(master.withPartiesOfRecord(TradeRulesSettings.of(stage.settings()))),
                stage.planningDate());
        RowCounter read = new RowCounter("transfers read");
        stage.write(plannedByLane(read.through(transfers(stage.read(Datasets.PLAN))), lanePlanner),
                Datasets.PLANNED_SHIPMENTS);

        Dataset<Row> planned = stage.read(Datasets.PLANNED_SHIPMENTS);
        stage.write(planned.filter(col("kind").equalTo(LaneShipmentPlanner.SHIPMENT))
                .select(columnsOf(ShipmentSchema.SHIPMENT_COLUMNS)), Datasets.SHIPMENTS);
        Map<String, Long> lines = stage.write(planned.filter(col("kind").equalTo(LaneShipmentPlanner.LINE))
                .select(concat(columnsOf(ShipmentSchema.LINE_COLUMNS), col("line_index"), col("destination_warehouse"),
                        col("ship_date_of_line"), col("expected_arrival_of_line"))), Datasets.SHIPMENT_LINES,
                Map.of("held", col("status").equalTo("HOLD")));
        Dataset<Row> documents = planned.filter(col("kind").equalTo(LaneShipmentPlanner.DOCUMENT))
                .select(col("shipment_id"), col("file"), col("content"));
        stage.write(documents.unionAll(pdfsOf(documents, stage.planningDate())), Datasets.CUSTOMS_DOCUMENTS);

        stage.countRead(read.rows());
        stage.countWritten(lines.get("rows"));
        stage.countFlagged("held", lines.get("held"));
    }

    /**
     * The plan lines that move stock between two of our warehouses (an order from a central
     * warehouse; supplier orders and zero quantities are not shipments): source_warehouse,
     * warehouse_id, part_no, order_qty.
     */
    static Dataset<Row> transfers(Dataset<Row> plan) {
        return plan.filter(col("order_qty").gt(0).and(col("source_warehouse").notEqual("SUPPLIER")))
                .select(col("source_warehouse"), col("warehouse_id"), col("part_no"), col("order_qty"));
    }

    /** Each lane's transfers planned into shipment, line and document rows by {@code lanePlanner}. */
    static Dataset<Row> plannedByLane(Dataset<Row> transfers, LaneShipmentPlanner lanePlanner) {
        return transfers.groupByKey((MapFunction<Row, String>) r -> r.getString(0) + '\u0001' + r.getString(1),
                        Encoders.STRING())
                .flatMapGroups(lanePlanner, Encoders.row(PLANNED_ROWS));
    }

    /**
     * The PDF of every HTML document ({@link CustomsPdfs}), spread over a few tasks per core by
     * shipment and file ({@link Stage#spread}): the step's costliest work, which the lanes alone
     * would give to as many tasks as there are lanes, unevenly.
     */
    static Dataset<Row> pdfsOf(Dataset<Row> documents, LocalDate planningDate) {
        return Stage.spread(documents.filter(col("file").endsWith(".html")), col("shipment_id"), col("file"))
                .flatMap(new CustomsPdfs(planningDate), Encoders.row(documents.schema()));
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
