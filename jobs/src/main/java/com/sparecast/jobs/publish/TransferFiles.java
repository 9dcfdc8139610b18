package com.sparecast.jobs.publish;

import static org.apache.spark.sql.functions.col;

import com.sparecast.jobs.stage.Datasets;
import com.sparecast.jobs.stage.Stage;
import com.sparecast.jobs.stage.TransferSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code plans/transfers.csv}: the rebalancing the plan step proposed, by part, receiving and
 * giving warehouse; the header alone when there is none.
 */
final class TransferFiles {

    static final String CSV = "plans/transfers.csv";

    private TransferFiles() {
    }

    static void write(Stage stage, Path build, Map<String, Long> rows) throws IOException {
        rows.put(CSV, PlanFiles.csv(build.resolve(CSV), TransferSchema.columns(), stage.read(Datasets.TRANSFERS)
                .orderBy(col("part_no"), col("to_warehouse"), col("from_warehouse")).toLocalIterator()));
    }
}
