package com.sparecast.jobs.ingest;

import com.sparecast.jobs.input.Identifiers;
import com.sparecast.jobs.input.ReferenceData;
import com.sparecast.jobs.input.RejectReason;
import com.sparecast.jobs.input.TextEncoding;
import com.sparecast.jobs.storage.Storage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Reads one CSV or Parquet file of an event feed, lazily, and turns every record into exactly one row of
 * {@link IngestSchema#parsed(Feed)}: typed values when the record is valid, a reject reason
 * otherwise. Runs inside a Spark task, one file or one {@link FeedSplits.Split split} of a large
 * file per task, in memory bounded by one record. A split after the first reads the header from
 * the file's start, then its own bytes only, numbering lines from the split's first line: its rows,
 * rejects and lines are exactly those of the same records read with the whole file.
 *
 * <p>A record with broken quoting is rejected as {@link RejectReason#MALFORMED_ROW} and parsing
 * resumes at the next physical line, so one bad quote costs one row, not the rest of the file.
 */
public final class FeedFileParser implements Iterator<Row> {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private final Storage storage;
    private final String file;
    private final FeedSplits.Split split;
    private final Feed feed;
    private final RowValidator validator;
    private final PersonalColumns personal;

    private final List<Column> columns;
    private final int keptColumns;
    private int[] positions;
    private int headerSize;
    private String missingColumn;
    /** The file's encoding when it is not UTF-8: every row is rejected. */
    private TextEncoding.Found encoding;
    /** A column the header names twice, and the message saying where: every row is rejected. */
    private String duplicateColumn;
    private String duplicateMessage;
    /** Position of the first header column that is or looks personal; fields from it on may be shifted personal values. */
    private int firstPersonalPosition = Integer.MAX_VALUE;

    private BufferedReader reader;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    /** Physical line the current parser started at (1-based). */
    private long parserFirstLine;
    private Row next;
    private ParquetFeedFile parquet;
    private boolean finished;

    public FeedFileParser(Storage storage, String file, Feed feed, ReferenceData reference) {
        this(storage, file, feed, reference, PersonalColumns.CONTRACT);
    }

    /** A parser that also drops the configured personal columns ({@code sparecast.ingest.personal-columns}). */
    public FeedFileParser(Storage storage, String file, Feed feed, ReferenceData reference, PersonalColumns personal) {
        this(storage, FeedSplits.Split.whole(file), feed, reference, personal);
    }

    /** A parser of one split of a file ({@link FeedSplits}), dropping the configured personal columns. */
    public FeedFileParser(Storage storage, FeedSplits.Split split, Feed feed, ReferenceData reference,
                          PersonalColumns personal) {
        this.personal = personal;
        this.storage = storage;
        this.split = split;
        this.file = split.file();
        this.feed = feed;
        this.validator = new RowValidator(reference);
        this.columns = feed.columns();
        this.keptColumns = feed.keptColumns().size();
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Row row = next;
        next = null;
        return row;
    }

    private Row advance() {
        if (file.endsWith(".parquet")) {
            return advanceParquet();
        }
        if (finished) {
            return null;
        }
        try {
            if (records == null) {
                if (!openWithHeader()) {
                    return null;
                }
            }
            while (true) {
                long line = parserFirstLine + parser.getCurrentLineNumber();
                try {
                    if (!records.hasNext()) {
                        close();
                        return null;
                    }
                    return toRow(records.next(), line);
                } catch (UncheckedIOException | IllegalStateException e) {
                    if (damagedGzip(e)) {
                        return unreadable(damage(e));
                    }
                    // Broken quoting: reject the record that starts here, resume on the next line.
                    Row reject = reject(line, "", RejectReason.MALFORMED_ROW,
                            "not valid CSV (" + firstLine(e.getMessage()) + ")", rawOfBrokenLine(line));
                    reopenAt(line + 1);
                    return reject;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            if (damagedGzip(e)) {
                return unreadable(damage(e));
            }
            throw e instanceof UncheckedIOException u ? u
                    : new UncheckedIOException("Cannot read " + storage.location() + "/" + file + ": " + e.getMessage(),
                            (IOException) e);
        }
    }

    /** Whether {@code e} says the bytes of a {@code .gz} file are not gzip or end too early (the file, not the storage). */
    private boolean damagedGzip(Throwable e) {
        if (!file.endsWith(".gz")) {
            return false;
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.util.zip.ZipException || c instanceof java.io.EOFException) {
                return true;
            }
        }
        return false;
    }

    private static String damage(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.util.zip.ZipException || c instanceof java.io.EOFException) {
                return "not readable gzip (" + (c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage())
                        + ")";
            }
        }
        return String.valueOf(e.getMessage());
    }

    private boolean openWithHeader() throws IOException {
        if (!split.ranged()) {
            try (UntilDamage bytes = new UntilDamage(bytes())) {
                encoding = TextEncoding.check(bytes);
                if (encoding != null && encoding.cutShort() && bytes.damaged) {
                    encoding = null; // a truncated .gz: its rows up to the damage are read, then it is UNREADABLE_FILE
                }
            }
        }
        if (split.start() > 0) {
            // The header is the file's first record, before the first split's end.
            try (BufferedReader head = decoded(FeedSplits.bounded(storage.open(file), split.headerEnd()));
                 CSVParser headParser = FORMAT.parse(head)) {
                Iterator<CSVRecord> headRecords = headParser.iterator();
                if (!headRecords.hasNext()) {
                    throw new IOException("no header record before byte " + split.headerEnd());
                }
                readHeader(headRecords.next());
            }
            reader = open();
            parser = FORMAT.parse(reader);
            parserFirstLine = split.firstLine();
            records = parser.iterator();
            return true;
        }
        reader = open();
        parser = FORMAT.parse(reader);
        parserFirstLine = 1;
        records = parser.iterator();
        if (!records.hasNext()) {
            close();
            return false;
        }
        readHeader(records.next());
        return true;
    }

    /** Reads the header record: where each of the feed's columns is, and what makes every row a reject. */
    private void readHeader(CSVRecord header) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> anyCase = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            index.putIfAbsent(name, i);
            Integer first = anyCase.putIfAbsent(name.toLowerCase(java.util.Locale.ROOT), i);
            if (first != null && duplicateColumn == null) {
                String firstName = header.get(first).trim().replace("\uFEFF", "");
                duplicateColumn = Identifiers.printable(firstName);
                duplicateMessage = "the header names column " + duplicateColumn + " twice (fields " + (first + 1)
                        + " and " + (i + 1) + (firstName.equals(name) ? "" : ", the second as "
                        + Identifiers.printable(name)) + "): every row of the file is rejected";
            }
        }
        headerSize = header.size();
        firstPersonalPosition = Integer.MAX_VALUE;
        for (int i = 0; i < header.size(); i++) {
            if (personal.isPersonal(header.get(i))) {
                firstPersonalPosition = Math.min(firstPersonalPosition, i);
            }
        }
        positions = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            // A column configured as personal is read as absent: its values go nowhere.
            positions[c] = personal.drops(column) ? -1 : index.getOrDefault(column.name(), -1);
            if (positions[c] < 0 && column.required() && missingColumn == null) {
                missingColumn = column.name();
            }
        }
    }

    /**
     * A stream that ends where a damaged gzip stream fails: the encoding check reads what can be
     * read, and the parse meets the damage itself (rows before it stand, then one file reject).
     */
    private static final class UntilDamage extends java.io.FilterInputStream {
        boolean damaged;

        UntilDamage(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return damaged ? -1 : super.read();
            } catch (java.util.zip.ZipException | java.io.EOFException e) {
                damaged = true;
                return -1;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return damaged ? -1 : super.read(b, off, len);
            } catch (java.util.zip.ZipException | java.io.EOFException e) {
                damaged = true;
                return -1;
            }
        }
    }

    /** The file's bytes, decompressed when it is a {@code .gz}. */
    private InputStream bytes() throws IOException {
        return bytes(storage, file);
    }

    private static InputStream bytes(Storage storage, String file) throws IOException {
        InputStream in = storage.open(file);
        try {
            return file.endsWith(".gz") ? new GZIPInputStream(in) : in;
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    /** The file as text: UTF-8, or the encoding it was found to be in (only to reject its rows with their lines). */
    private BufferedReader open() throws IOException {
        return decoded(split.ranged()
                ? FeedSplits.bounded(storage.open(file, split.start()), split.end() - split.start()) : bytes());
    }

    private BufferedReader decoded(InputStream stream) {
        var decoder = (encoding == null ? StandardCharsets.UTF_8 : encoding.charset()).newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BufferedReader(new InputStreamReader(stream, decoder), 1 << 16);
    }

    /** Restarts the parser at physical line {@code line}, after the header has been read once. */
    private void reopenAt(long line) throws IOException {
        close();
        reader = open();
        for (long l = split.firstLine(); l < line; l++) {
            if (reader.readLine() == null) {
                break;
            }
        }
        parser = FORMAT.parse(reader);
        parserFirstLine = line;
        records = parser.iterator();
    }

    /**
     * Why a file of a feed gave no row at all, for the run's log and the reconciliation: an empty
     * file (nothing, or only a byte-order mark and blanks), a header without data rows, a Parquet
     * file without rows.
     */
    public static String withoutRows(Storage storage, String file) {
        if (file.endsWith(".parquet")) {
            return "no rows: the Parquet file holds no data";
        }
        try (InputStream in = bytes(storage, file)) {
            String head = new String(in.readNBytes(4096), StandardCharsets.UTF_8).replace("\uFEFF", "").trim();
            return head.isEmpty() ? "empty file: no header and no rows" : "header only: no data rows";
        } catch (IOException e) {
            return "no rows (" + e.getMessage() + ")";
        }
    }

    /**
     * The raw text of a row whose quoting is broken: nothing. The line itself is never echoed,
     * as it may hold personal values in any position (a shifted field, an unknown column).
     */
    private String rawOfBrokenLine(long line) {
        return "";
    }

    /** Whether a header name is, or looks like, personal data by the contract ({@link PersonalColumns}). */
    static boolean looksPersonal(String headerName) {
        return PersonalColumns.CONTRACT.isPersonal(headerName);
    }

    private Row toRow(CSVRecord record, long line) throws IOException {
        if (encoding != null) {
            return reject(line, "", RejectReason.BAD_ENCODING, encoding.describe(file), raw(record));
        }
        if (duplicateColumn != null) {
            return reject(line, duplicateColumn, RejectReason.DUPLICATE_COLUMN, file + ": " + duplicateMessage,
                    raw(record));
        }
        if (missingColumn != null) {
            return reject(line, missingColumn, RejectReason.MISSING_COLUMN,
                    "file has no column " + missingColumn + ", which the " + feed.feedName() + " feed requires", raw(record));
        }
        if (record.size() != headerSize) {
            return reject(line, "", RejectReason.MALFORMED_ROW,
                    "expected " + headerSize + " fields as in the header, found " + record.size(), raw(record));
        }
        String[] texts = new String[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            texts[c] = positions[c] < 0 ? "" : record.get(positions[c]);
        }
        return toRow(texts, line, () -> raw(record));
    }

    /** The raw text of a row for its reject, computed only when the row is rejected. */
    private interface RawText {
        String get() throws IOException;
    }

    /** A row from the text of each of the feed's columns ({@code ""} when absent). */
    private Row toRow(String[] texts, long line, RawText raw) throws IOException {
        Object[] values = new Object[2 + keptColumns + IngestSchema.REJECT_FIELDS];
        values[0] = file;
        values[1] = line;
        int k = 2;
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            if (column.personal()) {
                continue;
            }
            Object checked = validator.check(column, texts[c]);
            if (checked instanceof RowValidator.Problem problem) {
                return reject(line, column.name(), problem.reason(), problem.message(), raw.get());
            }
            values[k++] = checked instanceof java.time.LocalDate d ? java.sql.Date.valueOf(d) : checked;
        }
        return RowFactory.create(values);
    }

    /** The next row of a Parquet file; its line is the row's position in the file, from 1. */
    private Row advanceParquet() {
        if (finished) {
            return null;
        }
        try {
            if (parquet == null) {
                try {
                    parquet = ParquetFeedFile.open(storage, file, feed);
                } catch (ParquetFeedFile.Unreadable e) {
                    return unreadable(e);
                }
                if (parquet.missingColumn() != null) {
                    missingColumn = parquet.missingColumn();
                }
            }
            String[] texts;
            try {
                texts = parquet.next();
            } catch (ParquetFeedFile.Unreadable e) {
                return unreadable(e);
            }
            if (texts == null) {
                close();
                finished = true;
                return null;
            }
            for (int c = 0; c < columns.size(); c++) {
                if (personal.drops(columns.get(c))) {
                    texts[c] = "";
                }
            }
            long line = parquet.rowNumber();
            if (missingColumn != null) {
                return reject(line, missingColumn, RejectReason.MISSING_COLUMN, "file has no column " + missingColumn
                        + ", which the " + feed.feedName() + " feed requires", rawOf(texts));
            }
            return toRow(texts, line, () -> rawOf(texts));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + storage.location() + "/" + file + ": " + e.getMessage(), e);
        }
    }

    /** The reject of a Parquet file that cannot be read. */
    private Row unreadable(ParquetFeedFile.Unreadable e) {
        return unreadable("not readable Parquet (" + e.getMessage() + ")");
    }

    /**
     * The reject of a file that cannot be read (corrupt Parquet, damaged gzip): one row at line 0
     * naming the file; the rows read before the fault stand, the rest of the file is not read.
     */
    private Row unreadable(String why) {
        try {
            close();
        } catch (IOException | RuntimeException closing) {
            parquet = null;
            parser = null;
            reader = null;
        }
        finished = true;
        return reject(0, "", RejectReason.UNREADABLE_FILE, file + " is " + Identifiers.printable(why), "");
    }

    /** The feed's known non-personal columns of a Parquet row as CSV, as {@link #raw(CSVRecord)}. */
    private String rawOf(String[] texts) throws IOException {
        List<String> fields = new ArrayList<>(texts.length);
        for (int c = 0; c < columns.size(); c++) {
            if (!columns.get(c).personal()) {
                fields.add(texts[c]);
            }
        }
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("").get())) {
            printer.printRecord(fields);
        }
        return out.toString();
    }

    private Row reject(long line, String column, RejectReason reason, String message, String raw) {
        Object[] values = new Object[2 + keptColumns + IngestSchema.REJECT_FIELDS];
        values[0] = file;
        values[1] = line;
        values[2 + keptColumns] = column;
        values[3 + keptColumns] = reason.name();
        values[4 + keptColumns] = message;
        values[5 + keptColumns] = raw;
        return RowFactory.create(values);
    }

    /**
     * The raw row of a reject, rebuilt from the feed's known non-personal columns only, in the
     * feed's column order; never echoed from the record. When the record has not as many fields
     * as the header (an unquoted comma shifted them), only the columns before the first personal
     * (or personal-looking) header column are kept: those cannot hold a shifted personal value.
     */
    private String raw(CSVRecord record) throws IOException {
        boolean aligned = record.size() == headerSize;
        List<String> fields = new ArrayList<>(columns.size());
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).personal()) {
                continue;
            }
            int p = positions == null ? -1 : positions[c];
            boolean safe = p >= 0 && p < record.size() && (aligned || p < firstPersonalPosition);
            fields.add(safe ? record.get(p) : "");
        }
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("").get())) {
            printer.printRecord(fields);
        }
        return out.toString();
    }

    /**
     * The parser's message, its first line, without the parser's own line and character position:
     * those count from where the parser started (a split, a restart after a broken quote), and the
     * reject names its line already.
     */
    private static String firstLine(String message) {
        if (message == null) {
            return "parse error";
        }
        int cut = message.indexOf('\n');
        return (cut < 0 ? message : message.substring(0, cut)).replaceAll("\\(startline [0-9,]+\\) ", "")
                .replaceAll(" at line: [0-9,]+, position: [0-9,]+", "");
    }

    private void close() throws IOException {
        if (parquet != null) {
            parquet.close();
            parquet = null;
        }
        if (parser != null) {
            parser.close();
            parser = null;
        }
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
