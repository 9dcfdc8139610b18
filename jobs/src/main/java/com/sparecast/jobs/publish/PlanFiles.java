package com.sparecast.jobs.publish;

import static org.apache.spark.sql.functions.col;

import com.sparecast.jobs.format.CsvOutput;
import com.sparecast.jobs.stage.Datasets;
import com.sparecast.jobs.stage.PlanSchema;
import com.sparecast.jobs.stage.Stage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** {@code plans/replenishment.csv} and {@code plans/replenishment.parquet}: every plan line, by warehouse and part. */
final class PlanFiles {

    static final String CSV = "plans/replenishment.csv";
    static final String PARQUET = "plans/replenishment.parquet";

    private PlanFiles() {
    }

    static void write(Stage stage, Path build, Map<String, Long> rows) throws IOException {
        Dataset<Row> plan = stage.read(Datasets.PLAN).orderBy(col("warehouse_id"), col("part_no"));
        SingleParquetFile.write(plan, build.resolve(PARQUET));
        rows.put(CSV, csv(build.resolve(CSV), PlanSchema.columns(), plan.toLocalIterator()));
    }

    /** Writes {@code rows}' {@code columns}, in order, to a planner's CSV (with a byte-order mark); returns the rows. */
    static long csv(Path file, List<String> columns, Iterator<Row> rows) throws IOException {
        try (CsvOutput csv = CsvOutput.open(file, columns, true)) {
            int[] fields = null; // each column's place in the rows, looked up once: every row has one schema
            while (rows.hasNext()) {
                Row r = rows.next();
                if (fields == null) {
                    fields = columns.stream().mapToInt(r::fieldIndex).toArray();
                }
                List<Object> values = new ArrayList<>(fields.length);
                for (int field : fields) {
                    values.add(r.get(field));
                }
                csv.write(values);
            }
            return csv.rows();
        }
    }
}
