package com.sparecast.jobs.publish;

import static org.apache.spark.sql.functions.col;

import com.sparecast.jobs.format.CsvOutput;
import com.sparecast.jobs.ingest.Feed;
import com.sparecast.jobs.ingest.IngestSchema;
import com.sparecast.jobs.ingest.Reconciliation;
import com.sparecast.jobs.stage.Datasets;
import com.sparecast.jobs.stage.Stage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** {@code quality/rejected/<feed>.csv} for every feed and every master table with rejects, and {@code quality/reconciliation.json}. */
final class QualityFiles {

    private static final List<String> REJECT_COLUMNS = List.of("file", "line", "column", "reason_code", "message", "raw");

    private QualityFiles() {
    }

    static void write(Stage stage, Path build, Map<String, Long> rows) throws IOException {
        Reconciliation reconciliation = Reconciliation.read(stage.paths().dataset(Datasets.RECONCILIATION));
        for (Feed feed : Feed.values()) {
            Dataset<Row> rejected = stage.read(Datasets.ingested(feed.feedName()))
                    .filter(col(Datasets.OUTCOME).equalTo(Datasets.REJECTED))
                    .select(col(IngestSchema.SOURCE_FILE), col(IngestSchema.SOURCE_LINE), col(IngestSchema.REJECT_COLUMN),
                            col(IngestSchema.REJECT_REASON), col(IngestSchema.REJECT_MESSAGE), col(IngestSchema.RAW))
                    .orderBy(IngestSchema.SOURCE_FILE, IngestSchema.SOURCE_LINE);
            writeRejects(build, feed.feedName(), rejected, rows);
        }
        Dataset<Row> master = stage.read(Datasets.MASTER_REJECTS);
        for (String table : reconciliation.feeds().keySet()) {
            if (Arrays.stream(Feed.values()).noneMatch(f -> f.feedName().equals(table))
                    && reconciliation.feeds().get(table).rejected() > 0) {
                writeRejects(build, table, master.filter(col("feed").equalTo(table)).drop("feed").orderBy("file", "line"), rows);
            }
        }
        reconciliation.write(build.resolve("quality/reconciliation.json"));
    }

    private static void writeRejects(Path build, String name, Dataset<Row> rejected, Map<String, Long> rows)
            throws IOException {
        String path = "quality/rejected/" + name + ".csv";
        try (CsvOutput out = CsvOutput.open(build.resolve(path), REJECT_COLUMNS, true)) {
            Iterator<Row> it = rejected.toLocalIterator();
            while (it.hasNext()) {
                Row r = it.next();
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < REJECT_COLUMNS.size(); i++) {
                    values.add(r.get(i));
                }
                out.write(values);
            }
            rows.put(path, out.rows());
        }
    }
}
