package com.sparecast.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.jobs.TestInputs;
import com.sparecast.jobs.TestSpark;
import com.sparecast.jobs.input.InputLimits;
import com.sparecast.jobs.input.MasterData;
import com.sparecast.jobs.input.ReferenceData;
import com.sparecast.jobs.spark.SharedValue;
import com.sparecast.jobs.storage.LocalStorage;
import com.sparecast.jobs.storage.StoredFile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One large shipments file ingested in Spark with a split size of 1 KiB (hundreds of splits) gives
 * exactly the rows of the same file read as one split: accepted rows, rejects with their file, line,
 * column, reason and message, and the duplicates across splits.
 */
class SplitIngestIT {

    static final LocalDate DATE = LocalDate.parse("2026-11-20");

    @TempDir
    Path temp;

    @Test
    void tinySplitsGiveTheRowsOfTheWholeFile() throws Exception {
        Path input = TestInputs.copyOf(TestInputs.dataSamples(), temp.resolve("input"));
        // The data-samples 2026 shipments (230 KB), the hostile corpus's shipment rows, the nasty rows of
        // FeedSplitsTest (quoted line breaks, doubled quotes, CRLF, blank lines, multi-byte text, broken
        // quotes at the end), and the first 300 data-samples rows again (duplicates of rows many splits before).
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        List<String> samples = Files.readAllLines(input.resolve("shipments/shipments-2026.csv"));
        samples.forEach(l -> file.writeBytes((l + "\n").getBytes(StandardCharsets.UTF_8)));
        for (String hostile : List.of("zz-hostile.csv", "zz-limits.csv", "zz-email.csv")) {
            byte[] rows = Files.readAllBytes(Path.of("src/test/resources/hostile/shipments", hostile));
            int firstLine = indexAfterFirstLine(rows);
            file.write(rows, firstLine, rows.length - firstLine);
        }
        samples.subList(1, 301).forEach(l -> file.writeBytes((l + "\n").getBytes(StandardCharsets.UTF_8)));
        byte[] nasty = FeedSplitsTest.nasty(true);
        int afterHeader = indexAfterFirstLine(nasty);
        file.write(nasty, afterHeader, nasty.length - afterHeader);
        Files.delete(input.resolve("shipments/shipments-2026.csv"));
        Files.write(input.resolve("shipments/zz-large.csv"), file.toByteArray());

        LocalStorage storage = new LocalStorage(input);
        InputLimits limits = InputLimits.from(com.sparecast.jobs.config.Settings.withOverrides(Map.of()));
        ReferenceData reference = MasterData.load(storage, "master", limits).reference(DATE, limits);
        SparkSession spark = TestSpark.session();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SharedValue<ReferenceData>> broadcast = SharedValue.broadcast(spark, reference);
        List<StoredFile> files = storage.list("shipments").stream().filter(f -> Feed.SHIPMENTS.holds(f.path())).toList();

        List<FeedSplits.Split> splits = FeedSplits.splits(jsc, storage, files, 1024);
        long largeSplits = splits.stream().filter(s -> s.file().equals("shipments/zz-large.csv")).count();
        // 260 KB of strict CSV cut every KiB, then the broken quotes at the very end: over 200 splits.
        assertTrue(largeSplits > 200, largeSplits + " splits");

        List<String> whole = ingested(spark, jsc, storage, files, broadcast, Long.MAX_VALUE / 2);
        List<String> split = ingested(spark, jsc, storage, files, broadcast, 1024);
        assertEquals(whole.size(), split.size());
        for (int i = 0; i < whole.size(); i++) {
            assertEquals(whole.get(i), split.get(i), "row " + i);
        }
        // Not vacuous: accepted rows, rejects of many reasons, duplicates across splits, lines of the whole file.
        assertTrue(whole.stream().filter(r -> r.contains("ACCEPTED")).count() > 5000);
        for (String reason : List.of("DUPLICATE_ID", "MALFORMED_ROW", "UNKNOWN_WAREHOUSE", "OUT_OF_RANGE", "UNKNOWN_PART")) {
            assertTrue(whole.stream().anyMatch(r -> r.contains(reason)), reason);
        }
        // The last record (no line end after it) is on the line after the line ends before it (CR, or LF not after CR).
        byte[] bytes = file.toByteArray();
        int last = file.toString(StandardCharsets.ISO_8859_1).indexOf("S999,");
        long lineEnds = 0;
        for (int i = 0; i < last; i++) {
            lineEnds += bytes[i] == '\r' || (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r')) ? 1 : 0;
        }
        // (P-2 is no part of data-samples: a reject, its raw row rebuilt from the known columns.)
        String lastRow = "shipments/zz-large.csv|" + (lineEnds + 1) + "|";
        assertTrue(split.stream().anyMatch(r -> r.startsWith(lastRow) && r.contains("|S999,2026-11-19,P-2,WH-DE,FR,7|")),
                lastRow + " " + split.stream().filter(r -> r.contains("S999")).toList());
    }

    private static int indexAfterFirstLine(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return bytes.length;
    }

    /** Every row ingested (parsed, deduplicated, with its outcome), as text, in file and line order. */
    private static List<String> ingested(SparkSession spark, JavaSparkContext jsc, LocalStorage storage,
                                         List<StoredFile> files, Broadcast<SharedValue<ReferenceData>> reference, long splitBytes) {
        Dataset<Row> parsed = spark.createDataFrame(IngestEventsTasklet.parsedRows(jsc, storage, Feed.SHIPMENTS, files,
                reference, PersonalColumns.CONTRACT, splitBytes), IngestSchema.parsed(Feed.SHIPMENTS));
        return IngestEventsTasklet.dedupe(parsed, Feed.SHIPMENTS)
                .orderBy(IngestSchema.SOURCE_FILE, IngestSchema.SOURCE_LINE).collectAsList().stream()
                .map(r -> {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < r.size(); i++) {
                        b.append(i == 0 ? "" : "|").append(r.isNullAt(i) ? "" : String.valueOf(r.get(i)));
                    }
                    return b.toString();
                })
                .toList();
    }

}
