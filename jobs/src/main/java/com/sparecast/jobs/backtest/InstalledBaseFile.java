package com.sparecast.jobs.backtest;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Units in the field per (part_no, region) and bucket, from {@code installed_base.csv}
 * (CONTRACT.md: {@code part_no, country, month, units_in_field}); a {@code region} column is
 * used instead of {@code country} when present, and {@code period} instead of {@code month}, so
 * that the file can match the series of a backtest history. Rows of the same key and bucket are
 * added up.
 */
public final class InstalledBaseFile {

    private final Frequency frequency;
    private final Map<String, TreeMap<LocalDate, Double>> units;

    private InstalledBaseFile(Frequency frequency, Map<String, TreeMap<LocalDate, Double>> units) {
        this.frequency = frequency;
        this.units = units;
    }

    /**
     * Reads {@code file} (CSV, optionally gzipped) with the buckets of {@code frequency}.
     *
     * @throws DemandHistory.HistoryException on a missing column or an unreadable value
     */
    public static InstalledBaseFile read(Path file, Frequency frequency) throws IOException {
        Map<String, TreeMap<LocalDate, Double>> units = new HashMap<>();
        boolean gz = file.getFileName().toString().endsWith(".gz");
        try (Reader reader = new InputStreamReader(gz ? new GZIPInputStream(Files.newInputStream(file))
                : Files.newInputStream(file), StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                     .parse(reader)) {
            Map<String, Integer> header = parser.getHeaderMap();
            String where = header.containsKey("region") ? "region" : "country";
            String when = header.containsKey("period") ? "period" : "month";
            for (String column : new String[] {"part_no", where, when, "units_in_field"}) {
                if (!header.containsKey(column)) {
                    throw new DemandHistory.HistoryException(file + ": missing column '" + column
                            + "', the installed base needs part_no, region or country, period or month, units_in_field");
                }
            }
            for (CSVRecord r : parser) {
                long line = r.getRecordNumber() + 1;
                LocalDate date;
                try {
                    String text = r.get(when);
                    date = LocalDate.parse(text.length() == 7 ? text + "-01" : text);
                } catch (DateTimeParseException e) {
                    throw new DemandHistory.HistoryException(file + " line " + line + ", column " + when
                            + ": not an ISO date or month: '" + r.get(when) + "'");
                }
                double u;
                try {
                    u = Double.parseDouble(r.get("units_in_field"));
                } catch (NumberFormatException e) {
                    u = Double.NaN;
                }
                if (!(u >= 0) || Double.isInfinite(u)) {
                    throw new DemandHistory.HistoryException(file + " line " + line
                            + ", column units_in_field: must be a number >= 0, got '" + r.get("units_in_field") + "'");
                }
                units.computeIfAbsent(r.get("part_no") + '\u0000' + r.get(where), k -> new TreeMap<>())
                        .merge(frequency.bucketOf(date), u, Double::sum);
            }
        }
        return new InstalledBaseFile(frequency, units);
    }

    /** Number of (part_no, region) keys with an installed base. */
    public int size() {
        return units.size();
    }

    /**
     * Units in the field for {@code periods} buckets from {@code start}: the file's value where it
     * has one, else the last earlier value (a flat fleet), else 0 (unknown); null if the key has
     * no installed base at all.
     */
    public double[] unitsFor(String partNo, String region, LocalDate start, int periods) {
        TreeMap<LocalDate, Double> byBucket = units.get(partNo + '\u0000' + region);
        if (byBucket == null) {
            return null;
        }
        double[] out = new double[periods];
        for (int t = 0; t < periods; t++) {
            Map.Entry<LocalDate, Double> e = byBucket.floorEntry(frequency.plus(start, t));
            out[t] = e == null ? 0 : e.getValue();
        }
        return out;
    }
}
