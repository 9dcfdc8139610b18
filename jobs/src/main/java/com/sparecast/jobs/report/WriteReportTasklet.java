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
import com.sparecast.jobs.stage.DriverTasks;
import com.sparecast.jobs.stage.ForecastSchema;
import com.sparecast.jobs.stage.Stage;
import com.sparecast.jobs.stage.StageTasklet;
import com.sparecast.jobs.storage.LocalStorage;
import com.sparecast.jobs.storage.PublishedRuns;
import com.sparecast.jobs.storage.Storage;
import com.sparecast.jobs.storage.StorageSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import com.sparecast.jobs.format.Numbers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
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
 * events, run side by side ({@link DriverTasks}). It writes into the staging area;
 * {@code publishPlans} publishes the folder with the other outputs.
 */
public final class WriteReportTasklet extends StageTasklet {

    /** The published plan file changes are computed against. */
    private static final String PREVIOUS_PLAN = "plans/replenishment.parquet";

    /** Changes shown on the page; all of them are in plans/changes.csv. */
    static final int CHANGES_SHOWN = 500;

    public WriteReportTasklet(Settings settings, Supplier<SparkSession> spark) {
        super(settings, spark);
    }

    @Override
    protected void run(Stage stage) throws Exception {
        Path report = stage.paths().dataset(Datasets.REPORT);
        LocalStorage.deleteRecursively(report);
        Files.createDirectories(report);
        Map<String, Long> rows = new ConcurrentSkipListMap<>();
        String currency = stage.settings().get("sparecast.reporting-currency");
        Storage output = Storage.of(stage.run().output(), StorageSettings.from(stage.settings()));
        List<LocalDate> published = PublishedRuns.before(output, stage.planningDate(), ForecastAccuracy.MAX_RUNS);

        // The page's parts are independent queries, each with driver work after its Spark jobs
        // (tables, part pages, CSV files): side by side, the costliest first.
        Map<String, Long> classes;
        Map<String, Object> headline = new LinkedHashMap<>();
        List<ExceptionQueue.Line> queue;
        PartPages pages;
        List<TableData> sections = new ArrayList<>();
        Accuracy accuracy;
        try (DriverTasks tasks = DriverTasks.open("report")) {
            DriverTasks.Result<List<TableData>> feedback = tasks.submit(() -> feedback(stage, report, rows));
            DriverTasks.Result<List<ExceptionQueue.Line>> queued = tasks.submit(() -> ExceptionQueue.of(
                    stage.read(Datasets.PLAN), stage.read(Datasets.SHIPMENT_LINES), stage.read(Datasets.TRANSFERS),
                    stage.planningDate()));
            DriverTasks.Result<PartPages> partPages = tasks.submit(() -> partPages(stage, report));
            DriverTasks.Result<Accuracy> accuracyAndKpis = tasks.submit(() -> accuracy(stage, output, published, currency));
            DriverTasks.Result<TableData> changes = tasks.submit(() -> changes(stage, output, published, rows));
            DriverTasks.Result<Map<String, Long>> demandClasses = tasks.submit(() -> demandClasses(stage));
            DriverTasks.Result<Map<String, Object>> summary = tasks.submit(() -> planSummary(stage));

            classes = demandClasses.get();
            headline.put("series", classes.values().stream().mapToLong(Long::longValue).sum());
            headline.putAll(summary.get());
            queue = queued.get();
            pages = partPages.get();
            accuracy = accuracyAndKpis.get();
            sections.add(changes.get());
            sections.addAll(accuracy.tables());
            sections.addAll(feedback.get());
        }

        rows.put("report/decisions-template.csv",
                DecisionsTemplate.write(report.resolve("decisions-template.csv"), queue, currency));
        headline.put("duration so far (s)", Math.round(stage.secondsSinceRunStart() * 10) / 10.0);
        Reconciliation reconciliation = Reconciliation.read(stage.paths().dataset(Datasets.RECONCILIATION));
        Files.writeString(report.resolve("index.html"), ReportWriter.render(new ReportData(
                stage.planningDate().toString(), stage.run().planId(), reconciliation, headline, classes,
                currency, queue, pages.links(), pages.note(), accuracy.kpis(), sections)), StandardCharsets.UTF_8);
        stage.stageValue(Datasets.REPORT_ROWS, new TreeMap<>(rows));
        stage.countWritten(rows.values().stream().mapToLong(Long::longValue).sum());
    }

