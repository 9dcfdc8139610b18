package com.sparecast.jobs.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.sparecast.jobs.batch.InputFingerprint;
import com.sparecast.jobs.batch.RunRequest;
import com.sparecast.jobs.batch.StageTasklet;
import com.sparecast.jobs.customs.PlanShipmentsTasklet;
import com.sparecast.jobs.customs.ShipmentSchema;
import com.sparecast.jobs.demand.AggregateDemandTasklet;
import com.sparecast.jobs.forecasting.ForecastDemandTasklet;
import com.sparecast.jobs.forecasting.ForecastSchema;
import com.sparecast.jobs.ingest.Feed;
import com.sparecast.jobs.ingest.IngestEventsTasklet;
import com.sparecast.jobs.ingest.IngestSchema;
import com.sparecast.jobs.ingest.Reconciliation;
import com.sparecast.jobs.replenishment.PlanReplenishmentTasklet;
import com.sparecast.jobs.replenishment.PlanSchema;
import com.sparecast.jobs.input.MasterData;
import com.sparecast.jobs.report.ExceptionParts;
import com.sparecast.jobs.report.Feedback;
import com.sparecast.jobs.report.ForecastAccuracy;
import com.sparecast.jobs.report.PartPage;
import com.sparecast.jobs.report.PartPageWriter;
import com.sparecast.jobs.report.ReportData;
import com.sparecast.jobs.report.ReportWriter;
import com.sparecast.jobs.report.TableData;
import com.sparecast.jobs.storage.LocalStorage;
import com.sparecast.jobs.storage.Storage;
import com.sparecast.jobs.storage.StorageSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Step {@code publishPlans}: lays out every output file of the contract in a local build folder,
 * then publishes it atomically (data files, {@code manifest.json}, {@code _SUCCESS} last).
 * Rows reach the driver one partition at a time ({@code toLocalIterator}), sorted, so files are
 * the same bytes on every run and memory does not grow with the plan.
 */
public final class PublishPlansTasklet extends StageTasklet {

    /** The restock file columns of the contract, in order. */
    public static final List<String> RESTOCK_COLUMNS = List.of("warehouse_id", "part_no", "description", "order_qty",
            "source_warehouse", "ship_date", "expected_arrival", "reorder_point", "order_up_to", "on_hand", "on_order",
            "plan_id");

    private static final List<String> REJECT_COLUMNS = List.of("file", "line", "column", "reason_code", "message", "raw");
    private static final List<String> EXCEPTION_COLUMNS = List.of("warehouse_id", "part_no", "description", "exception",
            "exception_reason", "abc_class", "demand_class", "inventory_position", "reorder_point", "order_up_to", "order_qty");

    /** How far back the report looks for earlier runs' forecasts. */
    private static final int ACCURACY_LOOKBACK_DAYS = 91;

    public PublishPlansTasklet(RunRequest request, Supplier<SparkSession> spark) {
        super(request, spark);
    }

    @Override
    protected void run(Stage stage) throws Exception {
        Path build = stage.paths().dataset("publish");
        LocalStorage.deleteRecursively(build);
        Files.createDirectories(build);
        String fingerprintSha = stage.stepExecution().getJobExecution().getJobParameters().getString("inputFingerprint");
        String planId = stage.planningDate().toString().replace("-", "") + "-" + fingerprintSha.substring(0, 12);
        Map<String, Long> rows = new TreeMap<>();
        List<List<Object>> exceptions = new ArrayList<>();
        Map<String, Object> summary = new LinkedHashMap<>();

        writePlanAndRestock(stage, build, planId, rows, exceptions, summary);
        writeShipments(stage, build, rows, exceptions, summary);
        writeForecasts(stage, build);
        Reconciliation reconciliation = writeQuality(stage, build, rows);

        writeReport(stage, build, planId, reconciliation, summary, exceptions, rows);

        InputFingerprint inputs = InputFingerprint.load(stage.settings().workDir(), fingerprintSha);
        Manifest manifest = new Manifest(stage.stepExecution().getJobExecution().getId(), planId,
                stage.planningDate().toString(), "COMPLETED", Math.round(secondsSinceStart(stage) * 100) / 100.0,
                fingerprintSha, inputs.files(), Manifest.outputsOf(build, rows));
        manifest.write(build.resolve("manifest.json"));

        Storage output = Storage.of(stage.request().output(), StorageSettings.from(stage.settings()));
        output.publishFolder(build, stage.planningDate().toString());
        stage.countWritten(rows.values().stream().mapToLong(Long::longValue).sum());
    }

