package com.sparecast.jobs.publish;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A CSV output file that is safe to open in a spreadsheet: a text cell starting with {@code =},
 * {@code +}, {@code -}, {@code @}, tab or carriage return gets a leading {@code '} so it is never
 * run as a formula. Numbers are written the same way on every machine (up to 4 decimals, no
 * exponent), so two runs on the same inputs give the same bytes.
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

    /** The text of one cell. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return number(d);
        }
        if (value instanceof Float f) {
            return number(f.doubleValue());
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        return safeText(value.toString());
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

    /** Up to 4 decimals, trailing zeros removed, never an exponent. */
    public static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0";
        }
        return rounded.toPlainString();
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
