package com.sparecast.jobs.generate;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event feed written as one CSV file per calendar year ({@code shipments/shipments-2025.csv},
 * or {@code shipments-2025-p2.csv} for a partition), rows arriving in date order so only one
 * file is open at a time.
 */
final class YearlyCsvWriter implements Closeable {

    private final Path folder;
    private final String prefix;
    private final String suffix;
    private final String[] header;
    private final Map<String, Long> rowsPerFile = new LinkedHashMap<>();
    private int year = Integer.MIN_VALUE;
    private CsvFile file;
    private String fileName;
    private long rows;

    YearlyCsvWriter(Path folder, String prefix, String suffix, String... header) {
        this.folder = folder;
        this.prefix = prefix;
        this.suffix = suffix;
        this.header = header;
    }

    /** Writes one row into the file of its year, opening that year's file when the year changes. */
    void print(int rowYear, Object... values) throws IOException {
        if (rowYear != year) {
            if (rowYear < year) {
                throw new IllegalStateException(prefix + " rows out of order: " + rowYear + " after " + year);
            }
            closeCurrent();
            year = rowYear;
            String name = prefix + "-" + rowYear + suffix + ".csv";
            Files.createDirectories(folder);
            file = new CsvFile(folder, name, header);
            fileName = folder.getFileName() + "/" + name;
        }
        rows++;
        file.row(values);
    }

    long rows() {
        return rows;
    }

    /** Data rows per file, by relative path, in the order the files were written. */
    Map<String, Long> rowsPerFile() {
        return rowsPerFile;
    }

    private void closeCurrent() throws IOException {
        if (file != null) {
            file.close();
            rowsPerFile.put(fileName, file.rows());
            file = null;
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
