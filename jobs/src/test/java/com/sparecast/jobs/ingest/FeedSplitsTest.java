package com.sparecast.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.jobs.storage.LocalStorage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The boundary finder of the split reading ({@link FeedSplits}) on hand-made bytes (positions
 * and lines worked out by hand in each test), and the rows of every split size equal to the rows
 * of the file read whole.
 */
class FeedSplitsTest {

    @TempDir
    Path folder;

    /** The first pass over every range of {@code content} cut every {@code size} bytes, then the plan. */
    static List<FeedSplits.Split> splits(byte[] content, long size) throws IOException {
        List<FeedSplits.Scan> scans = new ArrayList<>();
        for (long start = 0; start < content.length; start += size) {
            int from = (int) Math.max(0, start - 3);
            scans.add(FeedSplits.scan(new ByteArrayInputStream(content, from, content.length - from), start,
                    Math.min(content.length, start + size), content.length));
        }
        return FeedSplits.plan("f.csv", content.length, scans);
    }

    static List<FeedSplits.Split> splits(String content, long size) throws IOException {
        return splits(content.getBytes(StandardCharsets.UTF_8), size);
    }

    /** Each split as "start-end@line". */
    static List<String> shape(List<FeedSplits.Split> splits) {
        return splits.stream().map(s -> s.start() + "-" + s.end() + "@" + s.firstLine()).toList();
    }

    @Test
    void quotedNewlineAcrossTheRangeStartIsNotABoundary() throws IOException {
        // h0 \n1 a2 ,3 "4 x5 \n6 y7 "8 \n9 b10 \n11. Range 2 starts at 6, inside the quoted field (one quote
        // before it): its first boundary is after the LF at 9, on line 1 + 1 (LF 1) + 2 (LFs 6, 9) = 4.
        List<FeedSplits.Split> s = splits("h\na,\"x\ny\"\nb\n", 6);
        assertEquals(List.of("0-10@1", "10-12@4"), shape(s));
    }

    @Test
    void doubledQuoteAcrossTheRangeStartStaysInsideTheField() throws IOException {
        // h0 \n1 "2 a3 "4 "5 \n6 b7 "8 \n9 c10 \n11: the field "a""<LF>b" is cut between its doubled quotes
        // (range 2 starts at 5, after an even number of quotes and a quote: a quote in a quoted field).
        // The LF at 6 is inside the field; the boundary is 10, line 1 + 1 + 2 = 4.
        List<FeedSplits.Split> s = splits("h\n\"a\"\"\nb\"\nc\n", 5);
        assertEquals(List.of("0-10@1", "10-12@4"), shape(s));
    }

    @Test
    void crlfCountsOneLineEnd() throws IOException {
        // h0 \r1 \n2 a3 \r4 \n5 b6 \r7 \n8; range 2 starts on the LF of a CRLF (not a line end of its own):
        // boundary 6, line 1 + 2 (CRs 1 and 4) + 0 = 3.
        List<FeedSplits.Split> s = splits("h\r\na\r\nb\r\n", 5);
        assertEquals(List.of("0-6@1", "6-9@3"), shape(s));
    }

    @Test
    void rangeStartingOnARecordIsABoundary() throws IOException {
        // h0 \n1 a2 \n3 b4 \n5, cut every 2 bytes: every range starts right after the LF of a record.
        assertEquals(List.of("0-2@1", "2-4@2", "4-6@3"), shape(splits("h\na\nb\n", 2)));
        // the same after CRLF: h0 \r1 \n2 a3 \r4 \n5 b6 \r7 \n8, cut every 3 (range 2 starts at a, 3 at b).
        assertEquals(List.of("0-3@1", "3-6@2", "6-9@3"), shape(splits("h\r\na\r\nb\r\n", 3)));
    }

    @Test
    void lastRecordWithoutLineEnd() throws IOException {
        // h0 \n1 a2 \n3 b4 b5: range 2 starts at 3 (after 'a'), the LF ends a record: boundary 4, line 3.
        assertEquals(List.of("0-4@1", "4-6@3"), shape(splits("h\na\nbb", 3)));
    }

    @Test
    void afterQuotingThatIsNotStrictTheRestIsOneSplit() throws IOException {
        // h0 \n1 a2 "3 b4 \n5 c6 \n7 d8 \n9: the stray quote at 3 is read literally by the parser, but
        // flips the parity; the boundary at 2 stands, nothing after 3 is cut.
        assertEquals(List.of("0-2@1", "2-10@2"), shape(splits("h\na\"b\nc\nd\n", 2)));
    }

    @Test
    void headerIsNeverCut() throws IOException {
        // \n0 \n1 h2 \n3 x4 \n5 y6 \n7: the header is the first record with text (the blank lines before it
        // are skipped), ending at 4 in the first range; range 2 starts right after it: line 1 + 3 = 4.
        assertEquals(List.of("0-4@1", "4-8@4"), shape(splits("\n\nh\nx\ny\n", 4)));
        // A header that does not end in the first range: the file is read whole.
        assertEquals(List.of("0--1@1"), shape(splits("\n\nh1,h2\nx\n", 3)));
    }

