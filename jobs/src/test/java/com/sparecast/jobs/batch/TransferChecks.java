package com.sparecast.jobs.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
import org.apache.commons.csv.CSVRecord;

/**
 * The invariants of a night's {@code plans/transfers.csv} against its inputs and its plan: the
 * contract's columns first; every transfer goes from an OVERSTOCK or DEAD_STOCK line to a
 * STOCKOUT_RISK or HELD_AT_CUSTOMS line of the same part, between two warehouses a lane of
 * lanes.csv connects; what leaves a donor is at most its surplus (on hand above order-up-to, or all
 * of a dead stock's), what reaches a receiver at most its need (order-up-to less position, at most
 * its order); it ships before it arrives, on a working day of the receiver; the new order costs the
 * quantity at the receiver's reporting unit cost.
 */
final class TransferChecks {

    /** The columns CONTRACT.md lists for plans/transfers.csv, in order. */
    static final List<String> CONTRACT_COLUMNS = List.of("part_no", "from_warehouse", "to_warehouse", "quantity",
            "ship_date", "expected_arrival", "cost", "cost_of_new_order");

    private TransferChecks() {
    }

    /** Checks {@code plans/transfers.csv} under {@code published}; returns its rows. */
    static List<CSVRecord> check(Path input, Path published) throws IOException {
        Path file = published.resolve("plans/transfers.csv");
        String header = Files.readAllLines(file, StandardCharsets.UTF_8).get(0).replace("\uFEFF", "");
        assertEquals(CONTRACT_COLUMNS, List.of(header.split(",")).subList(0, CONTRACT_COLUMNS.size()),
                "plans/transfers.csv starts with the contract's columns");
        assertEquals(List.of("currency", "new_order_arrival"),
                List.of(header.split(",")).subList(CONTRACT_COLUMNS.size(), header.split(",").length));

        Map<String, CSVRecord> plan = new HashMap<>();
        for (CSVRecord r : RestockChecks.csv(published.resolve("plans/replenishment.csv"))) {
            plan.put(r.get("warehouse_id") + "|" + r.get("part_no"), r);
        }
        Set<String> connected = new HashSet<>();
        for (CSVRecord r : RestockChecks.csv(input.resolve("master/lanes.csv"))) {
            connected.add(r.get("origin_warehouse") + ">" + r.get("destination_warehouse"));
            connected.add(r.get("destination_warehouse") + ">" + r.get("origin_warehouse"));
        }
        Map<String, String> countryOf = new HashMap<>();
        RestockChecks.csv(input.resolve("master/warehouses.csv"))
                .forEach(r -> countryOf.put(r.get("warehouse_id"), r.get("country")));
        Map<String, Set<LocalDate>> holidays = new HashMap<>();
        if (Files.exists(input.resolve("master/holidays.csv"))) {
            RestockChecks.csv(input.resolve("master/holidays.csv")).forEach(r -> holidays.computeIfAbsent(
                    r.get("country"), c -> new HashSet<>()).add(LocalDate.parse(r.get("date"))));
        }

        List<CSVRecord> transfers = RestockChecks.csv(file);
        Map<String, Long> given = new HashMap<>();
        Map<String, Long> received = new HashMap<>();
        for (CSVRecord t : transfers) {
            String part = t.get("part_no");
            String from = t.get("from_warehouse");
            String to = t.get("to_warehouse");
            long qty = Long.parseLong(t.get("quantity"));
            assertTrue(qty > 0, t.toString());
            assertTrue(connected.contains(from + ">" + to), "a lane connects " + from + " and " + to);
            CSVRecord donor = plan.get(from + "|" + part);
            CSVRecord receiver = plan.get(to + "|" + part);
            assertNotNull(donor, t.toString());
            assertNotNull(receiver, t.toString());
            assertTrue(List.of("OVERSTOCK", "DEAD_STOCK").contains(donor.get("exception")), t.toString());
            assertTrue(List.of("STOCKOUT_RISK", "HELD_AT_CUSTOMS").contains(receiver.get("exception")), t.toString());
            given.merge(from + "|" + part, qty, Long::sum);
            received.merge(to + "|" + part, qty, Long::sum);

            LocalDate ship = LocalDate.parse(t.get("ship_date"));
            LocalDate arrival = LocalDate.parse(t.get("expected_arrival"));
            assertTrue(ship.isAfter(LocalDate.parse(published.getFileName().toString())), t.toString());
            assertTrue(!arrival.isBefore(ship), t.toString());
            assertTrue(arrival.getDayOfWeek() != DayOfWeek.SATURDAY && arrival.getDayOfWeek() != DayOfWeek.SUNDAY
                    && !holidays.getOrDefault(countryOf.get(to), Set.of()).contains(arrival), t.toString());
            assertTrue(new BigDecimal(t.get("cost")).signum() > 0, t.toString());
            String unitCost = receiver.get("unit_cost_reporting");
            if (!unitCost.isEmpty()) {
                assertEquals(new BigDecimal(unitCost).multiply(BigDecimal.valueOf(qty)).setScale(2, RoundingMode.HALF_UP),
                        new BigDecimal(t.get("cost_of_new_order")), t.toString());
            }
            assertEquals(receiver.get("reporting_currency"), t.get("currency"));
        }
        given.forEach((key, qty) -> {
            CSVRecord d = plan.get(key);
            long onHand = Long.parseLong(d.get("on_hand"));
            long surplus = "DEAD_STOCK".equals(d.get("exception")) ? onHand : Math.min(onHand,
                    (long) Math.floor(Double.parseDouble(d.get("inventory_position"))
                            - Double.parseDouble(d.get("order_up_to"))));
            assertTrue(qty <= surplus, key + " gives " + qty + " of a surplus of " + surplus);
        });
        received.forEach((key, qty) -> {
            CSVRecord r = plan.get(key);
            long need = Math.min(Long.parseLong(r.get("order_qty")), (long) Math.ceil(
                    Double.parseDouble(r.get("order_up_to")) - Double.parseDouble(r.get("inventory_position"))));
            assertTrue(qty <= need, key + " receives " + qty + " for a need of " + need);
        });
        return transfers;
    }
}
