package com.sparecast.jobs.input;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Units in the field per (part_no, region) and bucket, from {@code installed_base.csv}
 * (CONTRACT.md: {@code part_no, country, month, units_in_field}); a {@code region} column is
 * used instead of {@code country} when present, and {@code period} instead of {@code month}, so
 * that the file can match the series of a backtest history. Rows of the same key and bucket are
 * added up. Read with the rules of every long-format file ({@link LongFormatCsv}).
 */
public final class InstalledBaseFile {

    private final Frequency frequency;
    private final Map<String, TreeMap<LocalDate, Double>> units;

    private InstalledBaseFile(Frequency frequency, Map<String, TreeMap<LocalDate, Double>> units) {
        this.frequency = frequency;
        this.units = units;
    }

    /**
     * Reads {@code file} (CSV, plain or gzip) with the buckets of {@code frequency}: each row's
     * date (ISO date, or {@code YYYY-MM} for a month) goes to the bucket that holds it.
     *
     * @throws InputFileException on a missing column or an unreadable value
     */
    public static InstalledBaseFile read(Path file, Frequency frequency) throws IOException {
        Map<String, TreeMap<LocalDate, Double>> units = new HashMap<>();
        String[] columns = new String[2];
        LongFormatCsv.read(file, header -> {
            columns[0] = header.contains("region") ? "region" : "country";
            columns[1] = header.contains("period") ? "period" : "month";
            return List.of("part_no", columns[0], columns[1], "units_in_field");
        }, (r, line) -> {
            String when = columns[1];
            LocalDate date;
            try {
                String text = r.get(when);
                date = LocalDate.parse(text.length() == 7 ? text + "-01" : text);
            } catch (DateTimeParseException e) {
                throw new InputFileException(file + " line " + line + ", column " + when
                        + ": not an ISO date or month: '" + r.get(when) + "'");
            }
            double u = LongFormatCsv.quantity(file, line, r, "units_in_field");
            units.computeIfAbsent(r.get("part_no") + '\u0000' + r.get(columns[0]), k -> new TreeMap<>())
                    .merge(frequency.bucketOf(date), u, Double::sum);
        });
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
