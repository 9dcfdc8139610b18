package com.sparecast.jobs.input;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A demand history in the long format (README, "The history file"): {@code part_no, region,
 * period, quantity}, one row per series and period, plain or gzip-compressed, read by
 * {@code backtest}, {@code forecast} and {@code simulate} with one set of rules:
 *
 * <ul>
 *   <li>{@code part_no} and {@code region} are required; a series is (part_no, region).</li>
 *   <li>{@code period} is the first day of its bucket: the ISO week's Monday, or the first of
 *       the month. Any other date is an error naming the line, never moved to a bucket, so that
 *       a monthly file read as weekly (or the reverse) fails instead of being re-bucketed. The
 *       frequency is given, or inferred from the periods ({@link Frequency#infer}).</li>
 *   <li>{@code quantity} is a finite number {@code >= 0}; rows of the same series and period
 *       add up.</li>
 *   <li>Every series runs from its own first period to the last period of the file: a bucket
 *       without a row, between or after a series' periods, is zero demand. A file lists the
 *       buckets with demand only (as {@code sparecast history} writes it), so a part that stopped
 *       selling has zeros up to the end, as a nightly run would see it.</li>
 * </ul>
 * Series are sorted by part_no then region, so the result does not depend on the row order.
 * A file with a header and no rows is an empty history.
 *
 * @param frequency the bucket
 * @param start first bucket of the file; null when it has no rows
 * @param end last bucket of the file; null when it has no rows
 * @param series the series, sorted by key
 */
public record DemandHistory(Frequency frequency, LocalDate start, LocalDate end, List<SeriesData> series) {

    /** Columns the file must have. */
    public static final List<String> REQUIRED = List.of("part_no", "region", "period", "quantity");

    /**
     * One series.
     *
     * @param partNo part number
     * @param region region
     * @param start first bucket of the series
     * @param demand demand per bucket from {@code start} to the file's last bucket, oldest first
     */
    public record SeriesData(String partNo, String region, LocalDate start, double[] demand) {

        /** {@code part_no|region}. */
        public String key() {
            return partNo + "|" + region;
        }
    }

    /**
     * Reads {@code file}; {@code frequency} may be null to infer it from the periods.
     *
     * @throws InputFileException on a missing column or a value that breaks a rule above
     * @throws IOException when the file cannot be read
     */
    public static DemandHistory read(Path file, Frequency frequency) throws IOException {
        record Row(long line, String part, String region, LocalDate period, double quantity) {
        }
        List<Row> rows = new ArrayList<>();
        LongFormatCsv.read(file, header -> REQUIRED, (r, line) -> rows.add(new Row(line,
                LongFormatCsv.text(file, line, r, "part_no"), LongFormatCsv.text(file, line, r, "region"),
                LongFormatCsv.date(file, line, r, "period"), LongFormatCsv.quantity(file, line, r, "quantity"))));
        Frequency f = frequency != null ? frequency : Frequency.infer(rows.stream().map(Row::period).toList());
        TreeMap<String, TreeMap<LocalDate, Double>> byKey = new TreeMap<>();
        Map<String, String[]> names = new TreeMap<>();
        LocalDate start = null;
        LocalDate end = null;
        for (Row r : rows) {
            if (!f.isBucketStart(r.period())) {
                throw new InputFileException(file + " line " + r.line() + ", column period: " + r.period()
                        + " is not the first day of a " + f.label() + " (" + (f == Frequency.WEEK ? "a Monday"
                        : "the first of a month") + ")" + (frequency == null ? "; the frequency was inferred as "
                        + f.label() + ", give --frequency if that is wrong" : ""));
            }
            String key = r.part() + '\u0000' + r.region();
            names.putIfAbsent(key, new String[] {r.part(), r.region()});
            byKey.computeIfAbsent(key, k -> new TreeMap<>()).merge(r.period(), r.quantity(), Double::sum);
            start = start == null || r.period().isBefore(start) ? r.period() : start;
            end = end == null || r.period().isAfter(end) ? r.period() : end;
        }
        List<SeriesData> series = new ArrayList<>(byKey.size());
        for (Map.Entry<String, TreeMap<LocalDate, Double>> e : byKey.entrySet()) {
            LocalDate first = e.getValue().firstKey();
            double[] demand = new double[f.between(first, end) + 1];
            e.getValue().forEach((period, q) -> demand[f.between(first, period)] = q);
            String[] n = names.get(e.getKey());
            series.add(new SeriesData(n[0], n[1], first, demand));
        }
        return new DemandHistory(f, start, end, List.copyOf(series));
    }
}
