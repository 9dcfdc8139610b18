package com.sparecast.jobs.backtest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import com.sparecast.jobs.demand.WeeklyDemand;
import com.sparecast.jobs.ingest.Feed;
import com.sparecast.jobs.ingest.IngestEventsTasklet;
import com.sparecast.jobs.ingest.IngestSchema;
import com.sparecast.jobs.input.MasterData;
import com.sparecast.jobs.input.MasterDataException;
import com.sparecast.jobs.input.ReferenceData;
import com.sparecast.jobs.spark.SharedValue;
import com.sparecast.jobs.stage.Datasets;
import com.sparecast.jobs.stage.RunParameters;
import com.sparecast.jobs.storage.Storage;
import com.sparecast.jobs.storage.StoredFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The weekly demand history of an input folder, in the long format {@code backtest},
 * {@code forecast} and {@code simulate} read: the nightly job's own code on the folder's
 * shipments. Master data is read and checked by {@link MasterData}; every shipment file (CSV or
 * Parquet) by the ingest step's {@link FeedFileParser}, duplicates rejected by
 * {@link IngestEventsTasklet#dedupe}; the accepted rows are summed per week by
 * {@link WeeklyDemand#weekly}, as step {@code aggregateDemand} sums them. So a row counts here
 * exactly when it counts in a nightly run of the same planning date.
 */
final class InputFolderHistory {

    /**
     * Counts of one conversion.
     *
     * @param rowsRead shipment rows read
     * @param rejected rejected rows by reason code (the ingest step's)
     * @param rowsUsed accepted rows in a complete week before the planning date
     * @param rowsInLaterWeeks accepted rows in the planning date's week or later
     */
    record Counts(long rowsRead, Map<String, Long> rejected, long rowsUsed, long rowsInLaterWeeks, long series,
                  long buckets, LocalDate firstWeek, LocalDate lastWeek) {
    }

    private InputFolderHistory() {
    }

    /**
     * Converts the input folder of {@code input} and writes the history to {@code output}.
     *
     * @param planningDate the planning date; null means the day after the last accepted ship date
     * @throws MasterDataException if master data is missing or unusable,
     *     or there is no shipment file
     */
    static Counts convert(SparkSession spark, Storage input, LocalDate planningDate, Path output) throws IOException {
        MasterData master = MasterData.load(input);
        Feed feed = Feed.SHIPMENTS;
        List<StoredFile> files = input.list(feed.location()).stream().filter(f -> feed.holds(f.path())).toList();
        if (files.isEmpty()) {
            throw new MasterDataException("Required input " + feed.location()
                    + " has no CSV or Parquet file in " + input.location());
        }
        // Without a planning date no row is in the future; the date is then the day after the last one.
        ReferenceData reference = master.reference(planningDate != null ? planningDate : LocalDate.MAX);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<Row> rows = IngestEventsTasklet.parsedRows(jsc, input, feed, files,
                SharedValue.broadcast(spark, reference));
        Dataset<Row> checked = IngestEventsTasklet.dedupe(spark.createDataFrame(rows, IngestSchema.parsed(feed)), feed)
                .cache();
        Dataset<Row> accepted = checked.filter(col(Datasets.OUTCOME).equalTo(Datasets.ACCEPTED));
        LocalDate date = planningDate;
        if (date == null) {
            Date last = accepted.agg(max(col("ship_date"))).first().getDate(0);
            date = last == null ? null : last.toLocalDate().plusDays(1);
        }
        List<Row> weeks = List.of();
        long used = 0;
        if (date != null) {
            LocalDate firstIncompleteWeek = RunParameters.isoWeekStart(date);
            weeks = WeeklyDemand.weekly(accepted, "ship_date", WeeklyDemand.regions(spark, master),
                            WeeklyDemand.finalParts(spark, master), firstIncompleteWeek)
                    .orderBy("part_no", "region", "week").collectAsList();
            used = accepted.filter(col("ship_date").lt(Date.valueOf(firstIncompleteWeek))).count();
        }
        long read = checked.count();
        Map<String, Long> rejected = new TreeMap<>();
        checked.filter(col(IngestSchema.REJECT_REASON).isNotNull()).groupBy(IngestSchema.REJECT_REASON).count()
                .collectAsList().forEach(r -> rejected.put(r.getString(0), r.getLong(1)));
        long rejectedRows = rejected.values().stream().mapToLong(Long::longValue).sum();
        checked.unpersist();
        return write(output, weeks, read, rejected, used, read - rejectedRows - used);
    }

    private static Counts write(Path output, List<Row> weeks, long read, Map<String, Long> rejected, long used,
                                long later) throws IOException {
        if (output.toAbsolutePath().getParent() != null) {
            Files.createDirectories(output.toAbsolutePath().getParent());
        }
        long series = 0;
        String previous = null;
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8));
             CSVPrinter out = CSVFormat.RFC4180.builder().setRecordSeparator('\n')
                     .setHeader("part_no", "region", "period", "quantity").get().print(w)) {
            for (Row r : weeks) {
                String key = r.getString(0) + '\u0000' + r.getString(1);
                series += key.equals(previous) ? 0 : 1;
                previous = key;
                out.printRecord(r.getString(0), r.getString(1), r.getDate(2).toLocalDate(), r.getLong(3));
            }
        }
        LocalDate first = weeks.stream().map(r -> r.getDate(2).toLocalDate()).min(LocalDate::compareTo).orElse(null);
        LocalDate last = weeks.stream().map(r -> r.getDate(2).toLocalDate()).max(LocalDate::compareTo).orElse(null);
        return new Counts(read, rejected, used, later, series, weeks.size(), first, last);
    }
}
