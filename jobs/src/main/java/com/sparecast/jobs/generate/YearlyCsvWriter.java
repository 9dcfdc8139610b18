package com.sparecast.jobs.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * An event feed written as one CSV file per calendar year ({@code shipments/shipments-2025.csv}),
 * rows arriving in date order so only one file is open at a time.
 */
final class YearlyCsvWriter implements Closeable {

    /** RFC 4180 quoting, LF line ends (what Spark, Commons CSV and spreadsheets all read). */
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private final Path folder;
    private final String prefix;
    private final String[] header;
    private final Map<String, Long> rowsPerFile = new LinkedHashMap<>();
    private int year = Integer.MIN_VALUE;
    private CSVPrinter printer;
    private long rows;
    private String currentName;
    private long currentRows;

    YearlyCsvWriter(Path folder, String prefix, String... header) {
        this.folder = folder;
        this.prefix = prefix;
        this.header = header;
    }

    /** The printer for the year of the next row, opening that year's file when the year changes. */
    CSVPrinter at(int rowYear) throws IOException {
        if (rowYear != year) {
            if (rowYear < year) {
                throw new IllegalStateException(prefix + " rows out of order: " + rowYear + " after " + year);
            }
            closeCurrent();
            year = rowYear;
            String name = prefix + "-" + rowYear + ".csv";
            Files.createDirectories(folder);
            printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(
                    Files.newOutputStream(folder.resolve(name)), StandardCharsets.UTF_8), 1 << 16), FORMAT);
            printer.printRecord((Object[]) header);
            currentName = folder.getFileName() + "/" + name;
            currentRows = 0;
        }
        rows++;
        currentRows++;
        return printer;
    }

    long rows() {
        return rows;
    }

    /** Data rows per file, by relative path, in the order the files were written. */
    Map<String, Long> rowsPerFile() {
        return rowsPerFile;
    }

    private void closeCurrent() throws IOException {
        if (printer != null) {
            rowsPerFile.put(currentName, currentRows);
            printer.close(true);
            printer = null;
        }
    }

    @Override
    public void close() {
        try {
            closeCurrent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
