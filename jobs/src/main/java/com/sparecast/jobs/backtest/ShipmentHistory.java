package com.sparecast.jobs.backtest;

import com.sparecast.models.inventory.SupersessionChains;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The weekly demand history of an input folder, in the long format of CONTRACT.md ("Backtest
 * history file"): what the nightly job's {@code aggregateDemand} step computes, without Spark,
 * for {@code sparecast backtest}, {@code forecast} and {@code simulate}.
 *
 * <ul>
 *   <li>Reads {@code shipments/*.csv} (ship_date, part_no, country, quantity), maps the country to
 *       its region with {@code master/regions.csv} and the part to the last part of its
 *       supersession chain with {@code master/parts.csv}'s {@code superseded_by}
 *       ({@link SupersessionChains}; parts in a loop keep their own number).</li>
 *   <li>Buckets by ISO week (the Monday); a timestamp with an offset is bucketed by its UTC date.</li>
 *   <li>Keeps only complete weeks before the planning date: a week counts if its Sunday is
 *       before {@code planningDate}. Rows on or after the planning date are dropped.</li>
 *   <li>Rows with an unknown country, a blank part, a date or quantity that does not parse, or a
 *       quantity that is not a positive whole number are skipped and counted (the ingest step
 *       rejects the same rows), never guessed.</li>
 * </ul>
 * The output is sorted by part_no, region, period, one row per non-zero bucket; missing buckets
 * are zero demand by the contract.
 */
public final class ShipmentHistory {

    /** Counts of one conversion. */
    public record Counts(long rowsRead, long rowsUsed, long rowsSkipped, long rowsAfterLastCompleteWeek,
                         int series, int buckets, LocalDate firstWeek, LocalDate lastWeek) {
    }

    private final Map<String, TreeMap<LocalDate, Long>> buckets = new TreeMap<>();
    private final Map<String, String> regionOf;
    private final SupersessionChains chains;
    private final LocalDate planningDate;
    private long read;
    private long used;
    private long skipped;
    private long late;

    private ShipmentHistory(Map<String, String> regionOf, SupersessionChains chains, LocalDate planningDate) {
        this.regionOf = regionOf;
        this.chains = chains;
        this.planningDate = planningDate;
    }

    /**
     * Converts the input folder {@code input} and writes the history to {@code output}.
     *
     * @param planningDate the planning date; null means the day after the last ship date read
     * @throws IllegalArgumentException if a master file or column is missing, or there are no shipment files
     */
    public static Counts convert(Path input, LocalDate planningDate, Path output) throws IOException {
        Map<String, String> regions = new HashMap<>();
        for (CSVRecord r : readAll(input.resolve("master/regions.csv"), List.of("country", "region"))) {
            regions.put(r.get("country").trim(), r.get("region").trim());
        }
        Map<String, String> next = new HashMap<>();
        for (CSVRecord r : readAll(input.resolve("master/parts.csv"), List.of("part_no"))) {
            String succ = r.isMapped("superseded_by") ? r.get("superseded_by").trim() : "";
            next.put(r.get("part_no").trim(), succ);
        }
        List<Path> files = new ArrayList<>();
        Path dir = input.resolve("shipments");
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.csv")) {
                ds.forEach(files::add);
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(dir + ": no shipment files (*.csv)");
        }
        files.sort(null);
        ShipmentHistory h = new ShipmentHistory(regions, SupersessionChains.of(next), planningDate);
        LocalDate lastDate = null;
        List<Row> rows = new ArrayList<>();
        for (Path f : files) {
            lastDate = h.collect(f, rows, lastDate);
        }
        LocalDate date = planningDate != null ? planningDate : (lastDate == null ? LocalDate.MAX : lastDate.plusDays(1));
        for (Row r : rows) {
            h.add(r, date);
        }
        return h.write(output);
    }

    private record Row(String part, String region, LocalDate day, long quantity) {
    }

    private LocalDate collect(Path file, List<Row> rows, LocalDate lastDate) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = parser(reader, file, List.of("ship_date", "part_no", "country", "quantity"))) {
            for (CSVRecord r : csv) {
                read++;
                if (!r.isConsistent()) {
                    skipped++;
                    continue;
                }
                String part = r.get("part_no").trim();
                String region = regionOf.get(r.get("country").trim());
                LocalDate day = day(r.get("ship_date").trim());
                long quantity = quantity(r.get("quantity").trim());
                if (part.isEmpty() || region == null || day == null || quantity <= 0) {
                    skipped++;
                    continue;
                }
                String last = chains.inLoop(part) ? part : chains.lastOf(part);
                rows.add(new Row(last == null ? part : last, region, day, quantity));
                if (lastDate == null || day.isAfter(lastDate)) {
                    lastDate = day;
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new IllegalArgumentException(file + ": not a valid CSV file: " + e.getMessage(), e);
        }
        return lastDate;
    }

    private void add(Row r, LocalDate date) {
        LocalDate monday = r.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (r.day().isBefore(date) && monday.plusDays(6).isBefore(date)) {
            used++;
            buckets.computeIfAbsent(r.part() + "\u0000" + r.region(), k -> new TreeMap<>())
                    .merge(monday, r.quantity(), Long::sum);
        } else {
            late++;
        }
    }

    private Counts write(Path output) throws IOException {
        int n = 0;
        LocalDate first = null;
        LocalDate last = null;
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8));
             CSVPrinter out = CSVFormat.RFC4180.builder().setRecordSeparator('\n')
                     .setHeader("part_no", "region", "period", "quantity").get().print(w)) {
            for (Map.Entry<String, TreeMap<LocalDate, Long>> e : buckets.entrySet()) {
                String[] key = e.getKey().split("\u0000", 2);
                for (Map.Entry<LocalDate, Long> b : e.getValue().entrySet()) {
                    out.printRecord(key[0], key[1], b.getKey(), b.getValue());
                    n++;
                    first = first == null || b.getKey().isBefore(first) ? b.getKey() : first;
                    last = last == null || b.getKey().isAfter(last) ? b.getKey() : last;
                }
            }
        }
        return new Counts(read, used, skipped, late, buckets.size(), n, first, last);
    }

    private static LocalDate day(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text);
            }
            return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static long quantity(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static CSVParser parser(Reader reader, Path file, List<String> required) throws IOException {
        CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setAllowMissingColumnNames(true).get().parse(reader);
        for (String c : required) {
            if (!csv.getHeaderMap().containsKey(c)) {
                csv.close();
                throw new IllegalArgumentException(file + ": missing column " + c);
            }
        }
        return csv;
    }

    private static List<CSVRecord> readAll(Path file, List<String> required) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = parser(reader, file, required)) {
            return csv.getRecords();
        }
    }
}
