package com.sparecast.jobs.stage;

import com.sparecast.models.logistics.Shipment;
import com.sparecast.models.logistics.ShipmentLine;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The staging datasets of the shipment step. Contract columns are kept as the text that is
 * published, formatted once by the models' records, so publishing copies them verbatim.
 */
public final class ShipmentSchema {

    /** plans/shipments.csv columns, as the models' shipment lays them out. */
    public static final List<String> SHIPMENT_COLUMNS = Shipment.csvHeader();

    /** plans/shipment_lines.csv columns. */
    public static final List<String> LINE_COLUMNS = ShipmentLine.csvHeader();

    /** Shipment rows: the contract's columns. */
    public static final StructType SHIPMENTS = strings(SHIPMENT_COLUMNS);

    /** Line rows: the contract's columns, plus what the restock files and sorting need. */
    public static final StructType LINES = strings(LINE_COLUMNS)
            .add("line_index", DataTypes.IntegerType, false)
            .add("destination_warehouse", DataTypes.StringType, false)
            .add("ship_date_of_line", DataTypes.StringType, true)
            .add("expected_arrival_of_line", DataTypes.StringType, true);

    /** Customs documents per shipment, rendered in the executors: each file's bytes (UTF-8 text, or a PDF). */
    public static final StructType DOCUMENTS = new StructType()
            .add("shipment_id", DataTypes.StringType, false)
            .add("file", DataTypes.StringType, false)
            .add("content", DataTypes.BinaryType, false);

    private static StructType strings(List<String> columns) {
        StructType s = new StructType();
        for (String c : columns) {
            s = s.add(c, DataTypes.StringType, true);
        }
        return s;
    }

    private ShipmentSchema() {
    }
}
