package com.sparecast.jobs.publish;

import com.sparecast.jobs.stage.Datasets;
import com.sparecast.jobs.stage.Stage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.spark.sql.Row;

/** {@code customs/<shipment_id>/...}: each shipment's documents, as the shipment step rendered them. */
final class CustomsDocumentFiles {

    private CustomsDocumentFiles() {
    }

    static void write(Stage stage, Path build) throws IOException {
        Iterator<Row> docs = stage.read(Datasets.CUSTOMS_DOCUMENTS).orderBy("shipment_id", "file").toLocalIterator();
        while (docs.hasNext()) {
            Row r = docs.next();
            Path file = build.resolve("customs").resolve(r.<String>getAs("shipment_id")).resolve(r.<String>getAs("file"));
            Files.createDirectories(file.getParent());
            Files.writeString(file, r.getAs("content"), StandardCharsets.UTF_8);
        }
    }
}
