package com.sparecast.jobs.format;

import java.util.Locale;

/**
 * How the application writes numbers in its outputs (CSV files, report pages, customs documents,
 * JSON results), locale-free so that two runs on the same inputs give the same bytes. Each
 * method is one meaning; a writer picks the meaning, never its own format string.
 */
public final class Numbers {

    private Numbers() {
    }

    /**
     * An accuracy statistic in the backtest's JSON: 6 significant digits, trailing zeros removed
     * ({@code 0.812345}, {@code 1.5}, {@code 2.0}, {@code 1.2e-07}); null for NaN and infinities.
     */
    public static String significant(double value) {
        if (!Double.isFinite(value)) {
            return null;
        }
        return String.format(Locale.ROOT, "%.6g", value).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2")
                .replace(".e", "e").replaceAll("\\.$", ".0");
    }

    /** A value in full precision: Java's shortest round-tripping form; null for NaN and infinities. */
    public static String exact(double value) {
        return Double.isFinite(value) ? Double.toString(value) : null;
    }
}
