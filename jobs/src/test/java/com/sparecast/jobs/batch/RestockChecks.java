package com.sparecast.jobs.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.jobs.publish.RestockFiles;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The invariants of a night's restock files against its inputs and its plan: a file for every
 * warehouse, the contract's columns, order quantities adding up to the plan's, a HOLD line with a
 * reason and no dates, READY arrivals on working days of the warehouse's country, and every plan
 * line flagged HELD_AT_CUSTOMS held in its restock file.
 */
final class RestockChecks {

    private RestockChecks() {
    }

    /** A CSV file's records by header, without a byte-order mark. */
    static List<CSVRecord> csv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return CSVFormat.DEFAULT.builder().setHeader().build().parse(new StringReader(body)).getRecords();
    }

    /** Checks the restock files under {@code published} and returns how many lines are HOLD. */
    static long check(Path input, Path published) throws IOException {
        Map<String, String> countryOf = new HashMap<>();
        csv(input.resolve("master/warehouses.csv")).forEach(r -> countryOf.put(r.get("warehouse_id"), r.get("country")));
        Map<String, Set<LocalDate>> holidays = new HashMap<>();
        if (Files.exists(input.resolve("master/holidays.csv"))) {
            csv(input.resolve("master/holidays.csv")).forEach(r -> holidays.computeIfAbsent(r.get("country"),
                    c -> new HashSet<>()).add(LocalDate.parse(r.get("date"))));
        }
        Set<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(published.resolve("restock"))) {
            list.forEach(f -> files.add(f.getFileName().toString()));
        }
        assertEquals(new TreeSet<>(countryOf.keySet().stream().map(w -> w + ".csv").toList()), files,
                "one restock file for every warehouse");

        Map<String, Long> planned = new HashMap<>();
        Set<String> heldAtCustoms = new HashSet<>();
        for (CSVRecord r : csv(published.resolve("plans/replenishment.csv"))) {
            String key = r.get("warehouse_id") + "|" + r.get("part_no");
            if (Long.parseLong(r.get("order_qty")) > 0) {
                planned.put(key, Long.parseLong(r.get("order_qty")));
            }
            if ("HELD_AT_CUSTOMS".equals(r.get("exception"))) {
                heldAtCustoms.add(key);
            }
        }
        Map<String, Long> restocked = new HashMap<>();
        Set<String> held = new HashSet<>();
        long holdLines = 0;
        for (String file : files) {
            Path path = published.resolve("restock").resolve(file);
            assertEquals(String.join(",", RestockFiles.COLUMNS), Files.readAllLines(path, StandardCharsets.UTF_8).get(0), file);
            String warehouse = file.replace(".csv", "");
            Set<LocalDate> days = holidays.getOrDefault(countryOf.get(warehouse), Set.of());
            for (CSVRecord r : csv(path)) {
                assertEquals(warehouse, r.get("warehouse_id"));
                assertEquals("EA", r.get("unit_of_measure"));
                String key = warehouse + "|" + r.get("part_no");
                restocked.merge(key, Long.parseLong(r.get("order_qty")), Long::sum);
                if ("HOLD".equals(r.get("status"))) {
                    holdLines++;
                    held.add(key);
                    assertFalse(r.get("hold_reason").isEmpty(), "a HOLD line says why: " + r);
                    assertEquals("", r.get("expected_arrival"), "a HOLD line is not coming: " + r);
                    assertEquals("", r.get("ship_date"), r.toString());
                } else {
                    assertEquals("READY", r.get("status"), r.toString());
                    assertEquals("", r.get("hold_reason"), r.toString());
                    LocalDate arrival = LocalDate.parse(r.get("expected_arrival"));
                    assertFalse(arrival.getDayOfWeek() == DayOfWeek.SATURDAY || arrival.getDayOfWeek() == DayOfWeek.SUNDAY
                            || days.contains(arrival), "arrival on a working day of " + countryOf.get(warehouse) + ": " + r);
                }
                assertEquals(r.get("shipment_id").isEmpty(), r.get("line_no").isEmpty(), r.toString());
                assertEquals(r.get("shipment_id").isEmpty(), "SUPPLIER".equals(r.get("source_warehouse")), r.toString());
            }
        }
        assertEquals(planned, restocked, "every order, and its quantity, in its warehouse's restock file");
        assertTrue(held.containsAll(heldAtCustoms), "every HELD_AT_CUSTOMS line is held in its restock file");
        return holdLines;
    }
}
