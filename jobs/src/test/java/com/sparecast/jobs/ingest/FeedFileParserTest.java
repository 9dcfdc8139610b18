package com.sparecast.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.jobs.input.ReferenceData;
import com.sparecast.jobs.storage.LocalStorage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One parsed row per record: typed values, or the reject reason, line and column. */
class FeedFileParserTest {

    static final ReferenceData REFERENCE = new ReferenceData(Set.of("P-1", "P-2"), Set.of("DE", "FR"),
            Set.of("WH-DE"), LocalDate.parse("2026-11-20"));
    static final String SHIPMENTS_HEADER = "shipment_id,ship_date,part_no,warehouse_id,country,quantity\n";
    static final String RETURNS_HEADER = "return_id,return_date,part_no,country,quantity,reason_code,condition,"
            + "customer_name,customer_email,customer_phone,customer_address\n";

    @TempDir
    Path folder;

    List<Row> parse(Feed feed, String file, byte[] content) throws IOException {
        Files.createDirectories(folder.resolve(file).getParent());
        Files.write(folder.resolve(file), content);
        List<Row> rows = new ArrayList<>();
        new FeedFileParser(new LocalStorage(folder), file, feed, REFERENCE).forEachRemaining(rows::add);
        return rows;
    }

    List<Row> parse(Feed feed, String file, String content) throws IOException {
        return parse(feed, file, content.getBytes(StandardCharsets.UTF_8));
    }

    static int kept(Feed feed) {
        return feed.keptColumns().size();
    }

    static String reason(Row row, Feed feed) {
        return row.getString(3 + kept(feed));
    }

    static String column(Row row, Feed feed) {
        return row.getString(2 + kept(feed));
    }

    @Test
    void validRowIsTyped() throws IOException {
        List<Row> rows = parse(Feed.SHIPMENTS, "shipments/a.csv", SHIPMENTS_HEADER
                + "S1,2026-11-19,P-1,WH-DE,DE,3\n"
                + "S2,2026-11-19T23:30:00-02:00,P-2,WH-DE,FR,1\n");
        assertEquals(2, rows.size());
        Row first = rows.get(0);
        assertEquals("shipments/a.csv", first.getString(0));
        assertEquals(2L, first.getLong(1));
        assertEquals("S1", first.getString(2));
        assertEquals(java.sql.Date.valueOf("2026-11-19"), first.get(3));
        assertEquals(3L, first.get(7));
        assertNull(reason(first, Feed.SHIPMENTS));
        // 23:30 at UTC-2 is 01:30 UTC the next day: bucketed by its UTC date.
        assertEquals(java.sql.Date.valueOf("2026-11-20"), rows.get(1).get(3));
    }

    @Test
    void everyRuleRejectsWithLineAndColumn() throws IOException {
        List<Row> rows = parse(Feed.SHIPMENTS, "shipments/b.csv", SHIPMENTS_HEADER
                + "S1,20.11.2026,P-1,WH-DE,DE,3\n"      // line 2: not ISO
                + "S2,2026-11-21,P-1,WH-DE,DE,3\n"      // line 3: after the planning date
                + "S3,2026-11-19,P-9,WH-DE,DE,3\n"      // line 4: unknown part
                + "S4,2026-11-19,P-1,WH-XX,DE,3\n"      // line 5: unknown warehouse
                + "S5,2026-11-19,P-1,WH-DE,US,3\n"      // line 6: unknown country
                + "S6,2026-11-19,P-1,WH-DE,DE,-2\n"     // line 7: negative quantity
                + "S7,2026-11-19,P-1,WH-DE,DE,1.5\n"    // line 8: not whole
                + ",2026-11-19,P-1,WH-DE,DE,1\n"        // line 9: missing id
                + "S9,2026-11-19,P-1,WH-DE,DE\n");      // line 10: too few fields
        List<String> expected = List.of("2:ship_date:BAD_DATE", "3:ship_date:FUTURE_DATE", "4:part_no:UNKNOWN_PART",
                "5:warehouse_id:UNKNOWN_WAREHOUSE", "6:country:UNKNOWN_COUNTRY", "7:quantity:BAD_QUANTITY",
                "8:quantity:BAD_QUANTITY", "9:shipment_id:MISSING_VALUE", "10::MALFORMED_ROW");
        List<String> actual = rows.stream().map(r -> r.getLong(1) + ":" + column(r, Feed.SHIPMENTS) + ":"
                + reason(r, Feed.SHIPMENTS)).toList();
        assertEquals(expected, actual);
    }

