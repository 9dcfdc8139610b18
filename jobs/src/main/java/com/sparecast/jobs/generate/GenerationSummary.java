package com.sparecast.jobs.generate;

import java.time.LocalDate;
import java.util.Map;

/**
 * What a generation wrote: the parameters, the history window, and the row counts per file
 * (relative path to data rows, header excluded, sorted by path).
 */
public record GenerationSummary(String profile, long seed, LocalDate end, LocalDate historyStart,
                                LocalDate historyEnd, int weeks, int parts, int series, int seriesWithHistory,
                                long shipments, long failures, long returns, Map<String, Long> rowsPerFile) {

    /** Rows of the three event feeds together. */
    public long eventRows() {
        return shipments + failures + returns;
    }
}
