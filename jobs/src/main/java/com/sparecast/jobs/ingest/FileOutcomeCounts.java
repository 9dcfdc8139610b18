package com.sparecast.jobs.ingest;

import com.sparecast.jobs.stage.Datasets;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.util.AccumulatorV2;

/**
 * Rows accepted and rejected per input file, counted by the executors as a feed is parsed and
 * written, for the reconciliation. The write is a Spark action, so each task's counts are added
 * exactly once, a retried task's only from the attempt that succeeded. Counting here costs a
 * lookup of the row's file per row; reading the counts back from the written files cost one
 * more Spark job per feed.
 */
final class FileOutcomeCounts extends AccumulatorV2<String, Map<String, Long>> {

    private final Map<String, long[]> byFile = new TreeMap<>();
    private String lastFile;
    private long[] last;

    /** Counts one row of {@code file}, accepted or rejected. */
    void count(String file, boolean accepted) {
        if (!file.equals(lastFile)) {
            lastFile = file;
            last = byFile.computeIfAbsent(file, f -> new long[2]);
        }
        last[accepted ? 0 : 1]++;
    }

    @Override
    public boolean isZero() {
        return byFile.isEmpty();
    }

    @Override
    public FileOutcomeCounts copy() {
        FileOutcomeCounts copy = new FileOutcomeCounts();
        byFile.forEach((file, counts) -> copy.byFile.put(file, counts.clone()));
        return copy;
    }

    @Override
    public void reset() {
        byFile.clear();
        lastFile = null;
        last = null;
    }

    /** Rows are counted with {@link #count}, which is told the outcome. */
    @Override
    public void add(String file) {
        throw new UnsupportedOperationException("count(file, accepted)");
    }

    @Override
    public void merge(AccumulatorV2<String, Map<String, Long>> other) {
        ((FileOutcomeCounts) other).byFile.forEach((file, counts) -> {
            long[] mine = byFile.computeIfAbsent(file, f -> new long[2]);
            mine[0] += counts[0];
            mine[1] += counts[1];
        });
    }

    /** The counts as the reconciliation reads them, keyed by {@link #key}. */
    @Override
    public Map<String, Long> value() {
        Map<String, Long> out = new TreeMap<>();
        byFile.forEach((file, counts) -> {
            if (counts[0] > 0) {
                out.put(key(Datasets.ACCEPTED, file), counts[0]);
            }
            if (counts[1] > 0) {
                out.put(key(Datasets.REJECTED, file), counts[1]);
            }
        });
        return out;
    }

    /** The key of a file's count of rows with {@code outcome}: {@code "<outcome> <file>"}. */
    static String key(String outcome, String file) {
        return outcome + " " + file;
    }
}
