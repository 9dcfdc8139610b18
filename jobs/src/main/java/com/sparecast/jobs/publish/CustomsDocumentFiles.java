package com.sparecast.jobs.publish;

import com.sparecast.jobs.input.Identifiers;
import com.sparecast.jobs.stage.Datasets;
import com.sparecast.jobs.stage.Stage;
import java.io.IOException;
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
            // Shipment ids are built from checked warehouse ids; the writer refuses any other name.
            Path folder = Identifiers.resolveInside(build.resolve("customs"), r.<String>getAs("shipment_id"));
            Path file = Identifiers.resolveInside(folder, r.<String>getAs("file"));
            Files.createDirectories(file.getParent());
            Files.write(file, r.<byte[]>getAs("content"));
        }
    }
}
