package com.sparecast.jobs.input;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rules every long-format file (history, installed base, ground truth) is read with: CSV
 * (RFC 4180, header row, UTF-8), plain or gzip-compressed (detected from the content, not the
 * name), values trimmed, every row as long as the header; an error names the file, the row's
 * line and the column.
 */
final class LongFormatCsv {

    /** Receives each row with its line (the header is line 1). */
    @FunctionalInterface
    interface RowReader {
        void row(CSVRecord row, long line);
    }

    private LongFormatCsv() {
    }

    /**
     * Reads {@code file}: {@code required} chooses the required columns from the header names
     * (a file may name a column in one of two ways) and {@code rows} receives every row.
     *
     * @throws InputFileException on a missing column or a row that is not valid CSV or too short
     */
    static void read(Path file, java.util.function.Function<Set<String>, List<String>> required, RowReader rows)
            throws IOException {
        long line = 2;
        try (InputStream in = gunzipIfNeeded(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
             CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                     .get().parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Set<String> header = csv.getHeaderMap().keySet();
            List<String> columns = required.apply(header);
            for (String column : columns) {
                if (!header.contains(column)) {
                    throw new InputFileException(file + ": missing column '" + column + "' (needs "
                            + String.join(", ", columns) + ")");
                }
            }
            line = csv.getCurrentLineNumber() + 1;
            for (CSVRecord row : csv) {
                for (String column : columns) {
                    if (!row.isSet(column)) {
                        throw new InputFileException(file + " line " + line + ": the row has " + row.size()
                                + " values, no " + column);
                    }
                }
                rows.row(row, line);
                line = csv.getCurrentLineNumber() + 1;
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new InputFileException(file + " line " + line + ": not valid CSV: " + e.getMessage());
        }
    }

    /** {@code column}'s value as an ISO date. */
    static LocalDate date(Path file, long line, CSVRecord row, String column) {
        try {
            return LocalDate.parse(row.get(column));
        } catch (DateTimeParseException e) {
            throw new InputFileException(file + " line " + line + ", column " + column + ": not an ISO date: '"
                    + row.get(column) + "'");
        }
    }

    /** {@code column}'s value as a finite number {@code >= 0}. */
    static double quantity(Path file, long line, CSVRecord row, String column) {
        double value;
        try {
            value = Double.parseDouble(row.get(column));
        } catch (NumberFormatException e) {
            throw new InputFileException(file + " line " + line + ", column " + column + ": not a number: '"
                    + row.get(column) + "'");
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InputFileException(file + " line " + line + ", column " + column
                    + ": must be finite and >= 0, got '" + row.get(column) + "'");
        }
        return value;
    }

    /** {@code column}'s value, not empty. */
    static String text(Path file, long line, CSVRecord row, String column) {
        String value = row.get(column);
        if (value.isEmpty()) {
            throw new InputFileException(file + " line " + line + ", column " + column + ": empty");
        }
        return value;
    }

    private static InputStream gunzipIfNeeded(InputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