    /** Seconds since this execution started (a resumed run counts from its own start). */
    private static double secondsSinceStart(Stage stage) {
        java.time.LocalDateTime start = stage.stepExecution().getJobExecution().getStartTime();
        return start == null ? 0 : java.time.Duration.between(start, java.time.LocalDateTime.now()).toMillis() / 1000.0;
    }

    /**
     * report/: the review page, one page per exception line (the most valuable {@code sparecast.report.part-pages},
     * 200 by default), and the returns and failures feedback as CSV.
     */
    private static void writeReport(Stage stage, Path build, String planId, Reconciliation reconciliation,
                                     Map<String, Object> summary, List<List<Object>> exceptions, Map<String, Long> rows)
            throws IOException {
        SparkSession spark = stage.spark();
        Path report = Files.createDirectories(build.resolve("report"));
        Dataset<Row> series = spark.read().parquet(stage.paths().uri(ForecastDemandTasklet.SERIES_FORECASTS));
        Map<String, Long> classes = new TreeMap<>();
        for (Row r : series.filter(col("region").notEqual(ForecastDemandTasklet.ALL_REGIONS))
                .groupBy("demand_class").count().collectAsList()) {
            classes.put(r.getString(0), r.getLong(1));
        }
        Map<String, Object> headline = new LinkedHashMap<>();
        headline.put("series", classes.values().stream().mapToLong(Long::longValue).sum());
        headline.putAll(summary);

        int cap = stage.settings().get("sparecast.report.part-pages").isEmpty() ? ExceptionParts.DEFAULT_CAP
                : stage.settings().getInt("sparecast.report.part-pages");
        ExceptionParts.Selection selection = ExceptionParts.select(
                spark.read().parquet(stage.paths().uri(PlanReplenishmentTasklet.PLAN)), series,
                ForecastDemandTasklet.ALL_REGIONS, cap);
        Map<String, String> pages = new LinkedHashMap<>();
        Path parts = Files.createDirectories(report.resolve("parts"));
        for (PartPage page : selection.pages()) {
            Files.writeString(parts.resolve(page.fileName()), PartPageWriter.render(stage.planningDate().toString(), page),
                    StandardCharsets.UTF_8);
            pages.put(page.warehouseId() + "/" + page.partNo(), "parts/" + page.fileName());
        }
        String note = selection.pages().size() < selection.exceptionLines()
                ? "The " + selection.pages().size() + " most valuable of the " + selection.exceptionLines()
                        + " exception lines (order value or stock value) have a page with their chart; the others are in"
                        + " plans/replenishment.csv."
                : "Each plan exception links to its page with the demand chart and the numbers behind its order.";

        List<TableData> sections = new ArrayList<>(accuracy(stage));
        LocalDate end = AggregateDemandTasklet.firstIncompleteWeek(stage.planningDate());
        Map<String, String> regionOfCountry = MasterData.load(stage.input()).regionOfCountry();
        Dataset<Row> regions = spark.createDataFrame(regionOfCountry.entrySet().stream()
                        .map(e -> org.apache.spark.sql.RowFactory.create(e.getKey(), e.getValue())).toList(),
                new org.apache.spark.sql.types.StructType().add("country", "string", false).add("region", "string", false));
        Feedback feedback = new Feedback(IngestEventsTasklet.accepted(stage, Feed.SHIPMENTS),
                IngestEventsTasklet.accepted(stage, Feed.RETURNS), IngestEventsTasklet.accepted(stage, Feed.FAILURES),
                regions, end);
        rows.put("report/feedback.csv", feedback.writeCsv(report.resolve("feedback.csv")));
        List<TableData> feedbackTables = feedback.tables();
        sections.addAll(feedbackTables);
        TableData reasons = feedbackTables.get(feedbackTables.size() - 1);
        try (CsvOutput out = CsvOutput.open(report.resolve("return_reasons.csv"), reasons.header(), true)) {
            for (List<Object> row : reasons.rows()) {
                out.write(row);
            }
            rows.put("report/return_reasons.csv", out.rows());
        }

        headline.put("duration so far (s)", Math.round(secondsSinceStart(stage) * 10) / 10.0);
        Files.writeString(report.resolve("index.html"), ReportWriter.render(new ReportData(
                stage.planningDate().toString(), planId, reconciliation, headline, classes, EXCEPTION_COLUMNS, exceptions,
                pages, note, sections)), StandardCharsets.UTF_8);
    }