    /** Regional series by demand class. */
    private static Map<String, Long> demandClasses(Stage stage) {
        Map<String, Long> classes = new TreeMap<>();
        for (Row r : stage.read(Datasets.SERIES_FORECASTS).filter(col("region").notEqual(ForecastSchema.ALL_REGIONS))
                .groupBy("demand_class").count().collectAsList()) {
            classes.put(r.getString(0), r.getLong(1));
        }
        return classes;
    }

    /** The exception lines' part pages written under {@code report/parts/}: their links by line, and the page's note on them. */
    private record PartPages(Map<String, String> links, String note) {
    }

    private static PartPages partPages(Stage stage, Path report) throws IOException {
        int cap = stage.settings().get("sparecast.report.part-pages").isEmpty() ? ExceptionParts.DEFAULT_CAP
                : stage.settings().getInt("sparecast.report.part-pages");
        ExceptionParts.Selection selection = ExceptionParts.select(stage.read(Datasets.PLAN),
                stage.read(Datasets.SERIES_FORECASTS), ForecastSchema.ALL_REGIONS, cap);
        Map<String, String> links = new LinkedHashMap<>();
        Path parts = Files.createDirectories(report.resolve("parts"));
        for (PartPage page : selection.pages()) {
            Files.writeString(com.sparecast.jobs.input.Identifiers.resolveInside(parts, page.fileName()), PartPageWriter.render(stage.planningDate().toString(), page),
                    StandardCharsets.UTF_8);
            links.put(page.warehouseId() + "/" + page.partNo(), "parts/" + page.fileName());
        }
        String note = selection.pages().size() < selection.exceptionLines()
                ? "The " + selection.pages().size() + " most valuable of the " + selection.exceptionLines()
                        + " exception lines (order value or stock value) have a page with their chart; the others are in"
                        + " plans/replenishment.csv."
                : "Each plan exception links to its page with the demand chart and the numbers behind its order.";
        return new PartPages(links, note);
    }

    /** The forecast accuracy sections, and the KPI header, whose trend shows each earlier run's accuracy. */
    private record Accuracy(List<TableData> tables, KpiHeader.Header kpis) {
    }

    private static Accuracy accuracy(Stage stage, Storage output, List<LocalDate> published, String currency)
            throws IOException {
        Dataset<Row> forecasts = earlierForecasts(stage, output, published);
        List<TableData> tables = new ArrayList<>();
        Map<String, Double> rmsse = new TreeMap<>();
        if (forecasts == null) {
            tables.add(ForecastAccuracy.none(stage.run().output()));
        } else {
            tables.addAll(ForecastAccuracy.tables(forecasts, stage.read(Datasets.WEEKLY_DEMAND),
                    stage.read(Datasets.SERIES_FORECASTS), stage.run().firstIncompleteWeek(), ForecastSchema.ALL_REGIONS));
            rmsse.putAll(ForecastAccuracy.meanRmsseByRun(forecasts, stage.read(Datasets.WEEKLY_DEMAND),
                    stage.read(Datasets.SERIES_FORECASTS), stage.run().firstIncompleteWeek(), ForecastSchema.ALL_REGIONS));
        }
        return new Accuracy(tables, kpis(stage, output, published, rmsse, currency));
    }

