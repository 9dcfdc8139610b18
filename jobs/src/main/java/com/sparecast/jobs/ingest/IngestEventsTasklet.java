package com.sparecast.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import com.sparecast.jobs.batch.RunRequest;
import com.sparecast.jobs.batch.StageTasklet;
import com.sparecast.jobs.input.MasterData;
import com.sparecast.jobs.input.MasterDataException;
import com.sparecast.jobs.input.ReferenceData;
import com.sparecast.jobs.input.RejectReason;
import com.sparecast.jobs.storage.Storage;
import com.sparecast.jobs.storage.StoredFile;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.util.LongAccumulator;

/**
 * Step {@code ingestEvents}: reads master data and every event feed, checks each row against the
 * contract, drops personal data, rejects duplicates (first kept), and writes per feed the
 * accepted and the rejected rows as Parquet ({@code ingest/<feed>/outcome=ACCEPTED|REJECTED}),
 * the reconciliation, and the quality gate's verdict.
 */
public final class IngestEventsTasklet extends StageTasklet {

    private static final Logger LOG = LogManager.getLogger(IngestEventsTasklet.class);

    public static final String OUTCOME = "outcome";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String REJECTED = "REJECTED";

    public IngestEventsTasklet(RunRequest request, Supplier<SparkSession> spark) {
        super(request, spark);
    }

    /** The accepted rows of a feed written by this step. */
    public static Dataset<Row> accepted(Stage stage, Feed feed) {
        return stage.spark().read().parquet(stage.paths().uri("ingest/" + feed.feedName() + "/" + OUTCOME + "=" + ACCEPTED));
    }

    @Override
    protected void run(Stage stage) throws Exception {
        MasterData master = MasterData.load(stage.input());
        Broadcast<ReferenceData> reference = JavaSparkContext.fromSparkContext(stage.spark().sparkContext())
                .broadcast(master.reference(stage.planningDate()));
        Map<String, Reconciliation.FeedCounts> counts = new TreeMap<>();
        for (Feed feed : Feed.values()) {
            List<String> files = stage.input().list(feed.isMaster() ? "master" : feed.location()).stream()
                    .map(StoredFile::path).filter(feed::holds).toList();
            if (files.isEmpty() && (feed == Feed.SHIPMENTS || feed == Feed.INVENTORY)) {
                throw new MasterDataException("Required input " + feed.location() + " has no CSV or Parquet file in "
                        + stage.input().location());
            }
            long started = System.nanoTime();
            try (IngestProgress progress = new IngestProgress(stage.spark().sparkContext(), feed.feedName(),
                    progressSeconds(stage))) {
                Dataset<Row> parsed = dedupe(parse(stage, feed, files, reference, progress), feed);
                parsed.write().mode(SaveMode.Overwrite).partitionBy(OUTCOME)
                        .parquet(stage.paths().uri("ingest/" + feed.feedName()));
            }
            Reconciliation.FeedCounts feedCounts = countFiles(stage, feed, files);
            counts.put(feed.feedName(), feedCounts);
            stage.countRead(feedCounts.read());
            stage.countWritten(feedCounts.accepted());
            stage.countRejected(feedCounts.rejected());
            double seconds = (System.nanoTime() - started) / 1e9;
            LOG.info("Ingested {}: {} files, {} rows read, {} accepted, {} rejected ({} rows/s)", feed.feedName(),
                    files.size(), feedCounts.read(), feedCounts.accepted(), feedCounts.rejected(),
                    Math.round(feedCounts.read() / Math.max(seconds, 1e-3)));
        }
        addMasterCounts(master, counts);
        writeMasterRejects(stage, master);
        Reconciliation reconciliation = new Reconciliation(counts);
        reconciliation.write(stage.paths().dataset("ingest/reconciliation.json"));
        enforceQualityGate(stage, reconciliation);
    }

