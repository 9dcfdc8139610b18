package com.sparecast.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import com.sparecast.jobs.config.Settings;
import com.sparecast.jobs.spark.Columns;
import com.sparecast.jobs.spark.SharedValue;
import com.sparecast.jobs.stage.Datasets;
import com.sparecast.jobs.stage.Stage;
import com.sparecast.jobs.stage.StageTasklet;
import com.sparecast.jobs.input.Decisions;
import com.sparecast.jobs.input.InputLimits;
import com.sparecast.jobs.input.MasterData;
import com.sparecast.jobs.input.MasterDataException;
import com.sparecast.jobs.input.MasterTable;
import com.sparecast.jobs.input.ReferenceData;
import com.sparecast.jobs.input.Reject;
import com.sparecast.jobs.input.RejectReason;
import com.sparecast.jobs.storage.Storage;
import com.sparecast.jobs.storage.StoredFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.commons.io.FileUtils;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
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

    public IngestEventsTasklet(Settings settings, Supplier<SparkSession> spark) {
        super(settings, spark);
    }

    @Override
    protected void run(Stage stage) throws Exception {
        InputLimits limits = InputLimits.from(stage.settings());
        MasterData master = MasterData.load(stage.input(), "master", limits);
        stage.stageValue(Datasets.MASTER_DATA, master);
        List<Reject> unreadableDecisions = new ArrayList<>();
        Decisions decisions = Decisions.load(stage.input(), parquetDecisions(stage, unreadableDecisions), master,
                stage.planningDate(), limits).withUnreadable(unreadableDecisions);
        stage.stageValue(Datasets.DECISIONS, decisions);
        Broadcast<SharedValue<ReferenceData>> reference = SharedValue.broadcast(stage.spark(),
                master.reference(stage.planningDate(), limits));
        Map<String, Reconciliation.FeedCounts> counts = new TreeMap<>();
        for (Feed feed : Feed.values()) {
            List<StoredFile> stored = stage.input().list(feed.isMaster() ? "master" : feed.location()).stream()
                    .filter(f -> feed.holds(f.path())).toList();
            List<String> files = stored.stream().map(StoredFile::path).toList();
            if (files.isEmpty() && (feed == Feed.SHIPMENTS || feed == Feed.INVENTORY)) {
                throw new MasterDataException("Required input " + feed.location() + " has no CSV or Parquet file in "
                        + stage.input().location());
            }
            long started = System.nanoTime();
            Reconciliation.FeedCounts feedCounts;
            try (IngestProgress progress = new IngestProgress(stage.spark().sparkContext(), feed.feedName(),
                    progressSeconds(stage))) {
                FileOutcomeCounts byFile = new FileOutcomeCounts();
                stage.spark().sparkContext().register(byFile, "ingest." + feed.feedName() + ".by-file");
                String dataset = Datasets.ingested(feed.feedName());
                feedCounts = reconcile(stage.input(), files,
                        writeDeduplicated(stage, parse(stage, feed, stored, reference, progress, byFile), feed, dataset,
                                byFile));
            }
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
        decisions.rowsRead().forEach((file, read) -> {
            long rejected = decisions.rejects().stream().filter(r -> r.file().equals(file)).count();
            counts.merge(Decisions.TABLE, Reconciliation.FeedCounts.of(List.of(
                    new Reconciliation.FileCounts(file, read, read - rejected, rejected))), IngestEventsTasklet::both);
        });
        writeMasterRejects(stage, master, decisions);
        Reconciliation reconciliation = new Reconciliation(counts);
        reconciliation.write(stage.paths().dataset(Datasets.RECONCILIATION));
        enforceQualityGate(stage, reconciliation);
    }

    private static Dataset<Row> parse(Stage stage, Feed feed, List<StoredFile> files,
                                      Broadcast<SharedValue<ReferenceData>> reference, IngestProgress progress,
                                      FileOutcomeCounts byFile) {
        LongAccumulator accepted = progress.accepted();
        LongAccumulator rejected = progress.rejected();
        int rejectReason = IngestSchema.parsed(feed).fieldIndex(IngestSchema.REJECT_REASON);
        int sourceFile = IngestSchema.parsed(feed).fieldIndex(IngestSchema.SOURCE_FILE);
        JavaRDD<Row> rows = parsedRows(JavaSparkContext.fromSparkContext(stage.spark().sparkContext()), stage.input(),
                feed, files, reference, PersonalColumns.from(stage.settings()), splitBytes(stage.settings()))
                .map(row -> {
                    boolean isAccepted = row.isNullAt(rejectReason);
                    (isAccepted ? accepted : rejected).add(1);
                    byFile.count(row.getString(sourceFile), isAccepted);
                    return row;
                });
        return stage.spark().createDataFrame(rows, IngestSchema.parsed(feed));
    }

    /** How often a running feed logs its progress ({@code sparecast.ingest.progress-seconds}, 10 by default). */
    private static long progressSeconds(Stage stage) {
        String value = stage.settings().get("sparecast.ingest.progress-seconds");
        return value.isEmpty() ? 10 : Math.max(1, Long.parseLong(value));
    }

    /** The split size of large CSV feed files ({@code sparecast.ingest.split-bytes}, 64 MiB by default). */
    public static long splitBytes(Settings settings) {
        String value = settings.get("sparecast.ingest.split-bytes");
        return value.isEmpty() ? DEFAULT_SPLIT_BYTES : Long.parseLong(value);
    }

    private static final long DEFAULT_SPLIT_BYTES = 64L << 20;

    /**
     * The rows of a feed's files, each parsed and checked against {@code reference} in the
     * executors ({@link FeedFileParser}, schema {@link IngestSchema#parsed}). One task per file, or
     * per split of a CSV file larger than the default split size ({@link FeedSplits}): a split is
     * parsed as a stream, so memory does not grow with the file's size.
     */
    public static JavaRDD<Row> parsedRows(JavaSparkContext jsc, Storage input, Feed feed, List<StoredFile> files,
                                          Broadcast<SharedValue<ReferenceData>> reference) {
        return parsedRows(jsc, input, feed, files, reference, PersonalColumns.CONTRACT, DEFAULT_SPLIT_BYTES);
    }

    /**
     * {@link #parsedRows(JavaSparkContext, Storage, Feed, List, Broadcast)}, dropping {@code personal}
     * columns too, CSV files larger than {@code splitBytes} read in splits.
     */
    public static JavaRDD<Row> parsedRows(JavaSparkContext jsc, Storage input, Feed feed, List<StoredFile> files,
                                          Broadcast<SharedValue<ReferenceData>> reference, PersonalColumns personal,
                                          long splitBytes) {
        List<FeedSplits.Split> splits = FeedSplits.splits(jsc, input, files, splitBytes);
        return jsc.parallelize(splits, Math.max(1, splits.size()))
                .flatMap((FlatMapFunction<FeedSplits.Split, Row>) split -> new FeedFileParser(input, split, feed,
                        reference.value().get(), personal));
    }

    /**
     * Marks the second and later accepted rows with the same key as duplicates of the first one
     * in file and line order, and adds the outcome column, for callers that do not stage the rows
     * (the nightly job writes them first: {@link #writeDeduplicated}). The rows are checkpointed,
     * so the files are parsed once for the three reads the rule makes.
     */
    public static Dataset<Row> dedupe(Dataset<Row> parsed, Feed feed) {
        Dataset<Row> rows = withOutcome(parsed).localCheckpoint();
        return markDuplicates(rows, duplicates(rows, repeatedKeys(rows, feed), feed), feed);
    }

    /** The parsed rows with their outcome, {@code REJECTED} when the parser gave a reason. */
    static Dataset<Row> withOutcome(Dataset<Row> parsed) {
        return parsed.withColumn(Datasets.OUTCOME, when(col(IngestSchema.REJECT_REASON).isNull(), lit(Datasets.ACCEPTED))
                .otherwise(lit(Datasets.REJECTED)));
    }

    /**
     * The hashes ({@value #KEY_HASH}) of the keys that more than one accepted row of {@code rows}
     * carries, and of any two keys whose hashes collide (64 bits: about one pair in a million
     * among 26 M keys; {@link #duplicates} compares the keys themselves). Reads the key columns
     * alone and moves 8-byte hashes, not key texts: a feed without duplicates, the usual case,
     * costs one shuffle of a long per row and a sort of each partition's longs (Spark's sorter,
     * which spills, so memory does not grow with the feed). An aggregation (group by hash, count)
     * did the same work twice over hash maps that nearly every key enters once, a partial one
     * before the shuffle and the final one after it (BENCHMARKS.md, session 18).
     */
    static Dataset<Row> repeatedKeys(Dataset<Row> rows, Feed feed) {
        return accepted(rows).select(xxhash64(keys(feed)).as(KEY_HASH)).repartition(col(KEY_HASH))
                .sortWithinPartitions(KEY_HASH)
                .mapPartitions((MapPartitionsFunction<Row, Long>) IngestEventsTasklet::repeatedHashes, Encoders.LONG())
                .toDF(KEY_HASH);
    }

    /**
     * The hashes that occur more than once in {@code sortedHashes}, each once, as they are read:
     * equal hashes are neighbours, and a run of them is reported at its second element.
     */
    static Iterator<Long> repeatedHashes(Iterator<Row> sortedHashes) {
        return new Iterator<>() {
            private boolean started;
            private boolean reported;
            private long previous;
            private Long pending;

            @Override
            public boolean hasNext() {
                while (pending == null && sortedHashes.hasNext()) {
                    long hash = sortedHashes.next().getLong(0);
                    if (started && hash == previous) {
                        if (!reported) {
                            pending = hash;
                            reported = true;
                        }
                    } else {
                        reported = false;
                    }
                    started = true;
                    previous = hash;
                }
                return pending != null;
            }

            @Override
            public Long next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Long hash = pending;
                pending = null;
                return hash;
            }
        };
    }

    /** The column of a key's hash in {@link #repeatedKeys}. */
    static final String KEY_HASH = "_key_hash";

    /**
     * The accepted rows of {@code rows} whose key hashes are in {@code repeated} and that are not
     * their key's first row in file and line order: their file and line, and the first row's.
     */
    static Dataset<Row> duplicates(Dataset<Row> rows, Dataset<Row> repeated, Feed feed) {
        Dataset<Row> candidates = accepted(rows).select(position(feed)).withColumn(KEY_HASH, xxhash64(keys(feed)))
                .join(repeated, Columns.names(KEY_HASH), "left_semi");
        WindowSpec byKey = Window.partitionBy(keys(feed)).orderBy(col(IngestSchema.SOURCE_FILE),
                col(IngestSchema.SOURCE_LINE));
        return candidates.select(col(IngestSchema.SOURCE_FILE), col(IngestSchema.SOURCE_LINE),
                        row_number().over(byKey).as("_rank"),
                        first(col(IngestSchema.SOURCE_FILE)).over(byKey).as("_first_file"),
                        first(col(IngestSchema.SOURCE_LINE)).over(byKey).as("_first_line"))
                .where(col("_rank").gt(1))
                .drop("_rank");
    }

    /** {@code rows} with each of the {@code duplicates} rejected as {@code DUPLICATE_ID}, naming its first row. */
    static Dataset<Row> markDuplicates(Dataset<Row> rows, Dataset<Row> duplicates, Feed feed) {
        String keyNames = String.join(", ", feed.keyColumns());
        Column[] kept = feed.keptColumns().stream().map(c -> col(c.name()).cast("string")).toArray(Column[]::new);
        Column duplicate = col("_first_line").isNotNull();
        return rows.join(duplicates, Columns.names(IngestSchema.SOURCE_FILE, IngestSchema.SOURCE_LINE), "left")
                .withColumn(IngestSchema.REJECT_COLUMN, when(duplicate, lit(feed.keyColumns().get(0)))
                        .otherwise(col(IngestSchema.REJECT_COLUMN)))
                .withColumn(IngestSchema.REJECT_REASON, when(duplicate, lit(RejectReason.DUPLICATE_ID.name()))
                        .otherwise(col(IngestSchema.REJECT_REASON)))
                .withColumn(IngestSchema.REJECT_MESSAGE, when(duplicate,
                        concat_ws("", lit(keyNames + " already seen in "), col("_first_file"), lit(" line "),
                                col("_first_line").cast("string")))
                        .otherwise(col(IngestSchema.REJECT_MESSAGE)))
                .withColumn(IngestSchema.RAW, when(duplicate, concat_ws(",", kept)).otherwise(col(IngestSchema.RAW)))
                .withColumn(Datasets.OUTCOME, when(duplicate, lit(Datasets.REJECTED)).otherwise(col(Datasets.OUTCOME)))
                .select(Arrays.stream(rows.columns()).map(c -> col(c)).toArray(Column[]::new));
    }

    private static Dataset<Row> accepted(Dataset<Row> rows) {
        return rows.where(col(Datasets.OUTCOME).equalTo(Datasets.ACCEPTED));
    }

    private static Column[] keys(Feed feed) {
        return feed.keyColumns().stream().map(k -> col(k)).toArray(Column[]::new);
    }

    /** The key columns, then the row's file and line. */
    private static Column[] position(Feed feed) {
        List<Column> columns = new ArrayList<>(List.of(keys(feed)));
        columns.add(col(IngestSchema.SOURCE_FILE));
        columns.add(col(IngestSchema.SOURCE_LINE));
        return columns.toArray(Column[]::new);
    }

    /**
     * Writes a feed's rows to {@code dataset}, partitioned by outcome, with the duplicate rule
     * applied: the rows are written as parsed, their keys checked on the written files, and only
     * a feed with duplicates is written a second time, marked. Before, every column of every row
     * was shuffled and sorted by key to find duplicates that are rarely there (BENCHMARKS.md,
     * session 16). Returns the rows written per outcome and file ({@link #outcomesByFile}): as
     * {@code parsed} counted them into {@code byFile} while they were written, or, when duplicates
     * moved some from accepted to rejected, read back.
     */
    private static Map<String, Long> writeDeduplicated(Stage stage, Dataset<Row> parsed, Feed feed, String dataset,
                                                       FileOutcomeCounts byFile) throws IOException {
        long written = stage.write(withOutcome(parsed), dataset, Map.of(), Datasets.OUTCOME).get("rows");
        if (written == 0) {
            return Map.of();
        }
        Dataset<Row> rows = stage.read(dataset);
        Dataset<Row> repeated = repeatedKeys(rows, feed).localCheckpoint();
        if (repeated.isEmpty()) {
            return byFile.value();
        }
        String marked = dataset + "-marked";
        stage.write(markDuplicates(rows, duplicates(rows, repeated, feed), feed), marked, Map.of(), Datasets.OUTCOME);
        Path target = stage.paths().dataset(dataset);
        FileUtils.deleteDirectory(target.toFile());
        Files.move(stage.paths().dataset(marked), target);
        return outcomesByFile(stage, dataset);
    }

    /**
     * Per file and outcome, the rows written to {@code dataset}, keyed as {@link FileOutcomeCounts#key}:
     * read back from its file column alone (dictionary-encoded, a few kilobytes per Parquet file)
     * and its partitions, after duplicates moved rows between outcomes (otherwise the parse
     * counted them: {@link FileOutcomeCounts}). Counting them in the write's observation, as a
     * pair of conditional sums per input file, was a sixth of large's ingest.
     */
    private static Map<String, Long> outcomesByFile(Stage stage, String dataset) {
        Map<String, Long> counts = new TreeMap<>();
        for (Row r : stage.read(dataset).groupBy(col(IngestSchema.SOURCE_FILE), col(Datasets.OUTCOME)).count()
                .collectAsList()) {
            counts.put(FileOutcomeCounts.key(r.getString(1), r.getString(0)), r.getLong(2));
        }
        return counts;
    }

    /** Per file counts; a file that gave no row is said so, in the log and in the reconciliation. */
    private static Reconciliation.FeedCounts reconcile(Storage input, List<String> files, Map<String, Long> written) {
        Map<String, Reconciliation.FileCounts> byFile = new TreeMap<>();
        for (int i = 0; i < files.size(); i++) {
            long accepted = written.getOrDefault(FileOutcomeCounts.key(Datasets.ACCEPTED, files.get(i)), 0L);
            long rejected = written.getOrDefault(FileOutcomeCounts.key(Datasets.REJECTED, files.get(i)), 0L);
            String warning = accepted + rejected == 0 ? FeedFileParser.withoutRows(input, files.get(i)) : null;
            if (warning != null) {
                LOG.warn("{}/{}: {}; nothing read from it", input.location(), files.get(i), warning);
            }
            byFile.put(files.get(i), new Reconciliation.FileCounts(files.get(i), accepted + rejected, accepted, rejected,
                    warning));
        }
        return Reconciliation.FeedCounts.of(new ArrayList<>(byFile.values()));
    }

    private static void addMasterCounts(MasterData master, Map<String, Reconciliation.FeedCounts> counts) {
        master.rowsRead().forEach((table, read) -> {
            long rejected = master.rejects().stream().filter(r -> r.feed().equals(table)).count();
            String file = "master/" + table + ".csv";
            counts.put(table, Reconciliation.FeedCounts.of(List.of(
                    new Reconciliation.FileCounts(file, read, read - rejected, rejected))));
        });
    }

    /** The counts of one feed's two sets of files, as one. */
    private static Reconciliation.FeedCounts both(Reconciliation.FeedCounts a, Reconciliation.FeedCounts b) {
        List<Reconciliation.FileCounts> files = new ArrayList<>(a.files());
        files.addAll(b.files());
        return Reconciliation.FeedCounts.of(files);
    }

    /** The rejects of the master tables and of the planners' decisions, staged for quality/rejected/. */
    private static void writeMasterRejects(Stage stage, MasterData master, Decisions decisions) {
        List<Row> rows = java.util.stream.Stream.concat(master.rejects().stream(), decisions.rejects().stream())
                .map(r -> org.apache.spark.sql.RowFactory.create(r.feed(), r.file(), r.line(), r.column(),
                        r.reason().name(), r.message(), r.raw()))
                .toList();
        stage.spark().createDataFrame(rows, RejectsSchema.SCHEMA).coalesce(1).write().mode(SaveMode.Overwrite)
                .parquet(stage.paths().uri(Datasets.MASTER_REJECTS));
    }

    /**
     * The Parquet files of the decisions ({@code decisions/overrides*.parquet}), each read whole
     * (it is small), every value as its text and each row's position in the file as its line.
     */
    private static List<MasterTable> parquetDecisions(Stage stage, List<Reject> unreadable) throws java.io.IOException {
        List<MasterTable> tables = new ArrayList<>();
        for (StoredFile file : stage.input().list(Decisions.FOLDER)) {
            String name = file.path().substring(file.path().lastIndexOf('/') + 1);
            if (!name.startsWith(Decisions.TABLE) || !name.endsWith(".parquet")) {
                continue;
            }
            try {
                ParquetFeedFile.requireReadable(stage.input(), file.path());
            } catch (ParquetFeedFile.Unreadable e) {
                // A corrupt file is rejected as a file, as in the feeds (issue 16), never a failure for ever.
                unreadable.add(new Reject(Decisions.TABLE, file.path(), 0, "", RejectReason.UNREADABLE_FILE,
                        file.path() + " is not readable Parquet: " + e.getMessage(), ""));
                continue;
            }
            Dataset<Row> rows = stage.spark().read().parquet(stage.input().sparkUri(file.path()));
            List<String> header = List.of(rows.columns());
            List<MasterTable.MasterRow> out = new ArrayList<>();
            long line = 0;
            for (Row r : rows.collectAsList()) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    values.put(header.get(i), r.isNullAt(i) ? "" : plain(r.get(i)));
                }
                out.add(new MasterTable.MasterRow(++line, values));
            }
            tables.add(MasterTable.of(file.path(), header, out));
        }
        return tables;
    }

    /** A Parquet value as the text a CSV would hold: whole doubles without a fraction ("12", not "12.0"). */
    private static String plain(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return value.toString();
    }

    private static void enforceQualityGate(Stage stage, Reconciliation reconciliation) {
        double threshold = stage.settings().getDouble("sparecast.quality.max-rejected-share");
        List<String> failed = new ArrayList<>();
        reconciliation.feeds().forEach((feed, c) -> {
            // The planners' decisions never stop a plan: a rejected decision is listed, the plan goes ahead.
            if (!feed.equals(Decisions.TABLE) && c.rejectedShare() > threshold) {
                failed.add(String.format("%s rejected %d of %d rows (%.1f%%, limit %.1f%%; %s)", feed, c.rejected(),
                        c.read(), 100 * c.rejectedShare(), 100 * threshold, rejectsOf(stage, feed)));
            }
        });
        if (!failed.isEmpty()) {
            throw new QualityGateException("Input quality gate failed: " + String.join("; ", failed)
                    + ". Nothing is published, so there is no quality/rejected/ folder in the output; the rejected rows"
                    + " (file, line, column, reason code, message, raw row without personal data) are the Parquet"
                    + " named above, in the work folder.");
        }
    }

    /**
     * Where a gated feed's rejects are (its Parquet in the work folder, as written) and its most
     * frequent reasons with a first example: what an operator needs to start fixing the input.
     */
    private static String rejectsOf(Stage stage, String feedName) {
        boolean event = java.util.Arrays.stream(Feed.values()).anyMatch(f -> f.feedName().equals(feedName));
        String dataset = event ? Datasets.ingested(feedName) + "/" + Datasets.OUTCOME + "=" + Datasets.REJECTED
                : Datasets.MASTER_REJECTS;
        String reason = event ? IngestSchema.REJECT_REASON : "reason_code";
        String file = event ? IngestSchema.SOURCE_FILE : "file";
        String line = event ? IngestSchema.SOURCE_LINE : "line";
        try {
            Dataset<Row> rejects = stage.spark().read().parquet(stage.paths().uri(dataset));
            if (!event) {
                rejects = rejects.filter(col("feed").equalTo(feedName));
            }
            List<Row> top = rejects.groupBy(col(reason)).agg(org.apache.spark.sql.functions.count(lit(1)).as("n"),
                            org.apache.spark.sql.functions.min(org.apache.spark.sql.functions.struct(col(file), col(line)))
                                    .as("first"))
                    .orderBy(col("n").desc(), col(reason)).limit(3).collectAsList();
            List<String> reasons = new ArrayList<>();
            for (Row r : top) {
                Row first = r.getStruct(2);
                reasons.add(r.getString(0) + " " + r.getLong(1) + ", first " + first.getString(0) + " line "
                        + first.getLong(1));
            }
            return "most frequent: " + String.join(", ", reasons) + "; rejected rows in "
                    + stage.paths().dataset(dataset);
        } catch (RuntimeException e) {
            return "rejected rows in " + stage.paths().dataset(dataset);
        }
    }
}