    @Test
    void missingRequiredColumnRejectsEveryRowNamingIt() throws IOException {
        List<Row> rows = parse(Feed.SHIPMENTS, "shipments/c.csv",
                "shipment_id,ship_date,part_no,warehouse_id,quantity\nS1,2026-11-19,P-1,WH-DE,3\nS2,2026-11-19,P-1,WH-DE,3\n");
        assertEquals(2, rows.size());
        for (Row row : rows) {
            assertEquals("MISSING_COLUMN", reason(row, Feed.SHIPMENTS));
            assertEquals("country", column(row, Feed.SHIPMENTS));
        }
    }

    @Test
    void brokenQuoteCostsOneRowAndParsingResumes() throws IOException {
        List<Row> rows = parse(Feed.SHIPMENTS, "shipments/d.csv", SHIPMENTS_HEADER
                + "S1,2026-11-19,P-1,WH-DE,DE,3\n"
                + "S2,2026-11-19,\"P-1\"x,WH-DE,DE,3\n"  // line 3: junk after a closing quote
                + "S3,2026-11-19,P-2,WH-DE,DE,4\n");
        assertEquals(List.of(2L, 3L, 4L), rows.stream().map(r -> r.getLong(1)).toList());
        assertNull(reason(rows.get(0), Feed.SHIPMENTS));
        assertEquals("MALFORMED_ROW", reason(rows.get(1), Feed.SHIPMENTS));
        assertNull(reason(rows.get(2), Feed.SHIPMENTS));
        assertEquals("S3", rows.get(2).getString(2));
    }

    @Test
    void aFileWithBytesThatAreNotUtf8IsRejectedWhole() throws IOException {
        byte[] head = (SHIPMENTS_HEADER + "S1,2026-11-19,P-1,WH-DE,DE,3\nS2,2026-11-19,P-").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ",WH-DE,DE,3\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, content, 0, head.length);
        content[head.length] = (byte) 0xFF; // never valid in UTF-8
        System.arraycopy(tail, 0, content, head.length + 1, tail.length);
        List<Row> rows = parse(Feed.SHIPMENTS, "shipments/e.csv", content);
        // Issue 16: a file that is not UTF-8 is rejected whole, each row on its own line, naming the bad byte.
        assertEquals(List.of(2L, 3L), rows.stream().map(r -> r.getLong(1)).toList());
        for (Row row : rows) {
            assertEquals("BAD_ENCODING", reason(row, Feed.SHIPMENTS));
            assertEquals("", column(row, Feed.SHIPMENTS));
        }
    }

    @Test
    void personalDataNeverLeavesTheParser() throws IOException {
        List<Row> rows = parse(Feed.RETURNS, "returns/a.csv", RETURNS_HEADER
                + "R1,2026-11-19,P-1,DE,1,DEFECTIVE,REFURBISHABLE,Jane Roe,jane@example.org,+49 30 1234,\"Unit 4 \"\"The Maltings\"\"\"\n"
                + "R2,2026-11-19,P-1,DE,1,BROKEN,SCRAP,John Doe,john@example.org,+49 30 9876,Main St 1\n");
        assertEquals(2, rows.size());
        assertEquals("UNKNOWN_CODE", reason(rows.get(1), Feed.RETURNS));
        assertEquals("reason_code", column(rows.get(1), Feed.RETURNS));
        for (Row row : rows) {
            String all = row.toString();
            for (String personal : List.of("Jane", "Roe", "jane@", "John", "john@", "1234", "9876", "Maltings", "Main St")) {
                assertFalse(all.contains(personal), personal + " leaked into " + all);
            }
        }
        // The raw row of a reject is rebuilt from the known non-personal columns only.
        String raw = rows.get(1).getString(5 + kept(Feed.RETURNS));
        assertEquals("R2,2026-11-19,P-1,DE,1,BROKEN,SCRAP", raw);
    }

