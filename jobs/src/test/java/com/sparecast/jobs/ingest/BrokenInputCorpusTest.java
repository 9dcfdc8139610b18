package com.sparecast.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.jobs.stage.Datasets;
import com.sparecast.jobs.config.Settings;
import com.sparecast.jobs.input.Decisions;
import com.sparecast.jobs.input.InputLimits;
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
        // A planner's decision past its valid_until is listed, not applied; one valid through the
        // planning date is applied.
        Decisions decisions = Decisions.load(new LocalStorage(CORPUS.resolve("master-rows")), List.of(), master,
                REFERENCE.planningDate(), InputLimits.DEFAULTS);
        for (Reject reject : decisions.rejects()) {
            actual.add(reject.file() + "," + reject.line() + "," + reject.column() + "," + reject.reason());
        }

        Set<String> expected = new TreeSet<>(Files.readAllLines(CORPUS.resolve("expected-rejects.csv")).subList(1,
                Files.readAllLines(CORPUS.resolve("expected-rejects.csv")).size()));
        assertEquals(expected, actual);
        assertEquals(Set.of(Decisions.key("DC-DE", "P-1")), decisions.byLine().keySet());
        // Nothing lost: every data line of the event files is either accepted or rejected.
        assertEquals(dataLines(events), read);
        assertEquals(read - actual.stream().filter(r -> !r.startsWith("master/") && !r.startsWith("decisions/")).count(),
                accepted);
        // Every reason code of the contract has a case in the corpus.
        Set<String> covered = new TreeSet<>();
        expected.forEach(line -> covered.add(line.substring(line.lastIndexOf(',') + 1)));
        for (RejectReason reason : RejectReason.values()) {
            assertTrue(covered.contains(reason.name()), reason + " has no case in the corpus");
        }
    }

    /**
     * Issue 16, messages that help: a file that is not UTF-8 says which encoding it is, on its own
     * lines (no phantom line); a repeated header column says which and where; the raw rows of
     * these rejects hold the known non-personal columns only, decoded, never a personal value.
     */
    @Test
    void fileLevelRejectsNameTheFileTheEncodingOrTheRepeatedColumn() throws IOException {
        LocalStorage storage = new LocalStorage(CORPUS.resolve("events"));
        Map<String, List<String>> rejects = new java.util.TreeMap<>();
        for (String[] fileAndFeed : new String[][] {{"shipments/utf16.csv", "SHIPMENTS"},
                {"returns/utf16-nobom.csv", "RETURNS"}, {"shipments/latin1.csv", "SHIPMENTS"},
                {"shipments/repeated-column.csv", "SHIPMENTS"}, {"returns/repeated-personal.csv", "RETURNS"},
                {"shipments/encoding.csv", "SHIPMENTS"}}) {
            Feed feed = Feed.valueOf(fileAndFeed[1]);
            int message = IngestSchema.parsed(feed).fieldIndex(IngestSchema.REJECT_MESSAGE);
            int raw = IngestSchema.parsed(feed).fieldIndex(IngestSchema.RAW);
            List<String> out = new ArrayList<>();
            new FeedFileParser(storage, fileAndFeed[0], feed, REFERENCE).forEachRemaining(row ->
                    out.add(row.getLong(1) + " | " + row.getString(message) + " | " + row.getString(raw)));
            rejects.put(fileAndFeed[0], out);
        }
        assertEquals(List.of(
                "2 | shipments/utf16.csv is UTF-16LE, not UTF-8 (byte-order mark FF FE): every row of the file is"
                        + " rejected; save it as UTF-8 | S50,2026-11-19,P-1,WH-DE,DE,3",
                "3 | shipments/utf16.csv is UTF-16LE, not UTF-8 (byte-order mark FF FE): every row of the file is"
                        + " rejected; save it as UTF-8 | S51,2026-11-19,P-2,WH-DE,DE,1"),
                rejects.get("shipments/utf16.csv"));
        assertEquals(List.of(
                "2 | returns/utf16-nobom.csv is UTF-16LE, not UTF-8 (no byte-order mark; every other byte is NUL): every"
                        + " row of the file is rejected; save it as UTF-8 | R60,2026-11-19,P-1,DE,1,DEFECTIVE,REFURBISHABLE",
                "3 | returns/utf16-nobom.csv is UTF-16LE, not UTF-8 (no byte-order mark; every other byte is NUL): every"
                        + " row of the file is rejected; save it as UTF-8 | R61,2026-11-19,P-2,FR,2,DEFECTIVE,SCRAP"),
                rejects.get("returns/utf16-nobom.csv"));
        // Latin-1: é is byte 0xE9 on line 3; every line rejected, the value shown as Latin-1 decodes it.
        assertEquals(List.of(
                "2 | shipments/latin1.csv is ISO-8859-1 (Latin-1) or Windows-1252, not UTF-8 (byte 0xE9 on line 3 is not"
                        + " UTF-8): every row of the file is rejected; save it as UTF-8 | S60,2026-11-19,P-1,WH-DE,DE,3",
                "3 | shipments/latin1.csv is ISO-8859-1 (Latin-1) or Windows-1252, not UTF-8 (byte 0xE9 on line 3 is not"
                        + " UTF-8): every row of the file is rejected; save it as UTF-8 | S61,2026-11-19,P-\u00e9,WH-DE,DE,1",
                "4 | shipments/latin1.csv is ISO-8859-1 (Latin-1) or Windows-1252, not UTF-8 (byte 0xE9 on line 3 is not"
                        + " UTF-8): every row of the file is rejected; save it as UTF-8 | S62,2026-11-19,P-2,WH-DE,DE,2"),
                rejects.get("shipments/latin1.csv"));
        assertEquals("2 | shipments/repeated-column.csv: the header names column quantity twice (fields 6 and 7, the"
                + " second as QUANTITY): every row of the file is rejected | S70,2026-11-19,P-1,WH-DE,DE,3",
                rejects.get("shipments/repeated-column.csv").get(0));
        assertEquals(List.of("2 | returns/repeated-personal.csv: the header names column customer_email twice (fields 9"
                + " and 12, the second as Customer_Email): every row of the file is rejected"
                + " | R70,2026-11-19,P-1,DE,1,DEFECTIVE,REFURBISHABLE"), rejects.get("returns/repeated-personal.csv"));
        assertTrue(rejects.get("shipments/encoding.csv").get(1).contains("(byte 0xFF on line 3 is not UTF-8)"),
                rejects.get("shipments/encoding.csv").toString());
        String all = rejects.toString();
        for (String personal : List.of("Wide Example", "wide@example.com", "1111111", "Wide St", "rep@example.com",
                "rep2@example.com", "Rep Example", "3333333")) {
            assertFalse(all.contains(personal), personal + " reached a reject: " + all);
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
                long newlines = 0;
                for (byte b : bytes) {
                    if (b == '\n') {
                        newlines++;
                    }
                }
                lines += Math.max(0, newlines - 1); // an empty file has no header either

            }
        }
        return lines;
    }
}
