package com.sparecast.jobs.publish;

import static org.apache.spark.sql.functions.col;

import com.sparecast.jobs.format.CsvOutput;
import com.sparecast.jobs.input.Identifiers;
import com.sparecast.jobs.input.MasterData;
import com.sparecast.jobs.stage.Datasets;
import com.sparecast.jobs.stage.Stage;
import com.sparecast.models.logistics.ShipCalendar;
import com.sparecast.models.logistics.Shipment;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code restock/<warehouse>.csv}: what each warehouse orders, with the ship date and arrival of
 * its shipment, for the warehouses' own systems to import without a call.
 * <ul>
 *   <li>Every warehouse of {@code warehouses.csv} gets a file every night: the header alone when
 *       nothing is ordered, so an empty file is news and a missing one is a fault.</li>
 *   <li>A transfer from a central warehouse has one line per shipment line that carries it (a
 *       part split over two shipments is two lines, their {@code order_qty} adding up to the
 *       plan's), with the line's {@code shipment_id}, {@code line_no}, {@code status} and
 *       {@code hold_reason} as {@code planShipments} planned them. A HOLD line is not coming:
 *       it has no ship date and no expected arrival.</li>
 *   <li>A supplier order (no shipment) is READY, leaves on the planning date and is expected
 *       after the line's mean lead time.</li>
 *   <li>Arrivals fall on a working day of the warehouse's country ({@link ShipCalendar}: Monday
 *       to Friday, not a holiday of {@code holidays.csv}); ship dates are the shipments', which
 *       leave on a working day of the origin.</li>
 * </ul>
 */
public final class RestockFiles {

    /** The restock file columns of the contract, in order: the first twelve, then the five issue 13 added. */
    public static final List<String> COLUMNS = List.of("warehouse_id", "part_no", "description", "order_qty",
            "source_warehouse", "ship_date", "expected_arrival", "reorder_point", "order_up_to", "on_hand", "on_order",
            "plan_id", "status", "hold_reason", "shipment_id", "line_no", "unit_of_measure");

    /**
     * The unit every Sparecast quantity counts (UN/ECE Recommendation 20 {@code EA}, each): demand,
     * stock and orders are whole units of a part, and pack sizes are multiples of them.
     */
    public static final String UNIT_OF_MEASURE = "EA";

    private RestockFiles() {
    }

    static void write(Stage stage, Path build, Map<String, Long> rows) throws IOException {
        MasterData master = stage.stagedValue(Datasets.MASTER_DATA, MasterData.class);
        Dataset<Row> orders = stage.read(Datasets.PLAN).filter(col("order_qty").gt(0));
        Dataset<Row> lines = shipmentLines(stage);
        Iterator<Row> it = orders.join(lines, orders.col("warehouse_id").equalTo(lines.col("dest_wh"))
                        .and(orders.col("part_no").equalTo(lines.col("line_part"))), "left")
                .orderBy(col("warehouse_id"), col("part_no"), col("line_shipment_id"), col("line_index"))
                .toLocalIterator();
        LocalDate planningDate = stage.planningDate();
        String planId = stage.run().planId();
        CsvOutput restock = null;
        String restockWarehouse = null;
        try {
            while (it.hasNext()) {
                Row r = it.next();
                String warehouse = r.getAs("warehouse_id");
                if (!warehouse.equals(restockWarehouse)) {
                    close(restock, restockWarehouse, rows);
                    restock = open(build, warehouse);
                    restockWarehouse = warehouse;
                }
                String shipmentId = r.getAs("line_shipment_id");
                Object orderQty = r.getAs("order_qty");
                String shipDate;
                String arrival;
                String status = Shipment.READY;
                String holdReason = null;
                Object lineNo = null;
                if (shipmentId == null) {
                    // Not in a shipment plan (supplier orders): leaves today, arrives after the mean lead time.
                    shipDate = planningDate.toString();
                    MasterData.Warehouse w = master.warehouses().get(warehouse);
                    arrival = ShipCalendar.arrivalAfter(planningDate, r.<Double>getAs("lead_time_weeks_mean") * 7,
                            master.holidaysOf(w == null ? null : w.country())).toString();
                } else {
                    orderQty = Long.parseLong(r.getAs("line_quantity"));
                    lineNo = r.<Integer>getAs("line_index");
                    status = r.getAs("line_status");
                    boolean held = Shipment.HOLD.equals(status);
                    holdReason = held ? r.getAs("line_hold_reason") : null;
                    shipDate = held ? null : r.getAs("ship_date_of_line");
                    arrival = held ? null : r.getAs("expected_arrival_of_line");
                }
                restock.write(Arrays.<Object>asList(warehouse, r.getAs("part_no"), r.getAs("description"), orderQty,
                        r.getAs("source_warehouse"), shipDate, arrival, r.getAs("reorder_point"), r.getAs("order_up_to"),
                        r.getAs("on_hand"), r.getAs("on_order"), planId, status, holdReason, shipmentId, lineNo,
                        UNIT_OF_MEASURE));
            }
        } finally {
            close(restock, restockWarehouse, rows);
        }
        // Every other warehouse: the header alone.
        for (String warehouse : master.warehouses().keySet()) {
            if (!rows.containsKey(fileOf(warehouse))) {
                close(open(build, warehouse), warehouse, rows);
            }
        }
    }

    private static CsvOutput open(Path build, String warehouse) throws IOException {
        // Warehouse ids were checked when master data was read; the writer checks again.
        return CsvOutput.open(Identifiers.resolveInside(build.resolve("restock"), warehouse + ".csv"), COLUMNS, false);
    }

    private static void close(CsvOutput restock, String warehouse, Map<String, Long> rows) throws IOException {
        if (restock != null) {
            restock.close();
            rows.put(fileOf(warehouse), restock.rows());
        }
    }

    private static String fileOf(String warehouse) {
        return "restock/" + warehouse + ".csv";
    }

    /** Every line of the shipment plan, by (destination warehouse, part): its shipment, number, status and dates. */
    private static Dataset<Row> shipmentLines(Stage stage) {
        return stage.read(Datasets.SHIPMENT_LINES)
                .select(col("destination_warehouse").as("dest_wh"), col("part_no").as("line_part"),
                        col("shipment_id").as("line_shipment_id"), col("line_index"), col("quantity").as("line_quantity"),
                        col("status").as("line_status"), col("hold_reason").as("line_hold_reason"),
                        col("ship_date_of_line"), col("expected_arrival_of_line"));
    }
}