    /** Accuracy of the forecasts of earlier runs published in the same output location. */
    private static List<TableData> accuracy(Stage stage) throws IOException {
        Storage output = Storage.of(stage.request().output(), StorageSettings.from(stage.settings()));
        List<Dataset<Row>> earlier = new ArrayList<>();
        for (int back = 1; back <= ACCURACY_LOOKBACK_DAYS && earlier.size() < ForecastAccuracy.MAX_RUNS; back++) {
            String date = stage.planningDate().minusDays(back).toString();
            if (output.exists(date + "/_SUCCESS") && output.exists(date + "/forecasts.parquet")) {
                earlier.add(stage.spark().read().parquet(output.sparkUri(date + "/forecasts.parquet"))
                        .withColumn("run_date", lit(date)));
            }
        }
        if (earlier.isEmpty()) {
            return List.of(ForecastAccuracy.none(stage.request().output()));
        }
        Dataset<Row> all = earlier.stream().reduce(Dataset::unionByName).orElseThrow();
        return ForecastAccuracy.tables(all, stage.spark().read().parquet(stage.paths().uri(AggregateDemandTasklet.WEEKLY_DEMAND)),
                stage.spark().read().parquet(stage.paths().uri(ForecastDemandTasklet.SERIES_FORECASTS)),
                AggregateDemandTasklet.firstIncompleteWeek(stage.planningDate()), ForecastDemandTasklet.ALL_REGIONS);
    }

    /** plans/replenishment.csv and .parquet, and restock/<warehouse>.csv for warehouses with orders. */
    private static void writePlanAndRestock(Stage stage, Path build, String planId, Map<String, Long> rows,
                                            List<List<Object>> exceptions, Map<String, Object> summary) throws IOException {
        Dataset<Row> plan = stage.spark().read().parquet(stage.paths().uri(PlanReplenishmentTasklet.PLAN));
        Dataset<Row> lineDates = shipmentDates(stage);
        Dataset<Row> sorted = plan.join(lineDates, plan.col("warehouse_id").equalTo(lineDates.col("dest_wh"))
                        .and(plan.col("part_no").equalTo(lineDates.col("line_part"))), "left")
                .orderBy(col("warehouse_id"), col("part_no"));
        writeSingleParquet(stage, plan.orderBy("warehouse_id", "part_no"), build.resolve("plans/replenishment.parquet"));

        List<String> columns = PlanSchema.columns();
        long orders = 0;
        long stockoutRisks = 0;
        CsvOutput restock = null;
        String restockWarehouse = null;
        try (CsvOutput planCsv = CsvOutput.open(build.resolve("plans/replenishment.csv"), columns, true)) {
            Iterator<Row> it = sorted.toLocalIterator();
            while (it.hasNext()) {
                Row r = it.next();
                List<Object> values = new ArrayList<>(columns.size());
                for (String c : columns) {
                    values.add(r.get(r.fieldIndex(c)));
                }
                planCsv.write(values);
                String warehouse = r.getAs("warehouse_id");
                long orderQty = r.<Long>getAs("order_qty");
                if (r.getAs("exception") != null) {
                    exceptions.add(EXCEPTION_COLUMNS.stream().map(c -> (Object) r.get(r.fieldIndex(c))).toList());
                    if ("STOCKOUT_RISK".equals(r.getAs("exception"))) {
                        stockoutRisks++;
                    }
                }
                if (orderQty <= 0) {
                    continue;
                }
                orders++;
                if (!warehouse.equals(restockWarehouse)) {
                    if (restock != null) {
                        restock.close();
                        rows.put("restock/" + restockWarehouse + ".csv", restock.rows());
                    }
                    restock = CsvOutput.open(build.resolve("restock/" + warehouse + ".csv"), RESTOCK_COLUMNS, false);
                    restockWarehouse = warehouse;
                }
                LocalDate planningDate = stage.planningDate();
                String shipDate = r.getAs("ship_date_of_line");
                String arrival = r.getAs("expected_arrival_of_line");
                if (shipDate == null) {
                    // Not in a shipment plan (supplier orders): leaves today, arrives after the mean lead time.
                    shipDate = planningDate.toString();
                    arrival = planningDate.plusDays((long) Math.ceil(r.<Double>getAs("lead_time_weeks_mean") * 7)).toString();
                }
                restock.write(Arrays.asList(warehouse, r.getAs("part_no"), r.getAs("description"), orderQty,
                        r.getAs("source_warehouse"), shipDate, arrival, r.getAs("reorder_point"), r.getAs("order_up_to"),
                        r.getAs("on_hand"), r.getAs("on_order"), planId));
            }
            rows.put("plans/replenishment.csv", planCsv.rows());
        } finally {
            if (restock != null) {
                restock.close();
                rows.put("restock/" + restockWarehouse + ".csv", restock.rows());
            }
        }
        summary.put("plan lines", rows.get("plans/replenishment.csv"));
        summary.put("orders", orders);
        summary.put("exceptions", (long) exceptions.size());
        summary.put("stock-out risks", stockoutRisks);
        summary.put("overstock", exceptions.stream().filter(e -> "OVERSTOCK".equals(e.get(3))).count());
        summary.put("dead stock", exceptions.stream().filter(e -> "DEAD_STOCK".equals(e.get(3))).count());
    }

