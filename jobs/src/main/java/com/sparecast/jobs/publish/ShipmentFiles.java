package com.sparecast.jobs.publish;

import com.sparecast.jobs.format.CsvOutput;
import com.sparecast.jobs.stage.Datasets;
import com.sparecast.jobs.stage.ShipmentSchema;
import com.sparecast.jobs.stage.Stage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** {@code plans/shipments.csv} and {@code plans/shipment_lines.csv}: the shipment plan, copied verbatim from the shipment step. */
final class ShipmentFiles {

    private ShipmentFiles() {
    }

    static void write(Stage stage, Path build, Map<String, Long> rows) throws IOException {
        copy(stage.read(Datasets.SHIPMENTS).orderBy("shipment_id"), ShipmentSchema.SHIPMENT_COLUMNS,
                build, "plans/shipments.csv", rows);
        copy(stage.read(Datasets.SHIPMENT_LINES).orderBy("shipment_id", "line_index"), ShipmentSchema.LINE_COLUMNS,
                build, "plans/shipment_lines.csv", rows);
    }

    private static void copy(Dataset<Row> sorted, List<String> columns, Path build, String path, Map<String, Long> rows)
            throws IOException {
        try (CsvOutput out = CsvOutput.open(build.resolve(path), columns, true)) {
            Iterator<Row> it = sorted.toLocalIterator();
            while (it.hasNext()) {
                Row r = it.next();
                out.write(columns.stream().map(c -> (Object) r.getAs(c)).toList());
            }
            rows.put(path, out.rows());
        }
    }
}
