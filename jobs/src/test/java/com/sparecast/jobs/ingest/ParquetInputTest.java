package com.sparecast.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.jobs.input.ReferenceData;
import com.sparecast.jobs.storage.LocalStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet event files: the same columns, checks and rejects as CSV, the row position as the line. */
class ParquetInputTest {

    static final ReferenceData REFERENCE = new ReferenceData(Set.of("P-1", "P-2"), Set.of("DE", "FR"),
            Set.of("WH-DE"), LocalDate.parse("2026-11-20"));

    @TempDir
    Path folder;

    Path write(String file, String schema, List<Object[]> rows) throws IOException {
        Path path = folder.resolve(file);
        Files.createDirectories(path.getParent());
        MessageType type = MessageTypeParser.parseMessageType(schema);
        SimpleGroupFactory groups = new SimpleGroupFactory(type);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(path)).withType(type).build()) {
            for (Object[] values : rows) {
                Group group = groups.newGroup();
                for (int i = 0; i < values.length; i++) {
                    String name = type.getFieldName(i);
                    if (values[i] instanceof String s) {
                        group.add(name, s);
                    } else if (values[i] instanceof Integer n) {
                        group.add(name, n);
                    } else if (values[i] instanceof Long n) {
                        group.add(name, n);
                    }
                }
                writer.write(group);
            }
        }
        return path;
    }

    List<Row> parse(Feed feed, String file) {
        List<Row> rows = new ArrayList<>();
        new FeedFileParser(new LocalStorage(folder), file, feed, REFERENCE).forEachRemaining(rows::add);
        return rows;
    }

    static String reason(Row row, Feed feed) {
        return row.getString(3 + feed.keptColumns().size());
    }

    static String column(Row row, Feed feed) {
        return row.getString(2 + feed.keptColumns().size());
    }

    @Test
    void typedColumnsAreCheckedLikeCsv() throws IOException {
        String schema = "message shipments { required binary shipment_id (STRING); optional int32 ship_date (DATE);"
                + " optional binary part_no (STRING); optional binary warehouse_id (STRING);"
                + " optional binary country (STRING); optional int64 quantity; optional binary extra (STRING); }";
        int nov19 = (int) LocalDate.parse("2026-11-19").toEpochDay();
        int nov21 = (int) LocalDate.parse("2026-11-21").toEpochDay();
        write("shipments/a.parquet", schema, List.of(
                new Object[] {"S1", nov19, "P-1", "WH-DE", "DE", 3L, "ignored"},
                new Object[] {"S2", nov21, "P-1", "WH-DE", "DE", 3L, "x"},     // row 2: after the planning date
                new Object[] {"S3", nov19, null, "WH-DE", "DE", 3L, "x"},      // row 3: null part
                new Object[] {"S4", nov19, "P-2", "WH-DE", "FR", -1L, "x"}));  // row 4: negative quantity
        assertTrue(Feed.SHIPMENTS.holds("shipments/a.parquet"));

        List<Row> rows = parse(Feed.SHIPMENTS, "shipments/a.parquet");

        assertEquals(List.of(1L, 2L, 3L, 4L), rows.stream().map(r -> r.getLong(1)).toList());
        Row first = rows.get(0);
        assertEquals("S1", first.getString(2));
        assertEquals(java.sql.Date.valueOf("2026-11-19"), first.get(3));
        assertEquals(3L, first.get(7));
        assertNull(reason(first, Feed.SHIPMENTS));
        assertEquals("FUTURE_DATE", reason(rows.get(1), Feed.SHIPMENTS));
        assertEquals("MISSING_VALUE", reason(rows.get(2), Feed.SHIPMENTS));
        assertEquals("part_no", column(rows.get(2), Feed.SHIPMENTS));
        assertEquals("BAD_QUANTITY", reason(rows.get(3), Feed.SHIPMENTS));
        assertEquals("S4,2026-11-19,P-2,WH-DE,FR,-1", rows.get(3).getString(5 + Feed.SHIPMENTS.keptColumns().size()));
    }

    @Test
    void missingRequiredColumnRejectsEveryRow() throws IOException {
        write("shipments/b.parquet", "message s { required binary shipment_id (STRING); required binary ship_date (STRING);"
                + " required binary part_no (STRING); required binary warehouse_id (STRING); required binary country (STRING); }",
                List.of(new Object[] {"S1", "2026-11-19", "P-1", "WH-DE", "DE"},
                        new Object[] {"S2", "2026-11-19", "P-1", "WH-DE", "DE"}));
        List<Row> rows = parse(Feed.SHIPMENTS, "shipments/b.parquet");
        assertEquals(2, rows.size());
        rows.forEach(r -> {
            assertEquals("MISSING_COLUMN", reason(r, Feed.SHIPMENTS));
            assertEquals("quantity", column(r, Feed.SHIPMENTS));
        });
    }

    @Test
    void personalColumnsNeverLeaveTheParser() throws IOException {
        write("returns/r.parquet", "message r { required binary return_id (STRING); required binary return_date (STRING);"
                + " required binary part_no (STRING); required binary country (STRING); required int32 quantity;"
                + " required binary reason_code (STRING); required binary condition (STRING);"
                + " required binary customer_name (STRING); required binary customer_email (STRING); }",
                List.of(new Object[] {"R1", "2026-11-19T10:00:00+01:00", "P-1", "DE", 1, "DEFECTIVE", "SCRAP",
                                "Ann Example", "ann@example.com"},
                        new Object[] {"R2", "2026-11-19", "P-1", "DE", 1, "LOST", "SCRAP", "Bob Example", "bob@example.com"}));
        List<Row> rows = parse(Feed.RETURNS, "returns/r.parquet");
        assertNull(reason(rows.get(0), Feed.RETURNS));
        assertEquals("UNKNOWN_CODE", reason(rows.get(1), Feed.RETURNS));
        for (Row row : rows) {
            String all = row.toString();
            assertFalse(all.contains("Example") || all.contains("example.com"), all);
        }
    }
}
