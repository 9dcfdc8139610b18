package com.sparecast.jobs.simulate;

import com.sparecast.jobs.simulate.DemandHistory.InvalidHistoryException;
import com.sparecast.models.distribution.LeadTime;
import com.sparecast.models.inventory.AbcClass;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * What {@code simulate --master DIR} takes from an input folder's master data, as the nightly
 * plan does: the fill-rate target per ABC class ({@code service_levels.csv}), the lead time of
 * each region's regional warehouse from its supply lane ({@code warehouses.csv}, {@code lanes.csv}:
 * transit plus customs, means added and variances added, {@link LeadTime#ofLane}), and unit costs
 * ({@code parts.csv}) for ABC by annual demand value.
 *
 * @param targets target fill rate by class
 * @param leadTimeDays lead time (mean, sd in days) by region; regions without a regional warehouse
 *     with a supply lane are absent
 * @param unitCost unit cost by part number
 */
record MasterData(Map<AbcClass, Double> targets, Map<String, double[]> leadTimeDays, Map<String, Double> unitCost) {

    /** The region's lead time in periods of {@code daysPerPeriod} days, or null. */
    LeadTime leadTime(String region, double daysPerPeriod) {
        double[] d = leadTimeDays.get(region);
        return d == null ? null : new LeadTime(d[0] / daysPerPeriod, d[1] / daysPerPeriod);
    }

    static MasterData read(Path dir) throws IOException, InvalidHistoryException {
        Map<AbcClass, Double> targets = new EnumMap<>(AbcClass.class);
        for (CSVRecord r : rows(dir.resolve("service_levels.csv"), List.of("class", "target_fill_rate"))) {
            try {
                targets.put(AbcClass.valueOf(r.get("class").trim().toUpperCase(Locale.ROOT)),
                        Double.parseDouble(r.get("target_fill_rate")));
            } catch (IllegalArgumentException e) {
                throw new InvalidHistoryException(dir.resolve("service_levels.csv") + ": bad row " + r.toList());
            }
        }
        Map<String, String> regionalWarehouse = new HashMap<>();
        for (CSVRecord r : rows(dir.resolve("warehouses.csv"), List.of("warehouse_id", "region", "role"))) {
            if ("REGIONAL".equalsIgnoreCase(r.get("role").trim())) {
                regionalWarehouse.putIfAbsent(r.get("region").trim(), r.get("warehouse_id").trim());
            }
        }
        Map<String, double[]> byWarehouse = new HashMap<>();
        for (CSVRecord r : rows(dir.resolve("lanes.csv"), List.of("destination_warehouse", "transit_days_mean",
                "transit_days_sd", "customs_days_mean", "customs_days_sd"))) {
            try {
                double tm = Double.parseDouble(r.get("transit_days_mean"));
                double ts = Double.parseDouble(r.get("transit_days_sd"));
                double cm = Double.parseDouble(r.get("customs_days_mean"));
                double cs = Double.parseDouble(r.get("customs_days_sd"));
                LeadTime days = LeadTime.ofLane(tm, ts, cm, cs, 1);
                byWarehouse.putIfAbsent(r.get("destination_warehouse").trim(), new double[] {days.mean(), days.sd()});
            } catch (IllegalArgumentException e) {
                throw new InvalidHistoryException(dir.resolve("lanes.csv") + ": bad row " + r.toList());
            }
        }
        Map<String, double[]> leadTimes = new HashMap<>();
        regionalWarehouse.forEach((region, wh) -> {
            if (byWarehouse.containsKey(wh)) {
                leadTimes.put(region, byWarehouse.get(wh));
            }
        });
        Map<String, Double> cost = new HashMap<>();
        for (CSVRecord r : rows(dir.resolve("parts.csv"), List.of("part_no", "unit_cost"))) {
            try {
                cost.put(r.get("part_no").trim(), Double.parseDouble(r.get("unit_cost")));
            } catch (NumberFormatException e) {
                throw new InvalidHistoryException(dir.resolve("parts.csv") + ": bad unit_cost in " + r.toList());
            }
        }
        return new MasterData(targets, leadTimes, cost);
    }

    private static List<CSVRecord> rows(Path file, List<String> required) throws IOException, InvalidHistoryException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidHistoryException(file + ": no such file");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                     .setIgnoreSurroundingSpaces(true).get().parse(reader)) {
            for (String c : required) {
                if (!csv.getHeaderMap().containsKey(c)) {
                    throw new InvalidHistoryException(file + ": missing column " + c);
                }
            }
            return csv.getRecords();
        }
    }
}
