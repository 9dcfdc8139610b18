package com.sparecast.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.jobs.TestSpark;
import com.sparecast.jobs.stage.Datasets;
import java.sql.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

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
     * The duplicate rule costs one shuffle of the feed: its three window columns share one window
     * (an earlier version partitioned each by its own alias of "reject_reason is null", and Spark
     * shuffled and sorted the whole feed three times).
     */
    @Test
    void theFeedIsShuffledOnce() {
        StructType schema = IngestSchema.parsed(Feed.SHIPMENTS);
        String plan = IngestEventsTasklet.dedupe(TestSpark.rows(schema, shipment("a.csv", 1, "S1", null)), Feed.SHIPMENTS)
                .queryExecution().executedPlan().toString();
        assertEquals(1L, occurrences(plan, "Exchange hashpartitioning"), plan);
        assertEquals(1L, occurrences(plan, "Window \\["), plan);
        assertTrue(plan.contains("row_number()"), plan);
    }

    private static long occurrences(String text, String regex) {
        return Pattern.compile(regex).matcher(text).results().count();
    }
}
