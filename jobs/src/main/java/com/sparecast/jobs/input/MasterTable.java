package com.sparecast.jobs.input;

import com.sparecast.jobs.storage.Storage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A small master-data CSV read on the driver: its rows with line numbers, after checking that
 * the file exists and has its required columns.
 */
public final class MasterTable {

    /** One row: its physical line and its values by column name. */
    public record MasterRow(long line, Map<String, String> values) {

        /** The trimmed value, {@code ""} when absent. */
        public String get(String column) {
            String value = values.get(column);
            return value == null ? "" : value.trim();
        }
    }

    private final String path;
    private final List<String> header;
    private final List<MasterRow> rows;

    private MasterTable(String path, List<String> header, List<MasterRow> rows) {
        this.path = path;
        this.header = header;
        this.rows = rows;
    }

    /** A table read some other way (a Parquet file's rows, the position in the file as the line). */
    public static MasterTable of(String path, List<String> header, List<MasterRow> rows) {
        return new MasterTable(path, List.copyOf(header), List.copyOf(rows));
    }

    /** The column names of the file, in order. */
    public List<String> header() {
        return header;
    }

    public String path() {
        return path;
    }

    public List<MasterRow> rows() {
        return rows;
    }

    /**
     * Reads {@code <folder>/<name>.csv} ({@code <name>.csv} when {@code folder} is empty).
     *
     * @return the table, or {@code null} if the file is absent and {@code required} is false
     * @throws MasterDataException if a required file is absent or lacks a required column
     */
    public static MasterTable read(Storage storage, String folder, String name, List<String> requiredColumns,
                                   boolean required) throws IOException {
        String path = (folder.isEmpty() ? "" : folder + "/") + name + ".csv";
        if (!storage.exists(path)) {
            if (required) {
                throw new MasterDataException("Required master data file " + path + " is missing in " + storage.location());
            }
            return null;
        }
        List<MasterRow> rows = new ArrayList<>();
        List<String> header;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(storage.open(path), StandardCharsets.UTF_8));
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                     .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get().parse(reader)) {
            header = parser.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "").trim()).toList();
            for (String column : requiredColumns) {
                if (!header.contains(column)) {
                    throw new MasterDataException(storage.location() + "/" + path + " line 1: required column "
                            + column + " is missing (found " + header + ")");
                }
            }
            long line = parser.getCurrentLineNumber() + 1;
            for (CSVRecord record : parser) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < Math.min(header.size(), record.size()); i++) {
                    values.put(header.get(i), record.get(i));
                }
                rows.add(new MasterRow(line, values));
                line = parser.getCurrentLineNumber() + 1;
            }
        } catch (java.io.UncheckedIOException e) {
            throw new MasterDataException(storage.location() + "/" + path + ": not valid CSV: " + e.getMessage());
        }
        return new MasterTable(path, header, rows);
    }
}
