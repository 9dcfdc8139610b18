package com.sparecast.jobs.ingest;

import com.sparecast.jobs.input.TextEncoding;
import com.sparecast.jobs.storage.Storage;
import com.sparecast.jobs.storage.StoredFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.io.input.BoundedInputStream;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * How a CSV feed file larger than the split size ({@code sparecast.ingest.split-bytes}) is cut into
 * byte ranges that several tasks parse at once, each starting exactly on a record boundary and
 * knowing the physical line it starts on, so that every reject still names its file and line.
 *
 * <p>The classic two-pass design of parallel CSV readers. <b>First pass</b> (one small Spark job,
 * one task per nominal range {@code [k * size, (k + 1) * size)}, reading the byte before the range
 * and at most 3 after): a byte scan, no parsing, returning a {@link Scan} of a few numbers: the
 * line ends in the range (counted as Commons CSV counts them: a CR, or an LF not after a CR), the
 * parity of its quotes, whether its bytes are UTF-8, and, for each of the two states the range can
 * start in (outside or inside a quoted field, which only the ranges before it decide), the first
 * record boundary in it (the byte after an LF outside quotes) with the line ends before it, and the
 * first byte breaking RFC 4180 quoting. The driver then chains the ranges in order: the quote
 * parity before range k (the sum of the parities before it) picks its state, and so its boundary
 * and that boundary's line (1 + the line ends before it). <b>Second pass</b>: one task per
 * {@link Split}, from one boundary to the next, parsed by {@link FeedFileParser} as a stream
 * bounded by the next boundary and numbering lines from the split's first line; every split but the
 * first reads the header from the file's first record (which ends before the first boundary).
 *
 * <p>Exactness: a boundary is only used where the quoting before it is strict RFC 4180 (a quote
 * only opens a field, closes it or doubles inside it), where the parity of quotes is exactly
 * Commons CSV's state. From the first byte that is not (a stray quote in an unquoted field, text
 * after a closing quote: rows the parser rejects or reads its own way), the rest of the file is
 * one split, parsed exactly as a file is read whole. A file that is not UTF-8 (by byte-order mark,
 * NUL pattern or any byte, the ranges' validations stitched at their edges), a {@code .gz}, a
 * Parquet file, or a file with one range is one split read whole, the encoding checked as before.
 * So splitting never changes a row, a reject, its line or its message; it costs one extra read
 * of the bytes (no parsing), and memory stays bounded by one buffer per task.
 */
public final class FeedSplits {

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;
    private static final int BROKEN = 4;
    private static final int BUFFER = 1 << 16;
    private static final int HEAD = 8192;

    private FeedSplits() {
    }

    /**
     * One piece of a feed file a task parses: bytes {@code [start, end)}, the first on physical
     * line {@code firstLine}; {@code end < 0} is the whole file, its encoding still to check.
     *
     * @param headerEnd where the file's header record ends (splits after the first read it from there)
     */
    public record Split(String file, long start, long end, long firstLine, long headerEnd) implements Serializable {

        /** The whole file as one split. */
        public static Split whole(String file) {
            return new Split(file, 0, -1, 1, -1);
        }

        /** Whether this is a byte range of a file split in several (UTF-8 already checked). */
        public boolean ranged() {
            return end >= 0;
        }
    }

    /**
     * For one state a range can start in: the first record boundary in it ({@code -1}: none), the
     * line ends from the range's start to it, and the first byte breaking strict quoting ({@code -1}: none).
     */
    public record Start(long boundary, long lineEndsBefore, long broken) implements Serializable {
    }

    /**
     * What the first pass finds in one nominal range of a file.
     *
     * @param lineEnds line ends in the range
     * @param quotesOdd whether the range holds an odd number of quotes
     * @param outside the range starting outside a quoted field
     * @param inside the range starting inside a quoted field
     * @param utf8 whether the range is UTF-8 (its first character may start in the range before, its last end after)
     * @param leadingContinuations continuation bytes at the range's start, left to the range before (0 to 3)
     * @param trailingContinuations bytes after the range's end its last character took
     * @param headerEnd the first range only: the byte after the LF ending the first non-empty record, or -1
     */
    public record Scan(long start, long end, long lineEnds, boolean quotesOdd, Start outside, Start inside, boolean utf8,
                       int leadingContinuations, int trailingContinuations, long headerEnd) implements Serializable {
    }

    /** A nominal range of a file for the first pass. */
    private record Range(String file, long size, long start, long end) implements Serializable {
    }

    /**
     * The splits of {@code files}: a plain CSV file larger than {@code splitBytes} is scanned (one
     * Spark job for all of them) and cut at record boundaries; any other file is one whole split.
     */
    public static List<Split> splits(JavaSparkContext jsc, Storage storage, List<StoredFile> files, long splitBytes) {
        List<Range> ranges = new ArrayList<>();
        for (StoredFile f : files) {
            if (splittable(f, splitBytes)) {
                for (long start = 0; start < f.size(); start += splitBytes) {
                    ranges.add(new Range(f.path(), f.size(), start, Math.min(f.size(), start + splitBytes)));
                }
            }
        }
        Map<String, List<Scan>> scans = new LinkedHashMap<>();
        if (!ranges.isEmpty()) {
            List<Scan> found = jsc.parallelize(ranges, ranges.size()).map(r -> scan(storage, r)).collect();
            for (int i = 0; i < ranges.size(); i++) {
                scans.computeIfAbsent(ranges.get(i).file(), k -> new ArrayList<>()).add(found.get(i));
            }
        }
        List<Split> splits = new ArrayList<>();
        for (StoredFile f : files) {
            List<Scan> fileScans = scans.get(f.path());
            splits.addAll(fileScans == null ? List.of(Split.whole(f.path())) : plan(f.path(), f.size(), fileScans));
        }
        return splits;
    }

    private static boolean splittable(StoredFile file, long splitBytes) {
        return file.path().endsWith(".csv") && file.size() > splitBytes;
    }

    private static Scan scan(Storage storage, Range range) {
        try (InputStream in = storage.open(range.file(), Math.max(0, range.start() - 3))) {
            return scan(in, range.start(), range.end(), range.size());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + storage.location() + "/" + range.file() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The first pass over bytes {@code [start, end)} of a file of {@code size} bytes; {@code in} is
     * positioned at {@code start - 3} (at 0 for the first ranges) and may run on past {@code end}.
     */
    public static Scan scan(InputStream in, long start, long end, long size) throws IOException {
        byte[] back = in.readNBytes((int) Math.min(3, start));
        int before = back.length > 0 ? back[back.length - 1] & 0xFF : -1;
        boolean textBefore = before >= 0 && before != '\r' && before != '\n'
                || before == '\r' && back.length > 1 && back[back.length - 2] != '\r' && back[back.length - 2] != '\n';
        Machine outside = new Machine(start == 0 ? FIELD_START : stateAfter(before), textBefore);
        Machine inside = new Machine(QUOTED, true);
        if (before == '\n') {
            // Right after an LF: a boundary when the record it ends has text (a CRLF's LF looks one byte further).
            int i = back.length - 2;
            if (i >= 0 && back[i] == '\r') {
                i--;
            }
            if (i >= 0 && back[i] != '\r' && back[i] != '\n') {
                outside.boundary = start;
                outside.lineEndsBefore = 0;
            }
        }
        TextEncoding.Utf8 utf8 = new TextEncoding.Utf8();
        boolean valid = true;
        int leading = 0;
        long lineEnds = 0;
        long quotes = 0;
        long headerEnd = -1;
        int last = before;
        byte[] buffer = new byte[BUFFER];
        long pos = start;
        boolean first = true;
        while (pos < end) {
            int n = in.readNBytes(buffer, 0, (int) Math.min(buffer.length, end - pos));
            if (n <= 0) {
                throw new IOException("file ended at byte " + pos + ", before its listed size " + size);
            }
            int from = 0;
            if (first) {
                first = false;
                if (start == 0) {
                    // A file that is UTF-16 or UTF-32 (byte-order mark, NUL pattern) is not split.
                    TextEncoding.Found head = TextEncoding.check(new ByteArrayInputStream(buffer, 0, Math.min(n, HEAD)));
                    valid = head == null || head.cutShort();
                } else {
                    while (from < n && leading < 3 && (buffer[from] & 0xC0) == 0x80) {
                        from++;
                        leading++;
                    }
                }
            }
            if (valid && utf8.feed(buffer, from, n - from) != null) {
                valid = false;
            }
            for (int i = 0; i < n; i++) {
                int c = buffer[i] & 0xFF;
                long at = pos + i;
                if (c == '\r' || (c == '\n' && last != '\r')) {
                    lineEnds++;
                }
                if (c == '"') {
                    quotes++;
                }
                boolean ends = outside.step(c, at, lineEnds);
                inside.step(c, at, lineEnds);
                if (start == 0 && ends && headerEnd < 0) {
                    headerEnd = at + 1; // the first record with text: the header
                }
                last = c;
            }
            pos += n;
        }
        int trailing = 0;
        while (valid && utf8.pending() > 0) {
            int c = end < size ? in.read() : -1;
            if (c < 0 || (c & 0xC0) != 0x80) {
                valid = false; // cut short at the end of the file, or by a byte that does not continue it
                break;
            }
            utf8.feed(new byte[] {(byte) c}, 0, 1);
            trailing++;
        }
        return new Scan(start, end, lineEnds, quotes % 2 == 1, outside.result(), inside.result(), valid, leading,
                trailing, headerEnd);
    }

    /** The state outside quotes after byte {@code b} (in a well-quoted file). */
    private static int stateAfter(int b) {
        return switch (b) {
            case '"' -> QUOTE_IN_QUOTED;
            case ',', '\n', '\r' -> FIELD_START;
            default -> UNQUOTED;
        };
    }

    /**
     * Strict RFC 4180 quoting, byte by byte, from one assumed start state. A boundary is after an LF
     * ending a record that has text: the parser numbers a record after blank lines with the line
     * after the record before them, so a split never starts inside a run of blank lines.
     */
    private static final class Machine {
        int state;
        boolean recordHasText;
        long boundary = -1;
        long lineEndsBefore = -1;
        long broken = -1;

        Machine(int state, boolean recordHasText) {
            this.state = state;
            this.recordHasText = recordHasText;
        }

        /** Steps over byte {@code c} at {@code at}; true when it is an LF ending a record with text. */
        boolean step(int c, long at, long lineEnds) {
            if (state == BROKEN) {
                return false;
            }
            boolean separator = c == ',' || c == '\n' || c == '\r';
            boolean ends = c == '\n' && state != QUOTED;
            boolean hadText = recordHasText;
            recordHasText = ends ? false : recordHasText || (c != '\r' && c != '\n') || state == QUOTED;
            state = switch (state) {
                case FIELD_START -> c == '"' ? QUOTED : separator ? FIELD_START : UNQUOTED;
                case UNQUOTED -> c == '"' ? BROKEN : separator ? FIELD_START : UNQUOTED;
                case QUOTED -> c == '"' ? QUOTE_IN_QUOTED : QUOTED;
                default -> c == '"' ? QUOTED : separator ? FIELD_START : BROKEN; // after a quote in a quoted field
            };
            if (state == BROKEN) {
                broken = at;
                return false;
            }
            if (ends && hadText && boundary < 0) {
                boundary = at + 1;
                lineEndsBefore = lineEnds;
            }
            return ends && hadText;
        }

        Start result() {
            return new Start(boundary, lineEndsBefore, broken);
        }
    }

    /**
     * The splits of one file from the first pass over its ranges (in order): a boundary per range
     * where the quoting before it is strict, each with its line; the whole file when any range is
     * not UTF-8, or when the header does not end in the first range.
     */
    public static List<Split> plan(String file, long size, List<Scan> scans) {
        if (scans.size() < 2 || scans.get(0).headerEnd() < 0) {
            return List.of(Split.whole(file));
        }
        for (int k = 0; k < scans.size(); k++) {
            Scan s = scans.get(k);
            boolean stitched = k == 0 || s.leadingContinuations() == scans.get(k - 1).trailingContinuations();
            if (!s.utf8() || !stitched) {
                return List.of(Split.whole(file));
            }
        }
        long headerEnd = scans.get(0).headerEnd();
        List<long[]> starts = new ArrayList<>();
        starts.add(new long[] {0, 1});
        boolean inQuotes = false;
        long lineEndsBefore = 0;
        for (int k = 0; k < scans.size(); k++) {
            Scan s = scans.get(k);
            Start at = inQuotes ? s.inside() : s.outside();
            long previous = starts.get(starts.size() - 1)[0];
            boolean clean = at.broken() < 0 || at.boundary() <= at.broken();
            // (a boundary of a later range is after the first range, so after the header)
            if (k > 0 && at.boundary() >= 0 && clean && at.boundary() > previous
                    && at.boundary() < size) {
                starts.add(new long[] {at.boundary(), 1 + lineEndsBefore + at.lineEndsBefore()});
            }
            if (at.broken() >= 0) {
                break; // from here quoting is not strict: the rest is one split, read as a whole file is
            }
            inQuotes ^= s.quotesOdd();
            lineEndsBefore += s.lineEnds();
        }
        if (starts.size() < 2) {
            return List.of(Split.whole(file));
        }
        List<Split> splits = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            long end = i + 1 < starts.size() ? starts.get(i + 1)[0] : size;
            splits.add(new Split(file, starts.get(i)[0], end, starts.get(i)[1], headerEnd));
        }
        return splits;
    }

    /** At most {@code length} bytes of {@code in}; closing it closes {@code in}. */
    static InputStream bounded(InputStream in, long length) throws IOException {
        return BoundedInputStream.builder().setInputStream(in).setMaxCount(length).get();
    }
}
