package com.sparecast.jobs.input;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The generator's future demand ({@code ground_truth/future_demand.csv} of {@code sparecast
 * generate}: {@code part_no, region, period, expected, realised}, weekly), the path the policy is
 * simulated over with {@code simulate --ground-truth}. Read with the rules of every long-format
 * file ({@link LongFormatCsv}); {@code period} must be a Monday. Every series gets the same
 * weeks, from the file's first period to its last; a week missing for a series is zero demand.
 *
 * @param start first week (Monday); null when the file has no rows
 * @param realised realised demand per week by series key ({@code part_no|region})
 */
public record GroundTruth(LocalDate start, Map<String, double[]> realised) {

    /** Number of weeks. */
    public int weeks() {
        return realised.isEmpty() ? 0 : realised.values().iterator().next().length;
    }

    /**
     * Reads {@code file}.
     *
     * @throws InputFileException on a missing column or an unreadable value
     */
    public static GroundTruth read(Path file) throws IOException {
        Map<String, TreeMap<LocalDate, Double>> rows = new TreeMap<>();
        LocalDate[] range = new LocalDate[2];
        LongFormatCsv.read(file, header -> List.of("part_no", "region", "period", "realised"), (row, line) -> {
            LocalDate week = LongFormatCsv.date(file, line, row, "period");
            if (week.getDayOfWeek() != DayOfWeek.MONDAY) {
                throw new InputFileException(file + " line " + line + ", column period: " + week + " is not a Monday");
            }
            double q = LongFormatCsv.quantity(file, line, row, "realised");
            rows.computeIfAbsent(row.get("part_no") + "|" + row.get("region"), k -> new TreeMap<>())
                    .merge(week, q, Double::sum);
            range[0] = range[0] == null || week.isBefore(range[0]) ? week : range[0];
            range[1] = range[1] == null || week.isAfter(range[1]) ? week : range[1];
        });
        Map<String, double[]> out = new TreeMap<>();
        if (range[0] != null) {
            int n = (int) ChronoUnit.WEEKS.between(range[0], range[1]) + 1;
            for (Map.Entry<String, TreeMap<LocalDate, Double>> e : rows.entrySet()) {
                double[] path = new double[n];
                for (Map.Entry<LocalDate, Double> w : e.getValue().entrySet()) {
                    path[(int) ChronoUnit.WEEKS.between(range[0], w.getKey())] = w.getValue();
                }
                out.put(e.getKey(), path);
            }
        }
        return new GroundTruth(range[0], out);
    }
}
