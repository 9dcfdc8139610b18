package com.sparecast.models.logistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sparecast.models.logistics.Rebalancing.StockLine;
import com.sparecast.models.logistics.Rebalancing.Transfer;
import com.sparecast.models.trade.Party;
import com.sparecast.models.trade.TradePart;
import com.sparecast.models.trade.TradeRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RebalancingTest {

    /** Sunday; the default trade rules ship from the day after. */
    private static final LocalDate PLANNING = LocalDate.of(2026, 11, 22);
    private static final LocalDate SUPPLIER_ARRIVAL = LocalDate.of(2026, 12, 28);

    private static Party complete(String name, String country) {
        return new Party(name, "1 Quay", "Port", "1000", country, country + "123456789", country + "987654321",
                "TX-" + country);
    }

    /** Default rules (cartons of at most 25 kg with a 0.5 kg tare, ship from planning + 1), every warehouse with a complete party. */
    private static final ShipmentPlanner PLANNER = ShipmentPlanner.of(TradeRules.defaults().withParties(Map.of(
            "DC-NL", complete("NL B.V.", "NL"), "WH-DE", complete("DE GmbH", "DE"), "WH-GB", complete("GB Ltd", "GB"),
            "WH-JP", complete("JP K.K.", "JP"), "WH-SE", complete("SE AB", "SE"))));

    /** 20 per transfer plus 1.50 per kg gross. */
    private static final Rebalancing REBALANCING = Rebalancing.of(PLANNER, 20, 1.5);

    /**
     * The central lanes into DE, GB and JP, and one lateral lane DE -> SE. No lane touches SE and
     * NL together, none DE and GB.
     */
    private static final List<Lane> LANES = List.of(
            new Lane("DC-NL", "WH-DE", "NL", "DE", "ROAD", 1.5, 0.5, 0, 0, "DAP", Lane.parseWeekdays(""), 24000.0),
            new Lane("DC-NL", "WH-GB", "NL", "GB", "ROAD", 2.5, 0.7, 1.5, 1.1, "DDP", Lane.parseWeekdays("TUE;THU"), null),
            new Lane("DC-NL", "WH-JP", "NL", "JP", "AIR_PASSENGER", 2, 0.6, 1.5, 0.8, "DDP",
                    Lane.parseWeekdays("MON;THU"), 500.0),
            new Lane("WH-DE", "WH-SE", "DE", "SE", "ROAD", 2.0, 0.5, 0, 0, "DAP", Lane.parseWeekdays(""), null));

    private static final Map<String, TradePart> PARTS = Stream.of(
            new TradePart("P-1", "Pump", 10.0, "EUR", 2.0, "8413.70", "DE", "", ""),
            new TradePart("P-2", "Battery pack", 45.50, "EUR", 5.0, "8507.60", "CN", "UN3480", ""),
            new TradePart("P-3", "Valve", 10.0, "EUR", 2.0, "8481.80", "DE", "", ""),
            new TradePart("P-4", "Washer", 0.50, "EUR", 0.1, "7318.22", "DE", "", ""),
            new TradePart("P-5", "Sensor", 10.0, "EUR", 2.0, "9032.89", "DE", "", ""))
            .collect(Collectors.toMap(TradePart::partNo, Function.identity()));

    /** Monday 23rd is a holiday in DE. */
    private static Set<LocalDate> holidays(String country) {
        return "DE".equals(country) ? Set.of(LocalDate.of(2026, 11, 23)) : Set.of();
    }

    private static StockLine line(String wh, String part, String exception, long onHand, double position,
                                  double orderUpTo, long orderQty, Double unitCost, LocalDate newOrder, String source) {
        return line(wh, part, exception, onHand, position, orderUpTo, orderQty, unitCost, newOrder, source, null);
    }

    private static StockLine line(String wh, String part, String exception, long onHand, double position,
                                  double orderUpTo, long orderQty, Double unitCost, LocalDate newOrder, String source,
                                  Double weeksLeft) {
        return new StockLine(wh, part, exception, onHand, position, orderUpTo, orderQty, unitCost, newOrder, source,
                weeksLeft);
    }

    @Test
    void surplusAndNeedKeepEachLineAtItsOwnLevel() {
        // OVERSTOCK: min(on hand 7, floor(position 8.6 - S 2) = 6) = 6; on hand bounds it: min(2, 9) = 2
        assertEquals(6, line("A", "P", "OVERSTOCK", 7, 8.6, 2, 0, 1.0, null, null).surplus());
        assertEquals(2, line("A", "P", "OVERSTOCK", 2, 11, 2, 0, 1.0, null, null).surplus());
        // DEAD_STOCK: all on hand, whatever its level
        assertEquals(3, line("A", "P", "DEAD_STOCK", 3, 3, 2, 0, 1.0, null, null).surplus());
        // a receiver gives nothing; a donor needs nothing
        assertEquals(0, line("A", "P", "STOCKOUT_RISK", 3, 3, 9, 6, 1.0, null, null).surplus());
        assertEquals(0, line("A", "P", "OVERSTOCK", 0, 0, 9, 9, 1.0, null, null).need());
        // STOCKOUT_RISK: min(order 10, ceil(S 6 - position 1.4) = 5) = 5; the order bounds it: min(3, 5) = 3
        assertEquals(5, line("A", "P", "STOCKOUT_RISK", 1, 1.4, 6, 10, 1.0, null, null).need());
        assertEquals(3, line("A", "P", "HELD_AT_CUSTOMS", 1, 1.4, 6, 3, 1.0, null, null).need());
    }

    /*
     * By hand (planning Sunday 22nd, earliest ship date Monday 23rd, a DE holiday):
     * P-1 DC-NL needs min(10, ceil(9 - 1)) = 8 (its supplier order arrives 28 Dec).
     *   WH-DE OVERSTOCK gives min(7, floor(8 - 2)) = 6 over the reverse of DC-NL -> WH-DE (DE -> NL, ROAD 1.5 d):
     *     Mon 23rd is a DE holiday: ships Tue 24th, arrives 24 + ceil(1.5) = Thu 26th.
     *     one carton (floor((25 - 0.5) / 2.0) = 12 units fit): 12 kg net + 0.5 tare = 12.5 kg gross;
     *     cost 20 + 1.5 * 12.5 = 38.75; new 6 * 10 = 60.00 (cheaper and earlier).
     *   WH-GB OVERSTOCK gives min(2, floor(3 - 0)) = 2 over the reverse of DC-NL -> WH-GB (TUE;THU, 2.5 + 1.5 d):
     *     ships Tue 24th, arrives 24 + 4 = Sat 28th -> Mon 30th (NL working day).
     *     cost 20 + 1.5 * (4 + 0.5) = 26.75; new 2 * 10 = 20.00: dearer, but earlier than 28 Dec: proposed.
     *   WH-SE DEAD_STOCK 3: no lane connects SE and NL: nothing.
     * P-2 (UN3480) DC-NL needs min(3, ceil(3 - 0)) = 3.
     *   WH-DE DEAD_STOCK gives its 1: ships Tue 24th, arrives Thu 26th; cost 20 + 1.5 * (5 + 0.5) = 28.25; new 45.50.
     *   WH-JP OVERSTOCK 8 over the reverse of the passenger-air lane: UN3480 is held on passenger air: nothing.
     * P-3 WH-GB is supplied by DC-NL (its order ships from there): DC-NL's overstock is no donor;
     *   WH-DE's is, but no lane connects DE and GB: nothing.
     * P-4 DC-NL needs 5 of a 0.50 washer, its new order arriving Tue 24th; WH-DE would arrive Thu 26th at
     *   20 + 1.5 * (0.5 + 0.5) = 21.50 against 2.50 new: neither cheaper nor earlier: nothing.
     * P-5 WH-SE needs min(4, ceil(4 - 0.4)) = 4 (new order arrives Fri 27th); WH-DE gives min(3, floor(3 - 1)) = 2
     *   over the lateral lane DE -> SE (2 d): ships Tue 24th, arrives Thu 26th; cost 20 + 1.5 * (4 + 0.5) = 26.75
     *   against 20.00 new: dearer but a day earlier: proposed.
     */
    @Test
    void proposesTransfersFromSurplusToShortfallOverConnectingLanes() {
        List<StockLine> lines = List.of(
                line("DC-NL", "P-1", "STOCKOUT_RISK", 1, 1, 9, 10, 10.0, SUPPLIER_ARRIVAL, null),
                line("WH-DE", "P-1", "OVERSTOCK", 7, 8, 2, 0, 10.0, null, "DC-NL"),
                line("WH-GB", "P-1", "OVERSTOCK", 2, 3, 0, 0, 10.0, null, "DC-NL"),
                line("WH-SE", "P-1", "DEAD_STOCK", 3, 3, 0, 0, 10.0, null, "DC-NL"),
                line("DC-NL", "P-2", "STOCKOUT_RISK", 0, 0, 3, 3, 45.50, SUPPLIER_ARRIVAL, null),
                line("WH-DE", "P-2", "DEAD_STOCK", 1, 1, 0, 0, 45.50, null, "DC-NL"),
                line("WH-JP", "P-2", "OVERSTOCK", 10, 10, 2, 0, 45.50, null, "DC-NL"),
                line("WH-GB", "P-3", "STOCKOUT_RISK", 0, 0, 4, 4, 10.0, LocalDate.of(2026, 11, 30), "DC-NL"),
                line("DC-NL", "P-3", "OVERSTOCK", 20, 20, 5, 0, 10.0, null, null),
                line("WH-DE", "P-3", "OVERSTOCK", 20, 20, 5, 0, 10.0, null, "DC-NL"),
                line("DC-NL", "P-4", "STOCKOUT_RISK", 0, 0, 5, 5, 0.50, LocalDate.of(2026, 11, 24), null),
                line("WH-DE", "P-4", "OVERSTOCK", 50, 50, 5, 0, 0.50, null, "DC-NL"),
                line("WH-SE", "P-5", "STOCKOUT_RISK", 0, 0.4, 4, 4, 10.0, LocalDate.of(2026, 11, 27), "DC-NL"),
                line("WH-DE", "P-5", "OVERSTOCK", 3, 3, 1, 0, 10.0, null, "DC-NL"),
                line("WH-US", "P-5", null, 30, 30, 40, 10, 10.0, null, "DC-NL"));

        List<Transfer> transfers = REBALANCING.propose(PLANNING, lines, LANES, PARTS, RebalancingTest::holidays);

        LocalDate tue24 = LocalDate.of(2026, 11, 24);
        LocalDate thu26 = LocalDate.of(2026, 11, 26);
        assertEquals(List.of(
                        List.of("P-1", "WH-DE", "DC-NL", 6L, tue24, thu26, new BigDecimal("38.75"), new BigDecimal("60.00")),
                        List.of("P-1", "WH-GB", "DC-NL", 2L, tue24, LocalDate.of(2026, 11, 30), new BigDecimal("26.75"),
                                new BigDecimal("20.00")),
                        List.of("P-2", "WH-DE", "DC-NL", 1L, tue24, thu26, new BigDecimal("28.25"), new BigDecimal("45.50")),
                        List.of("P-5", "WH-DE", "WH-SE", 2L, tue24, thu26, new BigDecimal("26.75"), new BigDecimal("20.00"))),
                transfers.stream().map(t -> List.<Object>of(t.partNo(), t.fromWarehouse(), t.toWarehouse(), t.quantity(),
                        t.shipDate(), t.expectedArrival(), t.cost(), t.costOfNewOrder())).toList());
        // the reverse lane carries the donor's direction
        assertEquals("DE", transfers.get(0).lane().originCountry());
        assertEquals("NL", transfers.get(0).lane().destinationCountry());
        assertEquals(SUPPLIER_ARRIVAL, transfers.get(0).newOrderArrival());
    }

    @Test
    void aDonorIsNotSpentTwice() {
        // WH-DE gives min(5, floor(5 - 0)) = 5: DC-NL takes min(4, 5) = 4 first (weeks left unknown for
        // both: warehouse order), WH-SE the last 1
        List<StockLine> lines = List.of(
                line("DC-NL", "P-1", "STOCKOUT_RISK", 0, 0, 4, 4, 10.0, SUPPLIER_ARRIVAL, null),
                line("WH-DE", "P-1", "OVERSTOCK", 5, 5, 0, 0, 10.0, null, "DC-NL"),
                line("WH-SE", "P-1", "STOCKOUT_RISK", 0, 0, 3, 3, 10.0, SUPPLIER_ARRIVAL, "DC-NL"));
        List<Transfer> transfers = REBALANCING.propose(PLANNING, lines, LANES, PARTS, RebalancingTest::holidays);
        assertEquals(List.of("DC-NL 4", "WH-SE 1"),
                transfers.stream().map(t -> t.toWarehouse() + " " + t.quantity()).toList());
    }

    @Test
    void theReceiverThatRunsOutFirstIsServedFirst() {
        // the same five units from WH-DE; WH-SE runs out in 0.5 weeks, DC-NL in 3: WH-SE takes
        // min(3, 5) = 3 although it sorts after DC-NL, DC-NL the last 2
        assertEquals(List.of("WH-SE 3", "DC-NL 2"), servedWithWeeksLeft(3.0, 0.5));
        // weeks left unknown (DC-NL) come after any known
        assertEquals(List.of("WH-SE 3", "DC-NL 2"), servedWithWeeksLeft(null, 3.0));
        // equal: warehouse order
        assertEquals(List.of("DC-NL 4", "WH-SE 1"), servedWithWeeksLeft(1.0, 1.0));
    }

    private static List<String> servedWithWeeksLeft(Double centralWeeksLeft, Double swedenWeeksLeft) {
        List<StockLine> lines = List.of(
                line("DC-NL", "P-1", "STOCKOUT_RISK", 0, 0, 4, 4, 10.0, SUPPLIER_ARRIVAL, null, centralWeeksLeft),
                line("WH-DE", "P-1", "OVERSTOCK", 5, 5, 0, 0, 10.0, null, "DC-NL"),
                line("WH-SE", "P-1", "STOCKOUT_RISK", 0, 0, 3, 3, 10.0, SUPPLIER_ARRIVAL, "DC-NL", swedenWeeksLeft));
        return REBALANCING.propose(PLANNING, lines, LANES, PARTS, RebalancingTest::holidays).stream()
                .map(t -> t.toWarehouse() + " " + t.quantity()).toList();
    }

    @Test
    void anUnknownUnitCostStillProposesAnEarlierTransferWithoutANewOrderCost() {
        List<Transfer> transfers = REBALANCING.propose(PLANNING, List.of(
                line("DC-NL", "P-1", "STOCKOUT_RISK", 0, 0, 2, 2, null, SUPPLIER_ARRIVAL, null),
                line("WH-DE", "P-1", "DEAD_STOCK", 2, 2, 0, 0, null, null, "DC-NL")), LANES, PARTS,
                RebalancingTest::holidays);
        assertEquals(1, transfers.size());
        assertNull(transfers.get(0).costOfNewOrder());
    }

    @Test
    void connectingPrefersTheLaneOfTheDirectionAndNamesNoneWithoutALane() {
        assertEquals("DC-NL", Rebalancing.connecting(LANES, "DC-NL", "WH-DE").originWarehouse());
        Lane back = Rebalancing.connecting(LANES, "WH-GB", "DC-NL");
        assertEquals(List.of("WH-GB", "DC-NL", "GB", "NL", 2.5, 1.5), List.of(back.originWarehouse(),
                back.destinationWarehouse(), back.originCountry(), back.destinationCountry(), back.transitDaysMean(),
                back.customsDaysMean()));
        assertNull(Rebalancing.connecting(LANES, "WH-SE", "DC-NL"));
        assertNull(Rebalancing.connecting(LANES, "WH-DE", "WH-GB"));
    }

    @Test
    void negativeCostsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Rebalancing.of(PLANNER, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> Rebalancing.of(PLANNER, 0, Double.NaN));
    }
}
