package com.sparecast.jobs.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.sparecast.jobs.config.Settings;
import com.sparecast.jobs.ingest.Feed;
import com.sparecast.jobs.input.MasterData;
import com.sparecast.jobs.ingest.Reconciliation;
import com.sparecast.jobs.format.CsvOutput;
import com.sparecast.jobs.stage.Datasets;
import com.sparecast.jobs.stage.ForecastSchema;
import com.sparecast.jobs.stage.Stage;
import com.sparecast.jobs.stage.StageTasklet;
import com.sparecast.jobs.storage.LocalStorage;
import com.sparecast.jobs.storage.Storage;
import com.sparecast.jobs.storage.StorageSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Step {@code writeReport}: the planners' review page ({@code report/index.html}), one page per
 * exception line (the most valuable {@code sparecast.report.part-pages}, 200 by default), and the
 * returns and failures feedback as CSV, from its own queries of the staged plan, shipments and
 * events. It writes into the staging area; {@code publishPlans} publishes the folder with the
 * other outputs.
 */
public final class WriteReportTasklet extends StageTasklet {

    /** How far back the report looks for earlier runs' forecasts. */
    private static final int ACCURACY_LOOKBACK_DAYS = 91;

    public WriteReportTasklet(Settings settings, Supplier<SparkSession> spark) {
        super(settings, spark);
    }

    @Override
    protected void run(Stage stage) throws Exception {
        Path report = stage.paths().dataset(Datasets.REPORT);
        LocalStorage.deleteRecursively(report);
        Files.createDirectories(report);
        TreeMap<String, Long> rows = new TreeMap<>();

        Dataset<Row> series = stage.read(Datasets.SERIES_FORECASTS);
        Map<String, Long> classes = new TreeMap<>();
        for (Row r : series.filter(col("region").notEqual(ForecastSchema.ALL_REGIONS))
                .groupBy("demand_class").count().collectAsList()) {
            classes.put(r.getString(0), r.getLong(1));
        }
        Map<String, Object> headline = new LinkedHashMap<>();
        headline.put("series", classes.values().stream().mapToLong(Long::longValue).sum());
        headline.putAll(planSummary(stage));
        String currency = stage.settings().get("sparecast.reporting-currency");
        List<ExceptionQueue.Line> queue = ExceptionQueue.of(stage.read(Datasets.PLAN), stage.read(Datasets.SHIPMENT_LINES),
                stage.planningDate());

        int cap = stage.settings().get("sparecast.report.part-pages").isEmpty() ? ExceptionParts.DEFAULT_CAP
                : stage.settings().getInt("sparecast.report.part-pages");
        ExceptionParts.Selection selection = ExceptionParts.select(stage.read(Datasets.PLAN), series,
                ForecastSchema.ALL_REGIONS, cap);
        Map<String, String> pages = new LinkedHashMap<>();
        Path parts = Files.createDirectories(report.resolve("parts"));
        for (PartPage page : selection.pages()) {
            Files.writeString(com.sparecast.jobs.input.Identifiers.resolveInside(parts, page.fileName()), PartPageWriter.render(stage.planningDate().toString(), page),
                    StandardCharsets.UTF_8);
            pages.put(page.warehouseId() + "/" + page.partNo(), "parts/" + page.fileName());
        }
        String note = selection.pages().size() < selection.exceptionLines()
                ? "The " + selection.pages().size() + " most valuable of the " + selection.exceptionLines()
                        + " exception lines (order value or stock value) have a page with their chart; the others are in"
                        + " plans/replenishment.csv."
                : "Each plan exception links to its page with the demand chart and the numbers behind its order.";

        List<TableData> sections = new ArrayList<>(accuracy(stage));
        Feedback feedback = new Feedback(stage.read(Datasets.accepted(Feed.SHIPMENTS.feedName())),
                stage.read(Datasets.accepted(Feed.RETURNS.feedName())), stage.read(Datasets.accepted(Feed.FAILURES.feedName())),
                regions(stage), stage.run().firstIncompleteWeek());
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

        rows.put("report/decisions-template.csv",
                DecisionsTemplate.write(report.resolve("decisions-template.csv"), queue, currency));
        headline.put("duration so far (s)", Math.round(stage.secondsSinceRunStart() * 10) / 10.0);
        Reconciliation reconciliation = Reconciliation.read(stage.paths().dataset(Datasets.RECONCILIATION));
        Files.writeString(report.resolve("index.html"), ReportWriter.render(new ReportData(
                stage.planningDate().toString(), stage.run().planId(), reconciliation, headline, classes,
                currency, queue, pages, note, sections)), StandardCharsets.UTF_8);
        stage.stageValue(Datasets.REPORT_ROWS, rows);
        stage.countWritten(rows.values().stream().mapToLong(Long::longValue).sum());
    }

    /** Plan lines, orders and shipments (the exceptions are the queue's cards). */
    private static Map<String, Object> planSummary(Stage stage) {
        Row totals = stage.read(Datasets.PLAN).agg(count(lit(1)), sum(when(col("order_qty").gt(0), 1L).otherwise(0L))).first();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("plan lines", totals.getLong(0));
        summary.put("orders", totals.isNullAt(1) ? 0L : totals.getLong(1));
        summary.put("shipments", stage.read(Datasets.SHIPMENTS).count());
        return summary;
    }

    /** Country to region, from the master data ingest staged. */
    private static Dataset<Row> regions(Stage stage) throws IOException {
        Map<String, String> regionOfCountry = stage.stagedValue(Datasets.MASTER_DATA, MasterData.class).regionOfCountry();
        return stage.spark().createDataFrame(regionOfCountry.entrySet().stream()
                        .map(e -> RowFactory.create(e.getKey(), e.getValue())).toList(),
                new StructType().add("country", "string", false).add("region", "string", false));
    }

    /** Accuracy of the forecasts of earlier runs published in the same output location. */
    private static List<TableData> accuracy(Stage stage) throws IOException {
        Storage output = Storage.of(stage.run().output(), StorageSettings.from(stage.settings()));
        List<Dataset<Row>> earlier = new ArrayList<>();
        for (int back = 1; back <= ACCURACY_LOOKBACK_DAYS && earlier.size() < ForecastAccuracy.MAX_RUNS; back++) {
            String date = stage.planningDate().minusDays(back).toString();
            if (output.exists(date + "/_SUCCESS") && output.exists(date + "/forecasts.parquet")) {
                earlier.add(stage.spark().read().parquet(output.sparkUri(date + "/forecasts.parquet"))
                        .withColumn("run_date", lit(date)));
            }
        }
        if (earlier.isEmpty()) {
            return List.of(ForecastAccuracy.none(stage.run().output()));
        }
        Dataset<Row> all = earlier.stream().reduce(Dataset::unionByName).orElseThrow();
        return ForecastAccuracy.tables(all, stage.read(Datasets.WEEKLY_DEMAND), stage.read(Datasets.SERIES_FORECASTS),
                stage.run().firstIncompleteWeek(), ForecastSchema.ALL_REGIONS);
    }

}
