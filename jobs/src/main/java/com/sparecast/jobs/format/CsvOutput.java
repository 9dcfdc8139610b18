package com.sparecast.jobs.format;

import com.sparecast.jobs.format.Numbers;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A CSV output file that is safe to open in a spreadsheet: a text cell starting with {@code =},
 * {@code +}, {@code -}, {@code @}, tab or carriage return gets a leading {@code '} so it is never
 * run as a formula. Numbers are written by {@link Numbers#text}, the same way on every machine,
 * so two runs on the same inputs give the same bytes.
 */
public final class CsvOutput implements Closeable {

    private final CSVPrinter printer;
    private long rows;

    private CsvOutput(CSVPrinter printer) {
        this.printer = printer;
    }

    /**
     * Opens {@code file} and writes the header. With {@code byteOrderMark}, the file starts with
     * a UTF-8 BOM so spreadsheets detect the encoding.
     */
    public static CsvOutput open(Path file, List<String> header, boolean byteOrderMark) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        if (byteOrderMark) {
            writer.write('\uFEFF');
        }
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get());
        printer.printRecord(header);
        return new CsvOutput(printer);
    }

    public void write(List<?> values) throws IOException {
        Object[] cells = new Object[values.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cell(values.get(i));
        }
        printer.printRecord(cells);
        rows++;
    }

    /** Data rows written so far. */
    public long rows() {
        return rows;
    }

    /** The text of one cell: {@link Numbers#text}, text guarded by {@link #safeText}. */
    public static String cell(Object value) {
        String text = Numbers.text(value);
        return value instanceof Number || value instanceof Boolean ? text : safeText(text);
    }

    /** {@code text}, with a leading {@code '} when a spreadsheet would read it as a formula. */
    public static String safeText(String text) {
        if (!text.isEmpty()) {
            char first = text.charAt(0);
            if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
                return "'" + text;
            }
        }
        return text;
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