    private static Dataset<Row> parse(Stage stage, Feed feed, List<String> files, Broadcast<ReferenceData> reference,
                                      IngestProgress progress) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(stage.spark().sparkContext());
        Storage input = stage.input();
        LongAccumulator accepted = progress.accepted();
        LongAccumulator rejected = progress.rejected();
        int rejectReason = IngestSchema.parsed(feed).fieldIndex(IngestSchema.REJECT_REASON);
        // One task per file: a file is parsed as a stream, so memory does not grow with its size.
        JavaRDD<Row> rows = jsc.parallelize(files, Math.max(1, files.size()))
                .flatMap((FlatMapFunction<String, Row>) file -> parserOf(input, file, feed, reference.value()))
                .map(row -> {
                    (row.isNullAt(rejectReason) ? accepted : rejected).add(1);
                    return row;
                });
        return stage.spark().createDataFrame(rows, IngestSchema.parsed(feed));
    }

    /** How often a running feed logs its progress ({@code sparecast.ingest.progress-seconds}, 10 by default). */
    private static long progressSeconds(Stage stage) {
        String value = stage.settings().get("sparecast.ingest.progress-seconds");
        return value.isEmpty() ? 10 : Math.max(1, Long.parseLong(value));
    }

    private static Iterator<Row> parserOf(Storage input, String file, Feed feed, ReferenceData reference) {
        return new FeedFileParser(input, file, feed, reference);
    }

    /**
     * Marks the second and later accepted rows with the same key as duplicates of the first one
     * in file and line order, and adds the outcome column.
     */
    public static Dataset<Row> dedupe(Dataset<Row> parsed, Feed feed) {
        Column ok = col(IngestSchema.REJECT_REASON).isNull();
        List<Column> partition = new ArrayList<>();
        partition.add(ok);
        feed.keyColumns().forEach(k -> partition.add(col(k)));
        WindowSpec byKey = Window.partitionBy(partition.toArray(Column[]::new))
                .orderBy(col(IngestSchema.SOURCE_FILE), col(IngestSchema.SOURCE_LINE));
        Column duplicate = ok.and(row_number().over(byKey).gt(1));
        Column firstFile = first(col(IngestSchema.SOURCE_FILE)).over(byKey);
        Column firstLine = first(col(IngestSchema.SOURCE_LINE)).over(byKey);
        String keyNames = String.join(", ", feed.keyColumns());
        Column[] kept = feed.keptColumns().stream().map(c -> col(c.name()).cast("string")).toArray(Column[]::new);
        return parsed
                .withColumn("_duplicate", duplicate)
                .withColumn(IngestSchema.REJECT_COLUMN, when(col("_duplicate"), lit(feed.keyColumns().get(0)))
                        .otherwise(col(IngestSchema.REJECT_COLUMN)))
                .withColumn(IngestSchema.REJECT_REASON, when(col("_duplicate"), lit(RejectReason.DUPLICATE_ID.name()))
                        .otherwise(col(IngestSchema.REJECT_REASON)))
                .withColumn(IngestSchema.REJECT_MESSAGE, when(col("_duplicate"),
                        concat_ws("", lit(keyNames + " already seen in "), firstFile, lit(" line "), firstLine.cast("string")))
                        .otherwise(col(IngestSchema.REJECT_MESSAGE)))
                .withColumn(IngestSchema.RAW, when(col("_duplicate"), concat_ws(",", kept)).otherwise(col(IngestSchema.RAW)))
                .withColumn(OUTCOME, when(col(IngestSchema.REJECT_REASON).isNull(), lit(ACCEPTED)).otherwise(lit(REJECTED)))
                .drop("_duplicate");
    }

    private static Reconciliation.FeedCounts countFiles(Stage stage, Feed feed, List<String> files) {
        Map<String, long[]> byFile = new TreeMap<>();
        files.forEach(f -> byFile.put(f, new long[2]));
        if (!files.isEmpty()) {
            List<Row> rows = stage.spark().read().parquet(stage.paths().uri("ingest/" + feed.feedName()))
                    .groupBy(IngestSchema.SOURCE_FILE, OUTCOME).count().collectAsList();
            for (Row row : rows) {
                long[] c = byFile.get(row.getString(0));
                c[ACCEPTED.equals(row.getString(1)) ? 0 : 1] += row.getLong(2);
            }
        }
        List<Reconciliation.FileCounts> fileCounts = new ArrayList<>();
        byFile.forEach((file, c) -> fileCounts.add(new Reconciliation.FileCounts(file, c[0] + c[1], c[0], c[1])));
        return Reconciliation.FeedCounts.of(fileCounts);
    }

    private static void addMasterCounts(MasterData master, Map<String, Reconciliation.FeedCounts> counts) {
        master.rowsRead().forEach((table, read) -> {
            long rejected = master.rejects().stream().filter(r -> r.feed().equals(table)).count();
            String file = "master/" + table + ".csv";
            counts.put(table, Reconciliation.FeedCounts.of(List.of(
                    new Reconciliation.FileCounts(file, read, read - rejected, rejected))));
        });
    }

    private static void writeMasterRejects(Stage stage, MasterData master) {
        List<Row> rows = master.rejects().stream()
                .map(r -> org.apache.spark.sql.RowFactory.create(r.feed(), r.file(), r.line(), r.column(),
                        r.reason().name(), r.message(), r.raw()))
                .toList();
        stage.spark().createDataFrame(rows, RejectsSchema.SCHEMA).coalesce(1).write().mode(SaveMode.Overwrite)
                .parquet(stage.paths().uri("ingest/master_rejects"));
    }

    private static void enforceQualityGate(Stage stage, Reconciliation reconciliation) {
        double threshold = stage.settings().getDouble("sparecast.quality.max-rejected-share");
        List<String> failed = new ArrayList<>();
        reconciliation.feeds().forEach((feed, c) -> {
            if (c.rejectedShare() > threshold) {
                failed.add(String.format("%s rejected %d of %d rows (%.1f%%, limit %.1f%%)", feed, c.rejected(), c.read(),
                        100 * c.rejectedShare(), 100 * threshold));
            }
        });
        if (!failed.isEmpty()) {
            throw new QualityGateException("Input quality gate failed: " + String.join("; ", failed)
                    + ". See quality/rejected in the work folder " + stage.paths().dataset("ingest"));
        }
    }
}
