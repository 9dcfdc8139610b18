package com.sparecast.jobs.generate;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One CSV file in the generator's format: UTF-8, header row, RFC 4180 quoting by Commons CSV,
 * LF line ends.
 *
 * <p>Rows are formatted into a {@link StringBuilder} and handed to the file in 256 KiB blocks:
 * printing straight into a {@code Writer} costs a locked call per field, which made writing
 * slower than generating.
 */
final class CsvFile implements Closeable {

    /** RFC 4180 quoting, LF line ends (what Spark, Commons CSV and spreadsheets all read). */
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private static final int BLOCK = 1 << 18;

    private final Writer writer;
    private final StringBuilder buffer = new StringBuilder(BLOCK + 4096);
    private final CSVPrinter printer;
    private long rows;

    CsvFile(Path folder, String name, String... header) throws IOException {
        writer = new OutputStreamWriter(Files.newOutputStream(folder.resolve(name)), StandardCharsets.UTF_8);
        printer = new CSVPrinter(buffer, FORMAT);
        printer.printRecord((Object[]) header);
    }

    /** Appends a data row. */
    void row(Object... values) {
        try {
            printer.printRecord(values);
            rows++;
            if (buffer.length() >= BLOCK) {
                drain();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Data rows written so far, header excluded. */
    long rows() {
        return rows;
    }

    private void drain() throws IOException {
        writer.append(buffer);
        buffer.setLength(0);
    }

    @Override
    public void close() throws IOException {
        drain();
        writer.close();
    }
}
