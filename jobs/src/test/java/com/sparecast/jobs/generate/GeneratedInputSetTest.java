package com.sparecast.jobs.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generates the small profile once and checks it against the input contract (CONTRACT.md). */
class GeneratedInputSetTest {

    static final LocalDate END = LocalDate.of(2026, 11, 20);

    @TempDir
    static Path folder;
    static GenerationSummary summary;

    @BeforeAll
    static void generate() throws IOException {
        summary = new InputSetGenerator().generate(Profile.SMALL, 42, END, folder);
    }

    static List<CSVRecord> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords();
        }
    }

    static List<String> header(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getHeaderNames();
        }
    }

    static List<Path> feed(String name) throws IOException {
        try (Stream<Path> files = Files.list(folder.resolve(name))) {
            return files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
    }

    static List<CSVRecord> readFeed(String name) throws IOException {
        List<CSVRecord> all = new ArrayList<>();
        for (Path file : feed(name)) {
            all.addAll(read(file));
        }
        return all;
    }

    static Set<String> column(Path file, String column) throws IOException {
        Set<String> values = new TreeSet<>();
        for (CSVRecord r : read(file)) {
            values.add(r.get(column));
        }
        return values;
    }

    @Test
    void everyFileHasTheContractsRequiredColumns() throws IOException {
        Map<String, List<String>> required = new TreeMap<>();
        required.put("master/parts.csv", List.of("part_no", "description", "unit_cost", "currency", "unit_weight_kg",
                "hs_code", "origin_country", "pack_size", "min_order_qty", "dangerous_goods", "superseded_by", "eccn"));
        required.put("master/regions.csv", List.of("country", "region"));
        required.put("master/warehouses.csv", List.of("warehouse_id", "region", "country", "role"));
        required.put("master/inventory.csv", List.of("warehouse_id", "part_no", "on_hand", "on_order"));
        required.put("master/lanes.csv", List.of("origin_warehouse", "destination_warehouse", "mode", "transit_days_mean",
                "transit_days_sd", "customs_days_mean", "customs_days_sd", "incoterm", "departure_weekdays", "max_weight_kg"));
        required.put("master/tariffs.csv", List.of("destination_country", "hs_prefix", "duty_rate", "vat_rate",
                "de_minimis_value", "de_minimis_currency"));
        required.put("master/service_levels.csv", List.of("class", "target_fill_rate"));
        required.put("master/holidays.csv", List.of("country", "date", "name"));
        required.put("master/installed_base.csv", List.of("part_no", "country", "month", "units_in_field"));
        for (Map.Entry<String, List<String>> e : required.entrySet()) {
            Path file = folder.resolve(e.getKey());
            assertTrue(header(file).containsAll(e.getValue()), e.getKey() + " has " + header(file));
            assertFalse(read(file).isEmpty(), e.getKey() + " has rows");
        }
        Map<String, List<String>> feeds = Map.of(
                "shipments", List.of("shipment_id", "ship_date", "part_no", "warehouse_id", "country", "quantity"),
                "failures", List.of("failure_id", "failure_date", "part_no", "country", "quantity", "product_model", "serial_no"),
                "returns", List.of("return_id", "return_date", "part_no", "country", "quantity", "reason_code", "condition",
                        "customer_name", "customer_email", "customer_phone", "customer_address"));
        for (Map.Entry<String, List<String>> e : feeds.entrySet()) {
            List<Path> files = feed(e.getKey());
            assertTrue(files.size() >= 3, e.getKey() + " is split by year: " + files);
            for (Path file : files) {
                assertEquals(e.getValue(), header(file), file.toString());
            }
        }
    }

    @Test
    void countsAreInTheSmallProfilesRange() throws IOException {
        assertEquals(156, summary.weeks());
        assertEquals(LocalDate.of(2026, 11, 19), summary.historyEnd());
        int parts = read(folder.resolve("master/parts.csv")).size();
        assertTrue(parts >= 80 && parts <= 120, "parts " + parts);
        assertEquals(parts, summary.parts());
        assertTrue(summary.series() >= 200 && summary.series() <= 600, "series " + summary.series());
        assertEquals(summary.series(), summary.seriesWithHistory());
        assertTrue(summary.eventRows() >= 10_000 && summary.eventRows() <= 30_000, "events " + summary.eventRows());
        assertEquals(summary.shipments(), readFeed("shipments").size());
        assertEquals(summary.failures(), readFeed("failures").size());
        assertEquals(summary.returns(), readFeed("returns").size());
        long seriesInEvents = readFeed("shipments").stream().map(r -> r.get("part_no") + "/" + r.get("warehouse_id"))
                .distinct().count();
        assertTrue(seriesInEvents >= 200, "part-warehouse series in shipments " + seriesInEvents);
    }

    @Test
    void everyReferenceInEventsAndMasterDataExists() throws IOException {
        Set<String> parts = column(folder.resolve("master/parts.csv"), "part_no");
        Set<String> countries = column(folder.resolve("master/regions.csv"), "country");
        Set<String> warehouses = column(folder.resolve("master/warehouses.csv"), "warehouse_id");
        Map<String, String> regionOfCountry = new HashMap<>();
        for (CSVRecord r : read(folder.resolve("master/regions.csv"))) {
            regionOfCountry.put(r.get("country"), r.get("region"));
        }
        Map<String, String> regionOfWarehouse = new HashMap<>();
        for (CSVRecord r : read(folder.resolve("master/warehouses.csv"))) {
            regionOfWarehouse.put(r.get("warehouse_id"), r.get("region"));
            assertTrue(Set.of("CENTRAL", "REGIONAL").contains(r.get("role")));
        }
        for (CSVRecord r : readFeed("shipments")) {
            assertTrue(parts.contains(r.get("part_no")), r.toString());
            assertTrue(warehouses.contains(r.get("warehouse_id")), r.toString());
            assertEquals(regionOfWarehouse.get(r.get("warehouse_id")), regionOfCountry.get(r.get("country")),
                    "ships from the regional warehouse of the customer's region: " + r);
        }
        for (String feed : List.of("failures", "returns")) {
            for (CSVRecord r : readFeed(feed)) {
                assertTrue(parts.contains(r.get("part_no")), r.toString());
                assertTrue(countries.contains(r.get("country")), r.toString());
            }
        }
        for (CSVRecord r : read(folder.resolve("master/inventory.csv"))) {
            assertTrue(parts.contains(r.get("part_no")) && warehouses.contains(r.get("warehouse_id")), r.toString());
            assertTrue(Long.parseLong(r.get("on_hand")) >= 0 && Long.parseLong(r.get("on_order")) >= 0, r.toString());
        }
        for (CSVRecord r : read(folder.resolve("master/lanes.csv"))) {
            assertTrue(warehouses.contains(r.get("origin_warehouse")) && warehouses.contains(r.get("destination_warehouse")));
        }
        for (CSVRecord r : read(folder.resolve("master/installed_base.csv"))) {
            assertTrue(parts.contains(r.get("part_no")) && countries.contains(r.get("country")), r.toString());
        }
        for (CSVRecord r : read(folder.resolve("master/parts.csv"))) {
            String next = r.get("superseded_by");
            assertTrue(next.isEmpty() || parts.contains(next), r.toString());
        }
        for (CSVRecord r : read(folder.resolve("ground_truth/series.csv"))) {
            assertTrue(parts.contains(r.get("part_no")), r.toString());
        }
    }

    @Test
    void everyEventRowIsValid() throws IOException {
        Map<String, String[]> feeds = Map.of("shipments", new String[] {"shipment_id", "ship_date"},
                "failures", new String[] {"failure_id", "failure_date"}, "returns", new String[] {"return_id", "return_date"});
        LocalDate start = summary.historyStart();
        for (Map.Entry<String, String[]> e : feeds.entrySet()) {
            Set<String> ids = new HashSet<>();
            LocalDate previous = LocalDate.MIN;
            for (CSVRecord r : readFeed(e.getKey())) {
                assertTrue(ids.add(r.get(e.getValue()[0])), "unique id " + r);
                LocalDate date = LocalDate.parse(r.get(e.getValue()[1]));
                assertTrue(!date.isBefore(start) && date.isBefore(END), "date in history " + r);
                assertFalse(date.isBefore(previous), "rows in date order " + r);
                previous = date;
                assertTrue(Integer.parseInt(r.get("quantity")) >= 1, r.toString());
            }
        }
        Set<String> reasons = new TreeSet<>();
        Set<String> conditions = new TreeSet<>();
        for (CSVRecord r : readFeed("returns")) {
            reasons.add(r.get("reason_code"));
            conditions.add(r.get("condition"));
            for (String pii : List.of("customer_name", "customer_email", "customer_phone", "customer_address")) {
                assertFalse(r.get(pii).isBlank(), pii + " in " + r);
            }
        }
        assertEquals(new TreeSet<>(List.of(EventWriter.REASONS)), reasons);
        assertEquals(new TreeSet<>(List.of(EventWriter.CONDITIONS)), conditions);
        for (CSVRecord r : readFeed("failures")) {
            assertFalse(r.get("product_model").isBlank() || r.get("serial_no").isBlank(), r.toString());
        }
    }

    @Test
    void masterDataHasTheCasesThePipelineMustHandle() throws IOException {
        List<CSVRecord> parts = read(folder.resolve("master/parts.csv"));
        Map<String, CSVRecord> byPart = new HashMap<>();
        for (CSVRecord r : parts) {
            byPart.put(r.get("part_no"), r);
        }
        long emptyHs = parts.stream().filter(r -> r.get("hs_code").isEmpty()).count();
        long malformedHs = parts.stream().filter(r -> !r.get("hs_code").isEmpty() && !r.get("hs_code").matches("\\d{6,10}")).count();
        assertTrue(emptyHs >= 2, "parts without HS code: " + emptyHs);
        assertTrue(malformedHs >= 2, "malformed HS codes: " + malformedHs);
        assertTrue(parts.stream().anyMatch(r -> r.get("currency").equals("USD")));
        assertTrue(parts.stream().anyMatch(r -> r.get("eccn").equals("5A002")));

        // supersession chains: no cycles, some of length 3
        int longest = 0;
        int chains = 0;
        for (CSVRecord r : parts) {
            if (r.get("superseded_by").isEmpty()) {
                continue;
            }
            chains++;
            Set<String> seen = new HashSet<>();
            String p = r.get("part_no");
            while (!byPart.get(p).get("superseded_by").isEmpty()) {
                assertTrue(seen.add(p), "cycle through " + p);
                p = byPart.get(p).get("superseded_by");
            }
            longest = Math.max(longest, seen.size() + 1);
        }
        assertTrue(chains >= 5, "superseded parts " + chains);
        assertEquals(3, longest);

        // dangerous goods sold in APAC, reached from the central warehouse by passenger aircraft
        assertTrue(read(folder.resolve("master/lanes.csv")).stream()
                .anyMatch(r -> r.get("mode").equals("AIR_PASSENGER") && r.get("destination_warehouse").equals("WH-JP")));
        Set<String> apacDemand = new HashSet<>();
        for (CSVRecord r : readFeed("shipments")) {
            if (r.get("warehouse_id").equals("WH-JP")) {
                apacDemand.add(byPart.get(r.get("part_no")).get("dangerous_goods"));
            }
        }
        assertTrue(apacDemand.containsAll(Set.of("UN3480", "UN3090")), "dangerous goods shipped from WH-JP: " + apacDemand);

        assertEquals(List.of("A", "B", "C"), read(folder.resolve("master/service_levels.csv")).stream().map(r -> r.get("class")).toList());
        assertTrue(read(folder.resolve("master/tariffs.csv")).stream().map(r -> r.get("hs_prefix").length()).distinct().count() >= 3);
        assertTrue(read(folder.resolve("master/holidays.csv")).stream()
                .anyMatch(r -> r.get("country").equals("NL") && r.get("date").equals("2026-12-25")), "holidays reach past the planning date");
    }

    @Test
    void aSupersededPartStopsSellingWhenItsSuccessorStarts() throws IOException {
        Map<String, LocalDate> first = new HashMap<>();
        Map<String, LocalDate> last = new HashMap<>();
        for (CSVRecord r : readFeed("shipments")) {
            LocalDate d = LocalDate.parse(r.get("ship_date"));
            first.merge(r.get("part_no"), d, (a, b) -> a.isBefore(b) ? a : b);
            last.merge(r.get("part_no"), d, (a, b) -> a.isAfter(b) ? a : b);
        }
        int checked = 0;
        for (CSVRecord r : read(folder.resolve("master/parts.csv"))) {
            String next = r.get("superseded_by");
            if (!next.isEmpty() && last.containsKey(r.get("part_no")) && first.containsKey(next)) {
                assertTrue(last.get(r.get("part_no")).isBefore(first.get(next).plusDays(7)),
                        r.get("part_no") + " sells until " + last.get(r.get("part_no")) + ", " + next + " from " + first.get(next));
                checked++;
            }
        }
        assertTrue(checked >= 3, "chains checked " + checked);
    }

    @Test
    void groundTruthCoversEverySeriesForTheHorizon() throws IOException {
        List<CSVRecord> series = read(folder.resolve("ground_truth/series.csv"));
        assertEquals(summary.series(), series.size());
        Set<String> classes = new TreeSet<>();
        for (CSVRecord r : series) {
            classes.add(r.get("demand_class"));
        }
        assertEquals(Set.of("SMOOTH", "ERRATIC", "INTERMITTENT", "LUMPY"), classes);
        List<CSVRecord> future = read(folder.resolve("ground_truth/future_demand.csv"));
        assertEquals(summary.series() * InputSetGenerator.HORIZON, future.size());
        assertEquals("2026-11-23", future.get(0).get("period"));
        assertTrue(future.stream().mapToInt(r -> Integer.parseInt(r.get("realised"))).sum() > 0);
    }

    @Test
    void theHistoryFollowsTheGroundTruthProcess() throws IOException {
        // weekly demand per series (chain-end part, region) from the shipments, as the pipeline aggregates it
        Map<String, String> seriesPart = new HashMap<>();
        List<CSVRecord> truth = read(folder.resolve("ground_truth/series.csv"));
        for (CSVRecord r : truth) {
            for (String part : r.get("history_parts").split(";")) {
                seriesPart.put(part, r.get("part_no"));
            }
        }
        Map<String, String> regionOfWarehouse = new HashMap<>();
        for (CSVRecord r : read(folder.resolve("master/warehouses.csv"))) {
            regionOfWarehouse.put(r.get("warehouse_id"), r.get("region"));
        }
        LocalDate firstWeek = summary.historyStart().plusWeeks(summary.weeks() - 105L); // last 104 full weeks
        Map<String, double[]> weekly = new HashMap<>();
        for (CSVRecord r : readFeed("shipments")) {
            long week = java.time.temporal.ChronoUnit.WEEKS.between(firstWeek, LocalDate.parse(r.get("ship_date")));
            if (week < 0 || week >= 104) {
                continue;
            }
            String key = seriesPart.get(r.get("part_no")) + "/" + regionOfWarehouse.get(r.get("warehouse_id"));
            weekly.computeIfAbsent(key, k -> new double[104])[(int) week] += Integer.parseInt(r.get("quantity"));
        }
        int compared = 0;
        int agree = 0;
        double expected = 0;
        double observed = 0;
        for (CSVRecord r : truth) {
            boolean stationary = r.get("trend_per_year").equals("0") && r.get("season_amplitude").equals("0")
                    && r.get("stop_week").isEmpty() && r.get("start_week").equals(summary.historyStart().toString());
            double[] y = weekly.get(r.get("part_no") + "/" + r.get("region"));
            if (!stationary || y == null) {
                continue;
            }
            compared++;
            var stats = com.sparecast.models.series.IntermittencyStatistics.of(y);
            if (stats.demandClass().name().equals(r.get("demand_class"))) {
                agree++;
            }
            expected += 104 * Double.parseDouble(r.get("mean_per_week"));
            observed += java.util.Arrays.stream(y).sum();
        }
        assertTrue(compared >= 100, "stationary series compared " + compared);
        assertTrue(agree >= 0.8 * compared, "SBC class of the history matches the generating class: " + agree + "/" + compared);
        assertEquals(expected, observed, 0.05 * expected, "units over 104 weeks");
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedDoesNot(@TempDir Path again, @TempDir Path other) throws IOException {
        new InputSetGenerator().generate(Profile.SMALL, 42, END, again);
        List<Path> files = files(folder);
        assertEquals(files, files(again));
        for (Path relative : files) {
            assertArrayEquals(Files.readAllBytes(folder.resolve(relative)), Files.readAllBytes(again.resolve(relative)),
                    relative.toString());
        }
        new InputSetGenerator().generate(Profile.SMALL, 43, END, other);
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(folder.resolve("shipments/shipments-2025.csv")),
                Files.readAllBytes(other.resolve("shipments/shipments-2025.csv"))));
    }

    static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
