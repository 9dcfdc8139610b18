package com.sparecast.jobs.storage;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The personal data of an input set, and a check that a text carries none of it. */
final class PersonalData {

    static final List<String> COLUMNS = List.of("customer_name", "customer_email", "customer_phone", "customer_address",
            "serial_no");

    private PersonalData() {
    }

    /** Every non-empty value of a personal column in the returns and failures CSV files of {@code input}. */
    static Set<String> valuesOf(Path input) throws IOException {
        Set<String> values = new TreeSet<>();
        for (String feed : List.of("returns", "failures")) {
            try (Stream<Path> files = Files.list(input.resolve(feed))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                         CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                                 .parse(reader)) {
                        for (CSVRecord record : parser) {
                            for (String column : COLUMNS) {
                                if (record.isMapped(column) && record.isSet(column) && !record.get(column).isBlank()) {
                                    values.add(record.get(column).trim());
                                }
                            }
                        }
                    }
                }
            }
        }
        return values;
    }

    /** Personal values indexed by their first {@link #PREFIX} characters, for a scan in one pass over a text. */
    static final int PREFIX = 6;

    static Map<String, List<String>> index(Set<String> personal) {
        Map<String, List<String>> index = new HashMap<>();
        for (String value : personal) {
            String key = value.length() < PREFIX ? value : value.substring(0, PREFIX);
            index.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return index;
    }

    /**
     * Fails if {@code text} contains a personal value, or, when {@code columnNames} (a Parquet
     * file, whose footer names its columns uncompressed), a personal column name.
     */
    static void assertNone(Map<String, List<String>> index, String text, String where, boolean columnNames) {
        if (columnNames) {
            for (String column : COLUMNS) {
                if (text.contains(column)) {
                    fail(where + " has the personal column " + column);
                }
            }
        }
        for (Map.Entry<String, List<String>> shortValue : index.entrySet()) {
            if (shortValue.getKey().length() < PREFIX && text.contains(shortValue.getKey())) {
                fail(where + " contains a personal value of " + shortValue.getKey().length() + " characters");
            }
        }
        for (int i = 0; i + PREFIX <= text.length(); i++) {
            List<String> candidates = index.get(text.substring(i, i + PREFIX));
            if (candidates != null) {
                for (String value : candidates) {
                    if (text.startsWith(value, i)) {
                        fail(where + " contains personal data at offset " + i + " (" + value.length()
                                + " characters, starts " + value.substring(0, 3) + "...)");
                    }
                }
            }
        }
    }
}
