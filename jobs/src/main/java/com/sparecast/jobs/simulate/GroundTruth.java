package com.sparecast.jobs.simulate;

import com.sparecast.jobs.simulate.DemandHistory.InvalidHistoryException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The generator's future demand ({@code ground_truth/future_demand.csv} of {@code sparecast
 * generate}: {@code part_no, region, period, expected, realised}, weekly), the path the policy is
 * simulated over with {@code simulate --ground-truth}. Every series gets the same weeks, from the
 * file's first period to its last; a week missing for a series is zero demand.
 *
 * @param start first week (Monday)
 * @param realised realised demand per week by series key ({@code part_no|region})
 */
record GroundTruth(LocalDate start, Map<String, double[]> realised) {

    /** Number of weeks. */
    int weeks() {
        return realised.isEmpty() ? 0 : realised.values().iterator().next().length;
    }

    static GroundTruth read(Path file) throws IOException, InvalidHistoryException {
        Map<String, TreeMap<LocalDate, Double>> rows = new TreeMap<>();
        LocalDate first = null;
        LocalDate last = null;
        long line = 1;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                     .setIgnoreSurroundingSpaces(true).get().parse(reader)) {
            for (String column : List.of("part_no", "region", "period", "realised")) {
                if (!csv.getHeaderMap().containsKey(column)) {
                    throw new InvalidHistoryException(file + ": missing column " + column
                            + " (need part_no, region, period, realised)");
                }
            }
            for (CSVRecord row : csv) {
                line = csv.getCurrentLineNumber();
                LocalDate week;
                double q;
                try {
                    week = LocalDate.parse(row.get("period"));
                    q = Double.parseDouble(row.get("realised"));
                } catch (DateTimeParseException | NumberFormatException e) {
                    throw new InvalidHistoryException(file + " line " + line + ": period must be an ISO date and"
                            + " realised a number: " + e.getMessage());
                }
                if (week.getDayOfWeek() != DayOfWeek.MONDAY || !(q >= 0) || Double.isInfinite(q)) {
                    throw new InvalidHistoryException(file + " line " + line
                            + ": period must be a Monday and realised finite and >= 0");
                }
                rows.computeIfAbsent(row.get("part_no") + "|" + row.get("region"), k -> new TreeMap<>())
                        .merge(week, q, Double::sum);
                first = first == null || week.isBefore(first) ? week : first;
                last = last == null || week.isAfter(last) ? week : last;
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidHistoryException(file + " near line " + line + ": not a valid row: " + e.getMessage());
        }
        Map<String, double[]> out = new TreeMap<>();
        if (first != null) {
            int n = (int) ChronoUnit.WEEKS.between(first, last) + 1;
            for (Map.Entry<String, TreeMap<LocalDate, Double>> e : rows.entrySet()) {
                double[] path = new double[n];
                for (Map.Entry<LocalDate, Double> w : e.getValue().entrySet()) {
                    path[(int) ChronoUnit.WEEKS.between(first, w.getKey())] = w.getValue();
                }
                out.put(e.getKey(), path);
            }
        }
        return new GroundTruth(first, out);
    }
}
