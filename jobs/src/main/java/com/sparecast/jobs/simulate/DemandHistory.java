package com.sparecast.jobs.simulate;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A demand history in the long format of CONTRACT.md ("Backtest history file"):
 * {@code part_no, region, period, quantity}, one row per series and period, {@code period} the
 * first day of the bucket (ISO week Monday, or first of the month). Plain or gzip-compressed
 * (detected from the content). Rows of the same series and period add up; missing buckets
 * between a series' first and last period are zero demand.
 */
final class DemandHistory {

    /** One series, its demand per period from its first to its last period. */
    record Series(String partNo, String region, LocalDate first, double[] demand) {

        String key() {
            return partNo + "|" + region;
        }
    }

    /** A problem with the file, naming the line. */
    static final class InvalidHistoryException extends Exception {

        private static final long serialVersionUID = 1L;

        InvalidHistoryException(String message) {
            super(message);
        }
    }

    private static final LocalDate EPOCH_MONDAY = LocalDate.of(1970, 1, 5);

    private DemandHistory() {
    }

    /** Reads {@code file}: series sorted by part number, then region. */
    static List<Series> read(Path file, Frequency frequency) throws IOException, InvalidHistoryException {
        Map<String, TreeMap<Long, Double>> buckets = new TreeMap<>();
        Map<String, String[]> keys = new TreeMap<>();
        long line = 1;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
             Reader reader = new InputStreamReader(gunzipIfNeeded(raw), StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                     .setIgnoreSurroundingSpaces(true).get().parse(reader)) {
            for (String column : List.of("part_no", "region", "period", "quantity")) {
                if (!csv.getHeaderMap().containsKey(column)) {
                    throw new InvalidHistoryException(file + ": missing column " + column
                            + " (need part_no, region, period, quantity)");
                }
            }
            for (CSVRecord row : csv) {
                line = csv.getCurrentLineNumber();
                String part = row.get("part_no");
                String region = row.get("region");
                if (part.isEmpty() || region.isEmpty()) {
                    throw new InvalidHistoryException(file + " line " + line + ": part_no and region are required");
                }
                long index = index(row.get("period"), frequency, file, line);
                double quantity;
                try {
                    quantity = Double.parseDouble(row.get("quantity"));
                } catch (NumberFormatException e) {
                    throw new InvalidHistoryException(file + " line " + line + ", column quantity: not a number: "
                            + row.get("quantity"));
                }
                if (!(quantity >= 0) || Double.isInfinite(quantity)) {
                    throw new InvalidHistoryException(file + " line " + line + ", column quantity: must be >= 0, got "
                            + row.get("quantity"));
                }
                String key = part + "|" + region;
                keys.putIfAbsent(key, new String[] {part, region});
                buckets.computeIfAbsent(key, k -> new TreeMap<>()).merge(index, quantity, Double::sum);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidHistoryException(file + " near line " + line + ": not a valid history row: "
                    + e.getMessage());
        }
        List<Series> out = new ArrayList<>(buckets.size());
        for (Map.Entry<String, TreeMap<Long, Double>> e : buckets.entrySet()) {
            TreeMap<Long, Double> b = e.getValue();
            long first = b.firstKey();
            double[] demand = new double[(int) (b.lastKey() - first + 1)];
            b.forEach((i, q) -> demand[(int) (i - first)] = q);
            String[] k = keys.get(e.getKey());
            out.add(new Series(k[0], k[1], date(first, frequency), demand));
        }
        return out;
    }

    private static InputStream gunzipIfNeeded(InputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in) : in;
    }

    private static long index(String period, Frequency frequency, Path file, long line) throws InvalidHistoryException {
        LocalDate date;
        try {
            date = LocalDate.parse(period);
        } catch (DateTimeParseException e) {
            throw new InvalidHistoryException(file + " line " + line + ", column period: not an ISO date: " + period);
        }
        if (frequency == Frequency.WEEK) {
            if (date.getDayOfWeek() != DayOfWeek.MONDAY) {
                throw new InvalidHistoryException(file + " line " + line + ", column period: " + period
                        + " is not a Monday (weekly buckets start on the ISO week's Monday)");
            }
            return ChronoUnit.WEEKS.between(EPOCH_MONDAY, date);
        }
        if (date.getDayOfMonth() != 1) {
            throw new InvalidHistoryException(file + " line " + line + ", column period: " + period
                    + " is not the first of a month (monthly buckets)");
        }
        return date.getYear() * 12L + date.getMonthValue() - 1;
    }

    private static LocalDate date(long index, Frequency frequency) {
        return frequency == Frequency.WEEK
                ? EPOCH_MONDAY.plusWeeks(index)
                : LocalDate.of((int) Math.floorDiv(index, 12), (int) Math.floorMod(index, 12) + 1, 1);
    }

    /** Bucket size of the history. */
    enum Frequency {
        WEEK(52),
        MONTH(12);

        private final int periodsPerYear;

        Frequency(int periodsPerYear) {
            this.periodsPerYear = periodsPerYear;
        }

        int periodsPerYear() {
            return periodsPerYear;
        }
    }
}
