package com.sparecast.jobs.backtest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A long-format demand history ({@code part_no, region, period, quantity}, CSV, optionally
 * gzipped) as one dense series per (part_no, region).
 *
 * <p>Each quantity is added to the bucket that holds its period; a series runs from its first
 * bucket to the last bucket of the whole file, and missing buckets are zero demand. Series are
 * sorted by part_no then region, so the output does not depend on the row order.
 *
 * @param frequency the bucket
 * @param start first bucket of the file
 * @param end last bucket of the file
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
     * @param demand demand per bucket from {@code start}, oldest first
     */
    public record SeriesData(String partNo, String region, LocalDate start, double[] demand) {
    }

    /** A history file that cannot be read: the message names the file, line and column. */
    public static final class HistoryException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HistoryException(String message) {
            super(message);
        }
    }

    /**
     * Reads {@code file}; {@code frequency} may be null to infer it from the periods.
     *
     * @throws HistoryException on a missing column or an unreadable value
     * @throws IOException when the file cannot be read
     */
    public static DemandHistory read(Path file, Frequency frequency) throws IOException {
        record Row(String part, String region, LocalDate period, double quantity) {
        }
        List<Row> rows = new ArrayList<>();
        try (Reader reader = new InputStreamReader(open(file), StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                     .setTrim(true).get().parse(reader)) {
            for (String column : REQUIRED) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new HistoryException(file + ": missing column '" + column + "', the history needs "
                            + String.join(", ", REQUIRED));
                }
            }
            for (CSVRecord r : parser) {
                long line = r.getRecordNumber() + 1;
                String part = r.get("part_no");
                String region = r.get("region");
                if (part.isEmpty()) {
                    throw new HistoryException(file + " line " + line + ", column part_no: empty");
                }
                LocalDate period;
                try {
                    period = LocalDate.parse(r.get("period"));
                } catch (DateTimeParseException e) {
                    throw new HistoryException(file + " line " + line + ", column period: not an ISO date: '"
                            + r.get("period") + "'");
                }
                double quantity;
                try {
                    quantity = Double.parseDouble(r.get("quantity"));
                } catch (NumberFormatException e) {
                    throw new HistoryException(file + " line " + line + ", column quantity: not a number: '"
                            + r.get("quantity") + "'");
                }
                if (!(quantity >= 0) || Double.isInfinite(quantity)) {
                    throw new HistoryException(file + " line " + line + ", column quantity: must be finite and >= 0, got "
                            + r.get("quantity"));
                }
                rows.add(new Row(part, region, period, quantity));
            }
        }
        if (rows.isEmpty()) {
            throw new HistoryException(file + ": no rows");
        }
        Frequency f = frequency;
        if (f == null) {
            List<LocalDate> periods = new ArrayList<>(rows.size());
            for (Row r : rows) {
                periods.add(r.period());
            }
            f = Frequency.infer(periods);
        }
        LocalDate start = null;
        LocalDate end = null;
        Map<String, LocalDate> firstOf = new HashMap<>();
        for (Row r : rows) {
            LocalDate b = f.bucketOf(r.period());
            start = start == null || b.isBefore(start) ? b : start;
            end = end == null || b.isAfter(end) ? b : end;
            firstOf.merge(key(r.part(), r.region()), b, (a, c) -> a.isBefore(c) ? a : c);
        }
        TreeMap<String, double[]> dense = new TreeMap<>();
        Map<String, String[]> names = new HashMap<>();
        for (Row r : rows) {
            String k = key(r.part(), r.region());
            LocalDate first = firstOf.get(k);
            double[] d = dense.computeIfAbsent(k, x -> new double[0]);
            if (d.length == 0) {
                d = new double[f.between(first, end) + 1];
                dense.put(k, d);
                names.put(k, new String[] {r.part(), r.region()});
            }
            d[f.between(first, f.bucketOf(r.period()))] += r.quantity();
        }
        List<SeriesData> series = new ArrayList<>(dense.size());
        for (Map.Entry<String, double[]> e : dense.entrySet()) {
            String[] n = names.get(e.getKey());
            series.add(new SeriesData(n[0], n[1], firstOf.get(e.getKey()), e.getValue()));
        }
        return new DemandHistory(f, start, end, List.copyOf(series));
    }

    private static String key(String part, String region) {
        return part + '\u0000' + region;
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
