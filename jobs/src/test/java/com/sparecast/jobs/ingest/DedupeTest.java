package com.sparecast.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.xxhash64;

import com.sparecast.jobs.TestSpark;
import com.sparecast.jobs.stage.Datasets;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest's duplicate rule on a handful of parsed shipment rows: the first in file and line order is kept. */
class DedupeTest {

    private static Object[] shipment(String file, long line, String id, String rejectReason) {
        // source_file, source_line, shipment_id, ship_date, part_no, warehouse_id, country, quantity,
        // reject_column, reject_reason, reject_message, raw
        return new Object[] {file, line, id, Date.valueOf("2026-11-02"), "P1", "WH-DE", "DE", 1L,
                rejectReason == null ? null : "quantity", rejectReason, rejectReason == null ? null : "bad", "raw " + line};
    }

    @Test
    void laterRowsWithAnAcceptedRowsKeyAreDuplicatesOfTheFirst() {
        StructType schema = IngestSchema.parsed(Feed.SHIPMENTS);
        List<String> outcomes = IngestEventsTasklet.dedupe(TestSpark.rows(schema,
                                shipment("b.csv", 2, "S1", null),            // duplicate of a.csv line 5
                                shipment("a.csv", 5, "S1", null),            // first in file and line order: kept
                                shipment("a.csv", 9, "S1", null),            // duplicate
                                shipment("a.csv", 3, "S1", "BAD_QUANTITY"),  // already rejected: not a duplicate, keeps its reason
                                shipment("a.csv", 4, "S2", null)),
                        Feed.SHIPMENTS)
                .orderBy(IngestSchema.SOURCE_FILE, IngestSchema.SOURCE_LINE).collectAsList().stream()
                .map(r -> r.getAs(IngestSchema.SOURCE_FILE) + ":" + r.getAs(IngestSchema.SOURCE_LINE) + " "
                        + r.getAs(Datasets.OUTCOME) + " " + r.getAs(IngestSchema.REJECT_REASON) + " "
                        + r.getAs(IngestSchema.REJECT_MESSAGE))
                .toList();

        assertEquals(List.of(
                "a.csv:3 REJECTED BAD_QUANTITY bad",
                "a.csv:4 ACCEPTED null null",
                "a.csv:5 ACCEPTED null null",
                "a.csv:9 REJECTED DUPLICATE_ID shipment_id already seen in a.csv line 5",
                "b.csv:2 REJECTED DUPLICATE_ID shipment_id already seen in a.csv line 5"), outcomes);
    }

    /**
     * Keys are found repeated by their 64-bit hashes; two different keys that share a hash are
     * not duplicates. Every key is given as repeated here, as if all hashes collided.
     */
    @Test
    void keysWhoseHashesCollideAreNotDuplicates() {
        StructType schema = IngestSchema.parsed(Feed.SHIPMENTS);
        Dataset<Row> rows = IngestEventsTasklet.withOutcome(TestSpark.rows(schema, shipment("a.csv", 1, "S1", null),
                shipment("a.csv", 2, "S2", null), shipment("b.csv", 1, "S2", null)));
        Dataset<Row> everyHash = rows.select(xxhash64(col("shipment_id")).as(IngestEventsTasklet.KEY_HASH)).distinct();
        List<String> duplicates = IngestEventsTasklet.duplicates(rows, everyHash, Feed.SHIPMENTS).collectAsList().stream()
                .map(r -> r.getString(0) + ":" + r.getLong(1) + " first " + r.getString(2) + ":" + r.getLong(3))
                .toList();
        assertEquals(List.of("b.csv:1 first a.csv:2"), duplicates);
    }

    /** Each hash that occurs more than once in a sorted partition is reported once, however long its run. */
    @Test
    void aPartitionsRepeatedHashesAreReportedOnce() {
        List<Long> repeated = new ArrayList<>();
        IngestEventsTasklet.repeatedHashes(Stream.of(Long.MIN_VALUE, -3L, -3L, 5L, 5L, 7L, 7L, 7L, 11L)
                .map(RowFactory::create).iterator()).forEachRemaining(repeated::add);
        assertEquals(List.of(-3L, 5L, 7L), repeated);
        assertFalse(IngestEventsTasklet.repeatedHashes(Stream.of(1L).map(RowFactory::create).iterator()).hasNext());
        assertFalse(IngestEventsTasklet.repeatedHashes(Collections.<Row>emptyIterator()).hasNext());
    }

    /**
     * The duplicate rule reads the written feed's key column alone and, without duplicates, costs
     * one shuffle of its hashes: an earlier version shuffled and sorted every column of every row,
     * the next one aggregated the key texts, the one after that their hashes.
     */
    @Test
    void theKeyCheckReadsTheKeyColumnAlone(@TempDir Path temp) {
        StructType schema = IngestSchema.parsed(Feed.SHIPMENTS);
        String written = temp.resolve("shipments").toUri().toString();
        IngestEventsTasklet.withOutcome(TestSpark.rows(schema, shipment("a.csv", 1, "S1", null),
                        shipment("a.csv", 2, "S2", null)))
                .write().partitionBy(Datasets.OUTCOME).parquet(written);
        Dataset<Row> rows = TestSpark.session().read().parquet(written);
        Dataset<Row> repeated = IngestEventsTasklet.repeatedKeys(rows, Feed.SHIPMENTS);
        String plan = repeated.queryExecution().executedPlan().toString();
        assertTrue(plan.contains("ReadSchema: struct<shipment_id:string>"), plan);
        // one exchange of the hashes (a single partition in the tests' session), no hash map
        assertEquals(1L, occurrences(plan, "Exchange (hashpartitioning\\(_key_hash|SinglePartition)"), plan);
        assertEquals(1L, occurrences(plan, "Exchange"), plan);
        assertEquals(0L, occurrences(plan, "HashAggregate"), plan);
        assertTrue(plan.contains("Sort [_key_hash"), plan);
        assertTrue(repeated.isEmpty());
    }

    private static long occurrences(String text, String regex) {
        return Pattern.compile(regex).matcher(text).results().count();
    }
}