    @Test
    void noSplitStartsInsideBlankLines() throws IOException {
        // h0 \n1 a2 \n3 \n4 \r5 \n6 b7 \n8, cut every 4: range 2 starts after the blank line at 3-4, and the
        // parser numbers b with the line after a (3), so range 2 has no boundary of its own (b's LF ends the file).
        assertEquals(List.of("0-4@1", "4-9@3"), shape(splits("h\na\n\n\r\nb\n", 4)));
        // cut every 5: range 2 starts after \r\n of a blank line: no boundary there either.
        assertEquals(List.of("0--1@1"), shape(splits("h\na\n\n\r\nb\n", 5)));
    }

    @Test
    void utf8AcrossRangeEdgesStillSplitsAndBadBytesDoNot() throws IOException {
        byte[] good = "h\n\u00e9\u20ac\uD83D\uDE00x\n\u20ac\n".getBytes(StandardCharsets.UTF_8);
        // h0 \n1 é2-3 €4-6 😀7-10 x11 \n12 €13-15 \n16: cut every 3 bytes, characters straddle every edge.
        assertEquals(List.of("0-13@1", "13-17@3"), shape(splits(good, 3)));
        byte[] latin1 = "h\nx\n\u00e9\ny\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(List.of("0--1@1"), shape(splits(latin1, 3)));
        byte[] cutShort = java.util.Arrays.copyOf(good, good.length - 2); // ends inside the last €
        assertEquals(List.of("0--1@1"), shape(splits(cutShort, 3)));
        byte[] stray = "h\na\n\u00e9\n".getBytes(StandardCharsets.UTF_8);
        stray[4] = 'z'; // h0 \n1 a2 \n3 z4 A9(5) \n6: a continuation byte with no lead, first in its range

        assertEquals(List.of("0--1@1"), shape(splits(stray, 5)));
    }

    /** A nasty shipments file: quoted line breaks, doubled quotes, CRLF, blanks, multi-byte text, then a broken quote. */
    static byte[] nasty(boolean brokenAtEnd) {
        StringBuilder b = new StringBuilder("shipment_id,ship_date,part_no,warehouse_id,country,quantity\n");
        for (int i = 0; i < 120; i++) {
            switch (i % 8) {
                case 0 -> b.append("S").append(i).append(",2026-11-19,P-1,WH-DE,DE,").append(1 + i % 5).append('\n');
                case 1 -> b.append("S").append(i).append(",2026-11-19,\"P-\n1\",WH-DE,DE,2\n");
                case 2 -> b.append("\"S").append(i).append("\",2026-11-19,\"P\"\"2\",WH-DE,FR,3\r\n");
                case 3 -> b.append("\n\r\n");
                case 4 -> b.append("S").append(i).append(",2026-11-19,P-2,\"WH-DE\",\"DE\",\"4\"\n");
                case 5 -> b.append("S").append(i % 16).append(",2026-11-19,P-\u00e9\u20ac\uD83D\uDE00,WH-DE,DE,1\n");
                case 6 -> b.append("S").append(i).append(",2026-11-19,P-1,WH-DE,DE\n");
                default -> b.append("S").append(i).append(",\"2026-11-19\r\n\",P-1,WH-DE,DE,5\n");
            }
        }
        if (brokenAtEnd) {
            b.append("S900,2026-11-19,\"P-1\"x,WH-DE,DE,3\nS901,2026-11-19,\"P-1,WH-DE,DE,3\nS902,2026-11-19,P-1,WH-DE,DE,1\n");
        }
        b.append("S999,2026-11-19,P-2,WH-DE,FR,7");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    List<Row> parse(FeedSplits.Split split) {
        List<Row> rows = new ArrayList<>();
        new FeedFileParser(new LocalStorage(folder), split, Feed.SHIPMENTS, FeedFileParserTest.REFERENCE,
                PersonalColumns.CONTRACT).forEachRemaining(rows::add);
        return rows;
    }

    @Test
    void everySplitSizeGivesTheRowsOfTheWholeFile() throws IOException {
        for (boolean broken : new boolean[] {false, true}) {
            byte[] content = nasty(broken);
            Files.write(folder.resolve("f.csv"), content);
            List<Row> whole = parse(FeedSplits.Split.whole("f.csv"));
            assertTrue(whole.size() > 100, "rows " + whole.size());
            int mostSplits = 0;
            for (long size = 16; size < content.length + 50; size += size < 200 ? 1 : 97) {
                List<FeedSplits.Split> splits = splits(content, size);
                mostSplits = Math.max(mostSplits, splits.size());
                List<Row> pieced = new ArrayList<>();
                for (FeedSplits.Split s : splits) {
                    pieced.addAll(parse(s));
                }
                assertEquals(whole.size(), pieced.size(), "split size " + size + ": " + shape(splits));
                for (int i = 0; i < whole.size(); i++) {
                    assertEquals(whole.get(i), pieced.get(i), "split size " + size + ", row " + i + ": " + shape(splits));
                }
            }
            // 16-byte ranges over 3.6 KiB of about 100 records with text: most records start a split.
            assertTrue(mostSplits > 50, "at most " + mostSplits + " splits");
        }
    }
}
