package com.sparecast.jobs.publish;

import static org.apache.spark.sql.functions.col;

import com.sparecast.jobs.format.CsvOutput;
import com.sparecast.jobs.input.Identifiers;
import com.sparecast.jobs.stage.Datasets;
import com.sparecast.jobs.stage.Stage;
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
 * its shipment, for the warehouses' own systems to import.
 */
public final class RestockFiles {

    /** The restock file columns of the contract, in order. */
    public static final List<String> COLUMNS = List.of("warehouse_id", "part_no", "description", "order_qty",
            "source_warehouse", "ship_date", "expected_arrival", "reorder_point", "order_up_to", "on_hand", "on_order",
            "plan_id");

    private RestockFiles() {
    }

    static void write(Stage stage, Path build, Map<String, Long> rows) throws IOException {
        Dataset<Row> orders = stage.read(Datasets.PLAN).filter(col("order_qty").gt(0));
        Dataset<Row> lineDates = shipmentDates(stage);
        Iterator<Row> it = orders.join(lineDates, orders.col("warehouse_id").equalTo(lineDates.col("dest_wh"))
                        .and(orders.col("part_no").equalTo(lineDates.col("line_part"))), "left")
                .orderBy(col("warehouse_id"), col("part_no"))
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
                    // Warehouse ids were checked when master data was read; the writer checks again.
                    restock = CsvOutput.open(Identifiers.resolveInside(build.resolve("restock"), warehouse + ".csv"),
                            COLUMNS, false);
                    restockWarehouse = warehouse;
                }
                String shipDate = r.getAs("ship_date_of_line");
                String arrival = r.getAs("expected_arrival_of_line");
                if (shipDate == null) {
                    // Not in a shipment plan (supplier orders): leaves today, arrives after the mean lead time.
                    shipDate = planningDate.toString();
                    arrival = planningDate.plusDays((long) Math.ceil(r.<Double>getAs("lead_time_weeks_mean") * 7)).toString();
                }
                restock.write(Arrays.<Object>asList(warehouse, r.getAs("part_no"), r.getAs("description"), r.getAs("order_qty"),
                        r.getAs("source_warehouse"), shipDate, arrival, r.getAs("reorder_point"), r.getAs("order_up_to"),
                        r.getAs("on_hand"), r.getAs("on_order"), planId));
            }
        } finally {
            close(restock, restockWarehouse, rows);
        }
    }

    private static String fileOf(String warehouse) {
        return "restock/" + warehouse + ".csv";
    }

    private static void close(CsvOutput restock, String warehouse, Map<String, Long> rows) throws IOException {
        if (restock != null) {
            restock.close();
            rows.put(fileOf(warehouse), restock.rows());
        }
    }

    /** Ship date and arrival of each (destination warehouse, part) in the shipment plan. */
    private static Dataset<Row> shipmentDates(Stage stage) {
        return stage.read(Datasets.SHIPMENT_LINES)
                .select(col("destination_warehouse").as("dest_wh"), col("part_no").as("line_part"),
                        col("ship_date_of_line"), col("expected_arrival_of_line"))
                .dropDuplicates("dest_wh", "line_part");
    }
}