    /** Issue 16: a truncated .csv.gz keeps the rows read before the damage and is then one file reject. */
    @Test
    void aTruncatedGzipFileIsRejectedAsAFile() throws IOException {
        StringBuilder csv = new StringBuilder(SHIPMENTS_HEADER);
        for (int i = 0; i < 20_000; i++) {
            csv.append("S").append(i).append(",2026-11-19,P-1,WH-DE,DE,").append(1 + i % 7).append('\n');
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(bytes)) {
            gzip.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = bytes.toByteArray();
        List<Row> rows = parse(Feed.SHIPMENTS, "shipments/t.csv.gz", java.util.Arrays.copyOf(whole, whole.length / 2));
        Row last = rows.get(rows.size() - 1);
        assertEquals("UNREADABLE_FILE", reason(last, Feed.SHIPMENTS));
        assertEquals(0L, last.getLong(1));
        assertTrue(rows.size() > 1 && rows.size() < 20_001, "rows before the damage stand: " + rows.size());
        for (Row row : rows.subList(0, rows.size() - 1)) {
            assertNull(reason(row, Feed.SHIPMENTS));
        }
    }

    /** Issue 16: whatever the shape of the file, no personal value reaches a row or a reject. */
    @Test
    void personalDataNeverLeavesTheParserWhateverTheShapeOfTheFile() throws IOException {
        List<String> personal = List.of("Jane", "Roe", "jane@", "Baker", "Street 221", "SN-998877", "+49 30 555",
                "mobile@", "0170 123");
        List<List<Row>> files = new ArrayList<>();
        // An unquoted comma in customer_name shifts the address into the next field.
        files.add(parse(Feed.RETURNS, "returns/shifted.csv", RETURNS_HEADER
                + "R1,2026-11-19,P-1,DE,1,DEFECTIVE,SCRAP,Roe, Jane,jane@x.org,+49 30 555,Baker Street 221\n"));
        // A comma in product_model shifts serial_no.
        files.add(parse(Feed.FAILURES, "failures/shifted.csv",
                "failure_id,failure_date,part_no,country,quantity,product_model,serial_no\n"
                + "F1,2026-11-19,P-1,DE,1,Model X, rev 2,SN-998877\n"
                + "F2,2026-11-19,P-9,DE,1,Model X,SN-998877\n"));
        // A repeated customer_email column, an unknown customer_mobile column, a header spelled Customer_Email.
        files.add(parse(Feed.RETURNS, "returns/columns.csv",
                "return_id,return_date,part_no,country,quantity,reason_code,condition,customer_email,customer_email,"
                + "customer_mobile,Customer_Email\n"
                + "R2,2026-11-19,P-9,DE,1,DEFECTIVE,SCRAP,jane@x.org,jane@y.org,0170 123,mobile@x.org\n"
                + "R3,2026-11-19,P-1,DE,1,DEFECTIVE,SCRAP,jane@x.org,jane@y.org,0170 123\n"));
        // A customer_email column in the shipments feed, in a bad row, a short row and a broken quote.
        files.add(parse(Feed.SHIPMENTS, "shipments/email.csv",
                "shipment_id,ship_date,part_no,warehouse_id,country,quantity,customer_email\n"
                + "S1,2026-11-19,P-9,WH-DE,DE,1,jane@x.org\n"
                + "S2,2026-11-19,P-1,WH-DE,DE,1,jane@x.org,Baker Street 221\n"
                + "S3,2026-11-19,P-1,WH-DE,DE,1,\"jane@x.org\n"));
        // Every customer field of a UTF-16 returns file.
        files.add(parse(Feed.RETURNS, "returns/utf16.csv", (RETURNS_HEADER
                + "R4,2026-11-19,P-1,DE,1,DEFECTIVE,SCRAP,Jane Roe,jane@x.org,+49 30 555,Baker Street 221\n")
                .getBytes(StandardCharsets.UTF_16)));
        int rejects = 0;
        for (List<Row> rows : files) {
            for (Row row : rows) {
                String all = row.toString();
                for (String value : personal) {
                    assertFalse(all.contains(value), value + " leaked into " + all);
                }
                if (!row.isNullAt(row.length() - 3)) {
                    rejects++;
                }
            }
        }
        assertTrue(rejects >= 7, "every case made a reject: " + rejects);
    }

    /**
     * Issue 16: columns configured as personal ({@code sparecast.ingest.personal-columns}, any case)
     * are dropped too: an optional contract column (product_model) is read as absent, an unknown
     * one (Owner_Name) cuts a shifted row's raw text like customer_*; neither value reaches a row or
     * a reject. A required column cannot be configured personal.
     */
    @Test
    void configuredPersonalColumnsAreDroppedAsFilesAreRead() throws IOException {
        PersonalColumns personal = PersonalColumns.from(com.sparecast.jobs.config.Settings.withOverrides(
                java.util.Map.of(PersonalColumns.KEY, " PRODUCT_MODEL , owner_name")));
        Files.createDirectories(folder.resolve("failures"));
        Files.writeString(folder.resolve("failures/f.csv"),
                "failure_id,failure_date,part_no,country,quantity,Owner_Name,product_model,serial_no\n"
                + "F1,2026-11-19,P-1,DE,1,Ola Nordmann,Model Secret,SN-1\n"           // accepted
                + "F2,2026-11-19,P-9,DE,1,Ola Nordmann,Model Secret,SN-2\n"           // rejected: unknown part
                + "F3,2026-11-19,P-1,DE,1,Nordmann, Ola,Model Secret,SN-3\n");       // shifted by a comma
        List<Row> rows = new ArrayList<>();
        new FeedFileParser(new LocalStorage(folder), "failures/f.csv", Feed.FAILURES, REFERENCE, personal)
                .forEachRemaining(rows::add);
        assertEquals(3, rows.size());
        assertNull(reason(rows.get(0), Feed.FAILURES));
        // Kept columns: failure_id, failure_date, part_no, country, quantity, product_model (null: dropped).
        assertNull(rows.get(0).get(2 + 5));
        assertEquals("UNKNOWN_PART", reason(rows.get(1), Feed.FAILURES));
        assertEquals("F2,2026-11-19,P-9,DE,1,", rows.get(1).getString(5 + kept(Feed.FAILURES)));
        assertEquals("MALFORMED_ROW", reason(rows.get(2), Feed.FAILURES));
        assertEquals("F3,2026-11-19,P-1,DE,1,", rows.get(2).getString(5 + kept(Feed.FAILURES)));
        for (Row row : rows) {
            for (String value : List.of("Ola", "Nordmann", "Secret", "SN-")) {
                assertFalse(row.toString().contains(value), value + " leaked into " + row);
            }
        }
        // Without the setting, product_model is kept (the contract's optional column).
        List<Row> plain = new ArrayList<>();
        new FeedFileParser(new LocalStorage(folder), "failures/f.csv", Feed.FAILURES, REFERENCE)
                .forEachRemaining(plain::add);
        assertEquals("Model Secret", plain.get(0).getString(2 + 5));

        com.sparecast.jobs.config.ConfigurationException e = org.junit.jupiter.api.Assertions.assertThrows(
                com.sparecast.jobs.config.ConfigurationException.class,
                () -> PersonalColumns.from(com.sparecast.jobs.config.Settings.withOverrides(
                        java.util.Map.of(PersonalColumns.KEY, "notes,Part_No"))));
        assertEquals("sparecast.ingest.personal-columns: part_no is a required column of the shipments feed and cannot"
                + " be dropped as personal data", e.getMessage());
    }
}