    /** The returns and failures feedback: report/feedback.csv, report/return_reasons.csv and the page's tables. */
    private static List<TableData> feedback(Stage stage, Path report, Map<String, Long> rows) throws IOException {
        Feedback feedback = new Feedback(stage.read(Datasets.accepted(Feed.SHIPMENTS.feedName())),
                stage.read(Datasets.accepted(Feed.RETURNS.feedName())), stage.read(Datasets.accepted(Feed.FAILURES.feedName())),
                regions(stage), stage.run().firstIncompleteWeek());
        rows.put("report/feedback.csv", feedback.writeCsv(report.resolve("feedback.csv")));
        List<TableData> tables = feedback.tables();
        TableData reasons = tables.get(tables.size() - 1);
        try (CsvOutput out = CsvOutput.open(report.resolve("return_reasons.csv"), reasons.header(), true)) {
            for (List<Object> row : reasons.rows()) {
                out.write(row);
            }
            rows.put("report/return_reasons.csv", out.rows());
        }
        return tables;
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

    /** The forecasts of the earlier published runs, with their {@code run_date}; null when there are none. */
    private static Dataset<Row> earlierForecasts(Stage stage, Storage output, List<LocalDate> published) throws IOException {
        List<Dataset<Row>> earlier = new ArrayList<>();
        for (LocalDate date : published) {
            if (output.exists(date + "/forecasts.parquet")) {
                earlier.add(stage.spark().read().parquet(output.sparkUri(date + "/forecasts.parquet"))
                        .withColumn("run_date", lit(date.toString())));
            }
        }
        return earlier.stream().reduce(Dataset::unionByName).orElse(null);
    }

    /** This plan's key figures, their trends over the published runs (oldest first, this one last), the fill rates. */
    private static KpiHeader.Header kpis(Stage stage, Storage output, List<LocalDate> published, Map<String, Double> rmsse,
                                         String currency) throws IOException {
        double cover = stage.settings().getDouble("sparecast.plan.overstock-cover-weeks");
        Dataset<Row> plan = stage.read(Datasets.PLAN);
        Kpis.Figures figures = Kpis.of(plan, cover);
        List<KpiHeader.RunFigures> runs = new ArrayList<>();
        List<LocalDate> oldestFirst = new ArrayList<>(published);
        java.util.Collections.reverse(oldestFirst);
        for (LocalDate date : oldestFirst) {
            Kpis.Figures earlier = null;
            if (output.exists(date + "/" + PREVIOUS_PLAN)) {
                Dataset<Row> p = stage.spark().read().parquet(output.sparkUri(date + "/" + PREVIOUS_PLAN));
                earlier = Kpis.readable(p) ? Kpis.of(p, cover) : null;
            }
            runs.add(new KpiHeader.RunFigures(date.toString(), earlier == null ? Double.NaN : earlier.stockValue(),
                    earlier == null ? Double.NaN : earlier.fillRate(), rmsse.getOrDefault(date.toString(), Double.NaN)));
        }
        runs.add(new KpiHeader.RunFigures(stage.planningDate().toString(), figures.stockValue(), figures.fillRate(),
                Double.NaN));
        return KpiHeader.of(figures, currency, runs, published.size(), rmsse, Kpis.byClass(plan), stage.run().output());
    }

    /**
     * {@code plans/changes.csv} against the last published plan, and the page's section: the
     * count of each change and the first {@link #CHANGES_SHOWN} changes; header only and a
     * sentence saying so when no plan was published before.
     */
    private static TableData changes(Stage stage, Storage output, List<LocalDate> published, Map<String, Long> rows)
            throws IOException {
        Path file = stage.paths().dataset(Datasets.CHANGES);
        List<List<Object>> shown = new ArrayList<>();
        String note;
        LocalDate last = published.stream().filter(d -> exists(output, d + "/" + PREVIOUS_PLAN)).findFirst().orElse(null);
        if (last == null) {
            PlanChanges.writeNone(file);
            rows.put("plans/changes.csv", 0L);
            note = "No earlier plan is published in " + output.location() + ": there is nothing to compare this plan"
                    + " with yet, so plans/changes.csv has its header only. Changes are listed from the next run on.";
        } else {
            double share = stage.settings().getDouble("sparecast.report.change-share");
            Map<String, Long> counts = PlanChanges.write(stage.spark().read().parquet(output.sparkUri(last + "/" + PREVIOUS_PLAN)),
                    stage.read(Datasets.PLAN), share, file, CHANGES_SHOWN, shown);
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            rows.put("plans/changes.csv", total);
            StringBuilder s = new StringBuilder("Compared with the plan published for " + last + ": " + total + " changes (");
            counts.forEach((k, v) -> s.append(k).append(' ').append(v).append(", "));
            s.setLength(s.length() - 2);
            s.append("). An order quantity counts when it moved by more than ").append(Numbers.text(share))
                    .append(" of the earlier one.");
            if (total > shown.size()) {
                s.append(" The first ").append(shown.size()).append(" are shown; all are in plans/changes.csv.");
            }
            note = s.toString();
        }
        return new TableData("changes", "What changed since the last published plan", note, PlanChanges.COLUMNS, shown);
    }

    private static boolean exists(Storage output, String path) {
        try {
            return output.exists(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }


}
