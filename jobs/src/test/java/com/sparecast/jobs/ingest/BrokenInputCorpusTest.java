package com.sparecast.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.jobs.stage.Datasets;
import com.sparecast.jobs.config.Settings;
import com.sparecast.jobs.input.MasterData;
import com.sparecast.jobs.input.MasterDataException;
import com.sparecast.jobs.input.ReferenceData;
import com.sparecast.jobs.input.Reject;
import com.sparecast.jobs.input.RejectReason;
import com.sparecast.jobs.spark.SparkSessions;
import com.sparecast.jobs.storage.LocalStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broken-input corpus under {@code src/test/resources/broken/}: one small file or master
 * folder per rejection rule, with every expected reject (file, line, column, reason code) in
 * {@code broken/expected-rejects.csv}. Event files go through the parser and the duplicate
 * check exactly as in {@code ingestEvents}; master folders through {@link MasterData#load}.
 * The exit codes of the gate are checked by {@code QualityGateIT}.
 */
class BrokenInputCorpusTest {

    static final Path CORPUS = Path.of("src", "test", "resources", "broken");
    static final ReferenceData REFERENCE = new ReferenceData(Set.of("P-1", "P-2"), Set.of("DE", "FR"),
            Set.of("WH-DE"), LocalDate.parse("2026-11-20"));

    @TempDir
    static Path temp;
    static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        Settings oneShufflePartition = Settings.withOverrides(Map.of("sparecast.spark.shuffle-partitions", "1"));
        spark = SparkSessions.create("local[1]", oneShufflePartition, temp);
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void everyRuleRejectsTheExpectedRowsAndNothingElse() throws IOException {
        Set<String> actual = new TreeSet<>();
        long read = 0;
        long accepted = 0;
        Path events = CORPUS.resolve("events");
        LocalStorage storage = new LocalStorage(events);
        for (Feed feed : Feed.values()) {
            List<String> files;
            try (Stream<Path> list = Files.list(events.resolve(feed.feedName()))) {
                files = list.map(p -> feed.feedName() + "/" + p.getFileName()).sorted().toList();
            }
            List<Row> rows = new ArrayList<>();
            for (String file : files) {
                new FeedFileParser(storage, file, feed, REFERENCE).forEachRemaining(rows::add);
            }
            List<Row> outcomes = IngestEventsTasklet.dedupe(spark.createDataFrame(rows, IngestSchema.parsed(feed)), feed)
                    .select(IngestSchema.SOURCE_FILE, IngestSchema.SOURCE_LINE, IngestSchema.REJECT_COLUMN,
                            IngestSchema.REJECT_REASON, IngestSchema.REJECT_MESSAGE, Datasets.OUTCOME)
                    .collectAsList();
            read += outcomes.size();
            for (Row row : outcomes) {
                if (row.getString(5).equals(Datasets.ACCEPTED)) {
                    accepted++;
                } else {
                    actual.add(row.getString(0) + "," + row.getLong(1) + "," + row.getString(2) + "," + row.getString(3));
                    assertTrue(row.getString(4) != null && !row.getString(4).isBlank(), "a reject says why: " + row);
                }
            }
        }

        MasterData master = MasterData.load(new LocalStorage(CORPUS.resolve("master-rows")));
        for (Reject reject : master.rejects()) {
            actual.add(reject.file() + "," + reject.line() + "," + reject.column() + "," + reject.reason());
        }

        Set<String> expected = new TreeSet<>(Files.readAllLines(CORPUS.resolve("expected-rejects.csv")).subList(1,
                Files.readAllLines(CORPUS.resolve("expected-rejects.csv")).size()));
        assertEquals(expected, actual);
        // Nothing lost: every data line of the event files is either accepted or rejected.
        assertEquals(dataLines(events), read);
        assertEquals(read - actual.stream().filter(r -> !r.startsWith("master/")).count(), accepted);
        // Every reason code of the contract has a case in the corpus.
        Set<String> covered = new TreeSet<>();
        expected.forEach(line -> covered.add(line.substring(line.lastIndexOf(',') + 1)));
        for (RejectReason reason : RejectReason.values()) {
            assertTrue(covered.contains(reason.name()), reason + " has no case in the corpus");
        }
    }

    @Test
    void aMissingRequiredMasterFileStopsTheRunNamingIt() {
        MasterDataException e = assertThrows(MasterDataException.class,
                () -> MasterData.load(new LocalStorage(CORPUS.resolve("missing-master"))));
        assertTrue(e.getMessage().contains("master/lanes.csv"), e.getMessage());
    }

    /**
     * Data lines of the corpus' event files (one record per line there, one header each); a
     * Parquet or gzip file of the corpus is a corrupt one, which is one reject for the whole file.
     */
    static long dataLines(Path events) throws IOException {
        long lines = 0;
        try (Stream<Path> files = Files.walk(events)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (file.toString().endsWith(".parquet") || file.toString().endsWith(".gz")) {
                    lines++;
                    continue;
                }
                byte[] bytes = Files.readAllBytes(file);
                for (byte b : bytes) {
                    if (b == '\n') {
                        lines++;
                    }
                }
                lines--;
            }
        }
        return lines;
    }
}