    /** Ship date and arrival of each (destination warehouse, part) in the shipment plan. */
    private static Dataset<Row> shipmentDates(Stage stage) {
        return stage.spark().read().parquet(stage.paths().uri(PlanShipmentsTasklet.LINES))
                .select(col("destination_warehouse").as("dest_wh"), col("part_no").as("line_part"),
                        col("ship_date_of_line"), col("expected_arrival_of_line"))
                .dropDuplicates("dest_wh", "line_part");
    }

    private static void writeShipments(Stage stage, Path build, Map<String, Long> rows, List<List<Object>> exceptions,
                                       Map<String, Object> summary) throws IOException {
        SparkSession spark = stage.spark();
        long holds = 0;
        try (CsvOutput out = CsvOutput.open(build.resolve("plans/shipments.csv"), ShipmentSchema.SHIPMENT_COLUMNS, true)) {
            Iterator<Row> it = spark.read().parquet(stage.paths().uri(PlanShipmentsTasklet.SHIPMENTS))
                    .orderBy("shipment_id").toLocalIterator();
            while (it.hasNext()) {
                Row r = it.next();
                out.write(ShipmentSchema.SHIPMENT_COLUMNS.stream().map(c -> (Object) r.getAs(c)).toList());
            }
            rows.put("plans/shipments.csv", out.rows());
        }
        try (CsvOutput out = CsvOutput.open(build.resolve("plans/shipment_lines.csv"), ShipmentSchema.LINE_COLUMNS, true)) {
            Iterator<Row> it = spark.read().parquet(stage.paths().uri(PlanShipmentsTasklet.LINES))
                    .orderBy("shipment_id", "line_index").toLocalIterator();
            while (it.hasNext()) {
                Row r = it.next();
                out.write(ShipmentSchema.LINE_COLUMNS.stream().map(c -> (Object) r.getAs(c)).toList());
                if ("HOLD".equals(r.getAs("status"))) {
                    holds++;
                    exceptions.add(Arrays.asList(r.getAs("destination_warehouse"), r.getAs("part_no"),
                            r.getAs("description"), "CUSTOMS_HOLD", r.getAs("hold_reason"), null, null, null, null, null,
                            r.getAs("quantity")));
                }
            }
            rows.put("plans/shipment_lines.csv", out.rows());
        }
        Iterator<Row> docs = spark.read().parquet(stage.paths().uri(PlanShipmentsTasklet.DOCUMENTS))
                .orderBy("shipment_id", "file").toLocalIterator();
        while (docs.hasNext()) {
            Row r = docs.next();
            Path file = build.resolve("customs").resolve(r.<String>getAs("shipment_id")).resolve(r.<String>getAs("file"));
            Files.createDirectories(file.getParent());
            Files.writeString(file, r.getAs("content"), StandardCharsets.UTF_8);
        }
        summary.put("shipments", rows.get("plans/shipments.csv"));
        summary.put("customs holds", holds);
    }

