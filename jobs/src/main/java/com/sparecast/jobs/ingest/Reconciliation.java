package com.sparecast.jobs.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rows read, accepted and rejected per feed and file. Every row read is either accepted or
 * rejected, so {@code read == accepted + rejected} holds per file and per feed.
 */
public record Reconciliation(Map<String, FeedCounts> feeds) {

    /**
     * Counts of one file, with a warning when the file gave no rows ({@code empty file},
     * {@code header only}), absent from the JSON otherwise.
     */
    public record FileCounts(String file, long read, long accepted, long rejected,
                             @com.fasterxml.jackson.annotation.JsonInclude(
                                     com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String warning) {

        @com.fasterxml.jackson.annotation.JsonCreator
        public FileCounts {
        }

        public FileCounts(String file, long read, long accepted, long rejected) {
            this(file, read, accepted, rejected, null);
        }
    }

    /** Counts of one feed: its totals and its files. */
    public record FeedCounts(long read, long accepted, long rejected, List<FileCounts> files) {

        public static FeedCounts of(List<FileCounts> files) {
            long accepted = files.stream().mapToLong(FileCounts::accepted).sum();
            long rejected = files.stream().mapToLong(FileCounts::rejected).sum();
            return new FeedCounts(accepted + rejected, accepted, rejected, List.copyOf(files));
        }

        /** Rejected share of the rows read; 0 for an empty feed. */
        public double rejectedShare() {
            return read == 0 ? 0 : (double) rejected / read;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public Reconciliation {
        feeds = new TreeMap<>(feeds);
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), this);
    }

    public static Reconciliation read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Reconciliation.class);
    }
}
