package com.sparecast.jobs.report;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.sparecast.jobs.format.CsvOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Returns and failures as feedback for the product and quality teams: defect-return and failure
 * rates per part, product model and region over the last 13 complete weeks against the 13
 * before, the parts whose rates rose, and return reasons by country.
 *
 * <p>A rate is events per unit shipped in the same weeks (defect returns are returns with
 * reason DEFECTIVE). A rate <em>rose</em> when the recent rate is more than {@value #RISE_FACTOR}
 * times the earlier one and rests on at least {@value #MIN_EVENTS} events. Product models have no
 * shipment denominator (shipments are per part), so they are compared on failure counts.
 * Aggregation runs in Spark; only the small results are tabulated on the driver (Tablesaw).
 */
public final class Feedback {

    public static final int WINDOW_WEEKS = 13;
    public static final double RISE_FACTOR = 1.25;
    public static final int MIN_EVENTS = 3;
    /** Rows of the rising-parts table on the page; the CSV has all. */
    public static final int PAGE_ROWS = 200;

    public static final List<String> CSV_COLUMNS = List.of("scope", "part_no", "product_model", "region",
            "shipped_recent", "shipped_prior", "defect_returns_recent", "defect_returns_prior", "failures_recent",
            "failures_prior", "defect_return_rate_recent", "defect_return_rate_prior", "failure_rate_recent",
            "failure_rate_prior", "rate_rose", "window_start", "window_end");

    private final Dataset<Row> parts;
    private final Dataset<Row> models;
    private final Dataset<Row> regions;
    private final Dataset<Row> reasons;
    private final LocalDate recentStart;
    private final LocalDate end;

    /**
     * @param shipments accepted shipments (part_no, country, quantity, ship_date)
     * @param returns accepted returns (part_no, country, quantity, reason_code, return_date)
     * @param failures accepted failures (part_no, country, quantity, product_model, failure_date)
     * @param regionOfCountry (country, region)
     * @param end the first day not counted (the first incomplete week)
     */
    public Feedback(Dataset<Row> shipments, Dataset<Row> returns, Dataset<Row> failures, Dataset<Row> regionOfCountry,
                    LocalDate end) {
        this.end = end;
        this.recentStart = end.minusWeeks(WINDOW_WEEKS);
        LocalDate priorStart = end.minusWeeks(2L * WINDOW_WEEKS);
        Dataset<Row> s = windowed(shipments, "ship_date", regionOfCountry, priorStart)
                .groupBy("part_no", "region").agg(recent("shipped"), prior("shipped"));
        Dataset<Row> d = windowed(returns.filter(col("reason_code").equalTo("DEFECTIVE")), "return_date", regionOfCountry,
                priorStart).groupBy("part_no", "region").agg(recent("defect_returns"), prior("defect_returns"));
        Dataset<Row> f = windowed(failures, "failure_date", regionOfCountry, priorStart)
                .groupBy("part_no", "region").agg(recent("failures"), prior("failures"));
        // Computed once (a local checkpoint, eager): the parts' rows, the regions' sums, the CSV and the
        // page all read these counts, and each would otherwise scan and aggregate the three feeds again.
        Dataset<Row> joined = s.join(d, new String[] {"part_no", "region"}, "full").join(f, new String[] {"part_no", "region"}, "full")
                .na().fill(0L).localCheckpoint();
        Column defectRose = rose("defect_returns", "shipped");
        Column failureRose = rose("failures", "shipped");
        this.parts = withRates(joined)
                .withColumn("rate_rose", when(defectRose.and(failureRose), lit("defect returns, failures"))
                        .when(defectRose, lit("defect returns")).when(failureRose, lit("failures")))
                .withColumn("scope", lit("part")).withColumn("product_model", lit(null).cast("string"));
        this.models = windowed(failures.filter(col("product_model").isNotNull()), "failure_date", regionOfCountry,
                priorStart).groupBy("product_model", "region").agg(recent("failures"), prior("failures"))
                .withColumn("rate_rose", when(col("failures_recent").geq(MIN_EVENTS)
                        .and(col("failures_recent").gt(col("failures_prior").multiply(RISE_FACTOR))), lit("failures")))
                .localCheckpoint(); // read by the CSV and by the page
        Dataset<Row> byRegion = joined.groupBy("region").agg(sum("shipped_recent").as("shipped_recent"),
                sum("shipped_prior").as("shipped_prior"), sum("defect_returns_recent").as("defect_returns_recent"),
                sum("defect_returns_prior").as("defect_returns_prior"), sum("failures_recent").as("failures_recent"),
                sum("failures_prior").as("failures_prior"));
        this.regions = withRates(byRegion);
        this.reasons = windowed(returns, "return_date", regionOfCountry, recentStart)
                .groupBy("country", "reason_code").agg(sum("quantity").as("quantity"));
    }

    private Dataset<Row> windowed(Dataset<Row> events, String dateColumn, Dataset<Row> regionOfCountry, LocalDate from) {
        return events.filter(col(dateColumn).geq(lit(Date.valueOf(from))).and(col(dateColumn).lt(lit(Date.valueOf(end)))))
                .join(org.apache.spark.sql.functions.broadcast(regionOfCountry), "country")
                .withColumn("is_recent", col(dateColumn).geq(lit(Date.valueOf(recentStart))));
    }

    private static Column recent(String name) {
        return coalesce(sum(when(col("is_recent"), col("quantity")).otherwise(0L)), lit(0L)).as(name + "_recent");
    }

    private static Column prior(String name) {
        return coalesce(sum(when(col("is_recent"), 0L).otherwise(col("quantity"))), lit(0L)).as(name + "_prior");
    }

    private static Dataset<Row> withRates(Dataset<Row> counts) {
        return counts
                .withColumn("defect_return_rate_recent", rate("defect_returns_recent", "shipped_recent"))
                .withColumn("defect_return_rate_prior", rate("defect_returns_prior", "shipped_prior"))
                .withColumn("failure_rate_recent", rate("failures_recent", "shipped_recent"))
                .withColumn("failure_rate_prior", rate("failures_prior", "shipped_prior"));
    }

    private static Column rate(String events, String shipped) {
        return when(col(shipped).gt(0), col(events).divide(col(shipped)));
    }

    private static Column rose(String events, String shipped) {
        Column recentRate = col(events + "_recent").divide(col(shipped + "_recent"));
        Column priorRate = col(events + "_prior").divide(col(shipped + "_prior"));
        return col(events + "_recent").geq(MIN_EVENTS).and(col(shipped + "_recent").gt(0))
                .and(col(shipped + "_prior").equalTo(0).or(recentRate.gt(priorRate.multiply(RISE_FACTOR))));
    }

    /** Writes every part, product-model and region row to {@code file} (UTF-8 with BOM), streaming. */
    public long writeCsv(Path file) throws IOException {
        try (CsvOutput out = CsvOutput.open(file, CSV_COLUMNS, true)) {
            write(out, parts.orderBy("part_no", "region"), "part");
            write(out, models.orderBy("product_model", "region"), "product_model");
            write(out, regions.orderBy("region"), "region");
            return out.rows();
        }
    }

    private void write(CsvOutput out, Dataset<Row> rows, String scope) throws IOException {
        List<String> present = List.of(rows.columns());
        Iterator<Row> it = rows.toLocalIterator();
        while (it.hasNext()) {
            Row r = it.next();
            List<Object> values = new ArrayList<>(CSV_COLUMNS.size());
            for (String c : CSV_COLUMNS) {
                values.add(switch (c) {
                    case "scope" -> scope;
                    case "window_start" -> recentStart.toString();
                    case "window_end" -> end.minusDays(1).toString();
                    default -> present.contains(c) ? r.get(r.fieldIndex(c)) : null;
                });
            }
            out.write(values);
        }
    }

    /** The page's tables: rates by region, parts whose rates rose, product models, return reasons by country. */
    public List<TableData> tables() {
        String window = recentStart + " to " + end.minusDays(1) + " against the " + WINDOW_WEEKS + " weeks before";
        List<TableData> out = new ArrayList<>();
        List<String> rateColumns = List.of("shipped_recent", "defect_returns_recent", "defect_return_rate_recent",
                "defect_return_rate_prior", "failures_recent", "failure_rate_recent", "failure_rate_prior");
        out.add(new TableData("feedback-regions", "Returns and failures by region",
                "Defect returns and failures per unit shipped, " + window + ". All figures are in report/feedback.csv.",
                concat(List.of("region"), rateColumns), collect(regions.orderBy("region"), concat(List.of("region"),
                rateColumns))));
        List<String> partColumns = concat(List.of("part_no", "region", "rate_rose"), rateColumns);
        out.add(new TableData("feedback-rising", "Parts whose defect-return or failure rate rose",
                "Recent rate above " + RISE_FACTOR + " times the earlier one, on at least " + MIN_EVENTS + " events; "
                        + window + ". At most " + PAGE_ROWS + " shown, most recent defects first.",
                partColumns, collect(parts.filter(col("rate_rose").isNotNull())
                .orderBy(col("defect_returns_recent").desc(), col("failures_recent").desc(), col("part_no"), col("region"))
                .limit(PAGE_ROWS), partColumns)));
        List<String> modelColumns = List.of("product_model", "region", "failures_recent", "failures_prior", "rate_rose");
        out.add(new TableData("feedback-models", "Failures by product model",
                "Failure counts, " + window + " (no shipment denominator per model).", modelColumns,
                collect(models.orderBy(col("failures_recent").desc(), col("product_model"), col("region"))
                        .limit(PAGE_ROWS), modelColumns)));
        out.add(reasonsByCountry());
        return out;
    }

    /** Return reasons by country as a cross table (Tablesaw pivot of the Spark aggregate). */
    private TableData reasonsByCountry() {
        List<Row> rows = reasons.orderBy("country", "reason_code").collectAsList();
        Table table = Table.create("reasons", StringColumn.create("country"), StringColumn.create("reason_code"),
                DoubleColumn.create("quantity"));
        for (Row r : rows) {
            table.stringColumn("country").append(r.getString(0));
            table.stringColumn("reason_code").append(r.getString(1));
            table.doubleColumn("quantity").append(((Number) r.get(2)).doubleValue());
        }
        String note = "Accepted returns (units) per country and reason code, " + recentStart + " to " + end.minusDays(1) + ".";
        if (table.rowCount() == 0) {
            return new TableData("return-reasons", "Return reasons by country", note, List.of("country"), List.of());
        }
        Table pivot = table.pivot("country", "reason_code", "quantity", AggregateFunctions.sum).sortAscendingOn("country");
        return new TableData("return-reasons", "Return reasons by country", note, pivot.columnNames(), TablesawRows.of(pivot));
    }

    private static List<List<Object>> collect(Dataset<Row> rows, List<String> columns) {
        List<List<Object>> out = new ArrayList<>();
        for (Row r : rows.select(columns.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
                .collectAsList()) {
            List<Object> values = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                values.add(r.get(i));
            }
            out.add(values);
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