    /** forecasts.parquet: one row per series and future week with mean and quantiles. */
    private static void writeForecasts(Stage stage, Path build) throws IOException {
        LocalDate firstWeek = AggregateDemandTasklet.firstIncompleteWeek(stage.planningDate());
        Dataset<Row> series = stage.spark().read().parquet(stage.paths().uri(ForecastDemandTasklet.SERIES_FORECASTS))
                .filter(col("error").isNull());
        Dataset<Row> exploded = series.selectExpr("part_no", "region", "method", "demand_class",
                        "posexplode(arrays_zip(forecast, quantiles)) as (h, f)")
                .withColumn("period", org.apache.spark.sql.functions.date_add(lit(Date.valueOf(firstWeek)), col("h").multiply(7)))
                .withColumn("horizon", col("h").plus(1))
                .withColumn("mean", col("f.forecast"));
        for (int i = 0; i < ForecastSchema.QUANTILES.length; i++) {
            String name = String.format("p%02d", Math.round(ForecastSchema.QUANTILES[i] * 100));
            exploded = exploded.withColumn(name, col("f.quantiles").getItem(i));
        }
        Dataset<Row> forecasts = exploded.drop("h", "f")
                .select("part_no", "region", "period", "horizon", "method", "demand_class", "mean", "p50", "p80", "p90", "p95");
        writeSingleParquet(stage, forecasts.orderBy("part_no", "region", "horizon"), build.resolve("forecasts.parquet"));
    }

    /** quality/rejected/<feed>.csv for every feed and master table, and quality/reconciliation.json. */
    private static Reconciliation writeQuality(Stage stage, Path build, Map<String, Long> rows) throws IOException {
        Reconciliation reconciliation = Reconciliation.read(stage.paths().dataset("ingest/reconciliation.json"));
        for (Feed feed : Feed.values()) {
            Dataset<Row> rejected = stage.spark().read().parquet(stage.paths().uri("ingest/" + feed.feedName()))
                    .filter(col(IngestEventsTasklet.OUTCOME).equalTo(IngestEventsTasklet.REJECTED))
                    .select(col(IngestSchema.SOURCE_FILE), col(IngestSchema.SOURCE_LINE), col(IngestSchema.REJECT_COLUMN),
                            col(IngestSchema.REJECT_REASON), col(IngestSchema.REJECT_MESSAGE), col(IngestSchema.RAW))
                    .orderBy(IngestSchema.SOURCE_FILE, IngestSchema.SOURCE_LINE);
            writeRejects(build, feed.feedName(), rejected, rows);
        }
        Dataset<Row> master = stage.spark().read().parquet(stage.paths().uri("ingest/master_rejects"));
        for (String table : reconciliation.feeds().keySet()) {
            if (Arrays.stream(Feed.values()).noneMatch(f -> f.feedName().equals(table))
                    && reconciliation.feeds().get(table).rejected() > 0) {
                writeRejects(build, table, master.filter(col("feed").equalTo(table)).drop("feed").orderBy("file", "line"), rows);
            }
        }
        Path file = build.resolve("quality/reconciliation.json");
        reconciliation.write(file);
        return reconciliation;
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

    /** Writes {@code data} as one Parquet file at {@code target}, in the order given. */
    private static void writeSingleParquet(Stage stage, Dataset<Row> data, Path target) throws IOException {
        Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        LocalStorage.deleteRecursively(temporary);
        data.coalesce(1).write().mode(SaveMode.Overwrite).parquet(temporary.toUri().toString());
        Files.createDirectories(target.getParent());
        try (Stream<Path> files = Files.list(temporary)) {
            Path part = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst()
                    .orElseThrow(() -> new IOException("Spark wrote no Parquet file in " + temporary));
            Files.move(part, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        ParquetFooters.normalize(target);
        LocalStorage.deleteRecursively(temporary);
    }
}
