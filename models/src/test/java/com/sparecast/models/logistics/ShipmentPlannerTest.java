package com.sparecast.models.logistics;

import com.sparecast.models.trade.CustomsRegime;
import com.sparecast.models.trade.CustomsRules;
import com.sparecast.models.trade.Party;
import com.sparecast.models.trade.Tariff;
import com.sparecast.models.trade.TradePart;
import com.sparecast.models.trade.TradeRules;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShipmentPlannerTest {

    /** Sunday. */
    private static final LocalDate PLANNING = LocalDate.of(2026, 11, 22);

    /** A party of record with every field a regime may ask for. */
    static Party complete(String name, String country) {
        return new Party(name, "1 Quay", "Port", "1000", country, country + "123456789", country + "987654321",
                "TX-" + country);
    }

    /** Every warehouse of these tests has a complete party of record. */
    private static final Map<String, Party> PARTIES = Map.of(
            "DC-NL", complete("Sparecast Nederland B.V.", "NL"), "WHGB", complete("Sparecast UK Ltd", "GB"),
            "WHRU", complete("Sparecast RU", "RU"), "DC-DE", complete("Sparecast DE", "DE"),
            "WH-MUC", complete("Sparecast DE", "DE"), "A", complete("A GmbH", "DE"), "B", complete("B SAS", "FR"),
            "DC-US", complete("Sparecast Inc.", "US"), "WHDE", complete("Sparecast Deutschland GmbH", "DE"));

    /**
     * Base USD, 1 EUR = 1.10 USD, 1 GBP = 1.25 USD; cartons of at most 25 kg with a tare of 0.5 kg
     * (the defaults); ship from the day after planning.
     */
    private static final TradeRules RULES = TradeRules.defaults()
            .withFxRates(Map.of("EUR", 1.10, "GBP", 1.25))
            .withBlockedDestinations(Set.of("RU"))
            .withParties(PARTIES);

    private static final ShipmentPlanner PLANNER = ShipmentPlanner.of(RULES);

    /** NL -> GB by road, Mon/Wed/Fri, 2 days transit + 1.5 customs, DDP, at most 100 kg gross. */
    private static final Lane LANE = new Lane("DC-NL", "WHGB", "NL", "GB", "ROAD", 2.0, 0.5, 1.5, 0.5, "DDP",
            Lane.parseWeekdays("MON;WED;FRI"), 100.0);

    private static final Map<String, TradePart> PARTS = Stream.of(
            new TradePart("P-100", "Pump", 120.00, "EUR", 20.0, "8413.70", "DE", "", "EAR99"),
            new TradePart("P-200", "Battery pack", 45.50, "EUR", 5.0, "8507.60", "CN", "UN3480", ""),
            new TradePart("P-300", "Sensor", 2.50, "EUR", 0.5, "903289", "JP", "", ""),
            new TradePart("P-400", "Cable", 8.00, "EUR", 1.0, "84X", "DE", "", ""))
            .collect(Collectors.toMap(TradePart::partNo, Function.identity()));

    /** GB: "" 4 % with de minimis 135 GBP, "8413" 1.7 %, "8507" 2.7 %; VAT 20 %. */
    private static final List<Tariff> GB_TARIFFS = List.of(
            new Tariff("GB", "", 0.04, 0.20, 135.0, "GBP"),
            new Tariff("GB", "8413", 0.017, 0.20, 135.0, "GBP"),
            new Tariff("GB", "8507", 0.027, 0.20, null, null));

    /** Monday 23rd is a holiday in NL. */
    private static final Set<LocalDate> NL_HOLIDAYS = Set.of(LocalDate.of(2026, 11, 23));

    private static TransferOrder order(String part, long qty) {
        return new TransferOrder("DC-NL", "WHGB", part, qty);
    }

    private static List<TransferOrder> orders() {
        return List.of(order("P-100", 2), order("P-200", 4), order("P-100", 1), order("P-300", 10),
                order("P-400", 30), order("P-500", 2), order("P-300", 0));
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    /*
     * The lane's case, by hand.
     * Ship date: earliest Mon 23rd (planning + 1) is a NL holiday; Tue no departure; Wed 25th.
     * Arrival: 25th + ceil(2.0 + 1.5) = + 4 days = Sun 29th, not a working day: Monday 30th.
     * Invoice currency: GB's own, GBP. EUR -> GBP at 1.10 / 1.25 = 0.880000; USD -> GBP 1 / 1.25 = 0.800000.
     * Lines (P-100 2+1 merged; P-300's zero order dropped), unit = round4(EUR unit * 0.88); cartons
     * hold floor((25 - 0.5) / unit kg) units, gross = net + 0.5 per carton:
     *   P-100 3 x 20 kg  = 60 net, 1 a carton: 3 cartons, 61.5 gross; 120.00 EUR -> 105.60 GBP, 316.80 GBP
     *   P-200 4 x 5 kg   = 20 net, 4 a carton: 1 carton, 20.5 gross; 45.50 EUR -> 40.04 GBP, 160.16 GBP, UN3480
     *   P-300 10 x 0.5   = 5 net, 49 a carton: 1 carton, 5.5 gross; 2.50 EUR -> 2.20 GBP, 22.00 GBP
     *   P-400 30 x 1 kg  = 30 net, 24 a carton: 24 + 6, 2 cartons, 31.0 gross; 211.20 GBP; HS "84X": HOLD
     *   P-500 unknown part (base currency USD, 0.00), 0 kg: 1 carton, 0.5 gross: HOLD PART_UNKNOWN
     * First-fit decreasing under 100 kg: 61.5 -> #1; 31.0 -> #1 (92.5); 20.5 -> #2 (#1 would be 113);
     *   5.5 -> #1 (98.0); 0.5 -> #1 (98.5).
     * #01: P-100 line 1, P-300 line 2 READY; P-400, P-500 HOLD lines 3, 4. Counted: P-100, P-300:
     *   316.80 + 22.00 = 338.80 GBP > 135 de minimis.
     *   P-100 "8413": duty 316.80 * 0.017 = 5.3856 -> 5.39; VAT 322.19 * 0.2 = 64.438 -> 64.44
     *   P-300 "":     duty 22.00 * 0.04 = 0.88;             VAT 22.88 * 0.2 = 4.576 -> 4.58
     *   duty 6.27, VAT 69.02; cartons 3 + 1 = 4: net 65.000, gross 65 + 4 * 0.5 = 67.000.
     * #02: P-200 line 1 READY: 160.16 GBP > 135. "8507": duty 160.16 * 0.027 = 4.32432 -> 4.32;
     *   VAT 164.48 * 0.2 = 32.896 -> 32.90; 1 carton: net 20.000, gross 20.500; dangerous goods yes.
     * No EEI (not from the US). fx_rate: the configured GBP rate 1.25 USD; fx_date: the planning date.
     * Named place of DDP: the importer's city and country, "Port, GB".
     */
    @Test
    void consolidatesValidatesAndCostsALane() {
        ShipmentPlan plan = PLANNER.planLane(PLANNING, LANE, orders(), PARTS, GB_TARIFFS, NL_HOLIDAYS);

        assertEquals(2, plan.shipments().size());
        Shipment s1 = plan.shipments().get(0);
        Shipment s2 = plan.shipments().get(1);
        assertEquals(List.of("SHP-20261125-DC_NL-WHGB-01", "DC-NL", "WHGB", "GB", "ROAD", "DDP", "2026-11-25",
                "2026-11-30", "2", "338.80", "GBP", "67.000", "6.27", "69.02", "false", "false", "READY", "EXPORT", "Port, GB", "4",
                "1.250000", "2026-11-22"),
                s1.csvValues());
        assertEquals(List.of("SHP-20261125-DC_NL-WHGB-02", "DC-NL", "WHGB", "GB", "ROAD", "DDP", "2026-11-25",
                "2026-11-30", "1", "160.16", "GBP", "20.500", "4.32", "32.90", "false", "true", "READY", "EXPORT", "Port, GB", "1",
                "1.250000", "2026-11-22"),
                s2.csvValues());
        assertEquals("SENDER", s1.dutiesPaidBy());
        assertEquals("NL", s1.originCountry());
        assertEquals(d("65.000"), s1.netWeightKg());
        // the cartons of #01: P-100's three of one unit, then P-300's one; held lines are not packed
        assertEquals(List.of("SHP-20261125-DC_NL-WHGB-01 1/4 P-100x1 20.000 20.500",
                "SHP-20261125-DC_NL-WHGB-01 2/4 P-100x1 20.000 20.500", "SHP-20261125-DC_NL-WHGB-01 3/4 P-100x1 20.000 20.500",
                "SHP-20261125-DC_NL-WHGB-01 4/4 P-300x10 5.000 5.500"), plan.cartonsOf(s1.shipmentId()).stream()
                .map(c -> c.marks() + " " + c.partNo() + "x" + c.quantity() + " " + c.netWeightKg() + " " + c.grossWeightKg())
                .toList());
        assertEquals(d("61.500"), plan.lines().get(0).grossWeightKg());
        assertEquals(d("105.60"), plan.lines().get(0).unitValue());
        assertEquals(d("120.00"), plan.lines().get(0).sourceUnitValue());
        assertEquals("EUR", plan.lines().get(0).sourceCurrency());
        assertEquals(d("0.880000"), plan.lines().get(0).fxRate());

        List<List<String>> rows = plan.lines().stream().map(ShipmentLine::csvValues).toList();
        assertEquals(List.of(
                List.of("SHP-20261125-DC_NL-WHGB-01", "1", "P-100", "Pump", "841370", "DE", "3",
                        "105.60", "316.80", "GBP", "60.000", "", "EAR99", "READY", ""),
                List.of("SHP-20261125-DC_NL-WHGB-01", "2", "P-300", "Sensor", "903289", "JP", "10", "2.20",
                        "22.00", "GBP", "5.000", "", "", "READY", ""),
                List.of("SHP-20261125-DC_NL-WHGB-01", "3", "P-400", "Cable", "84X", "DE", "30", "7.04", "211.20",
                        "GBP", "30.000", "", "", "HOLD", "HS_CODE_MALFORMED: hs_code '84X' is not 6 to 10 digits"),
                List.of("SHP-20261125-DC_NL-WHGB-01", "4", "P-500", "", "", "", "2", "0.00", "0.00", "GBP",
                        "0.000", "", "", "HOLD", "PART_UNKNOWN: part P-500 is not in master/parts.csv"),
                List.of("SHP-20261125-DC_NL-WHGB-02", "1", "P-200", "Battery pack", "850760", "CN", "4", "40.04",
                        "160.16", "GBP", "20.000", "UN3480", "", "READY", "")), rows);

        assertEquals(2, plan.holds().size());
        assertEquals("HS_CODE_MALFORMED", plan.holds().get(0).reasons());
        assertEquals("P-500", plan.holds().get(1).partNo());
        assertEquals(List.of("P-100", "P-300"), plan.documentLines(s1).stream().map(ShipmentLine::partNo).toList());
        assertEquals(4, plan.linesOf(s1.shipmentId()).size());
    }

    @Test
    void theSameOrdersInAnotherOrderGiveTheSamePlan() {
        List<TransferOrder> shuffled = new ArrayList<>(orders());
        Collections.reverse(shuffled);
        assertEquals(PLANNER.planLane(PLANNING, LANE, orders(), PARTS, GB_TARIFFS, NL_HOLIDAYS),
                PLANNER.planLane(PLANNING, LANE, shuffled, PARTS, GB_TARIFFS, NL_HOLIDAYS));
    }

    /*
     * Blocked destination: every cross-border line held, so the one shipment is HOLD. It carries
     * its held line: 1 line, 3 cartons of one 20 kg pump, 3 * 20.5 = 61.5 kg gross, and no duty, VAT or EEI. RU's currency (RUB) has no rate:
     * invoiced in the base currency, 3 x (120.00 EUR * 1.100000) = 3 x 132.00 = 396.00 USD.
     */
    @Test
    void aShipmentWithOnlyHeldLinesIsHold() {
        Lane toRu = new Lane("DC-NL", "WHRU", "NL", "RU", "RAIL", 6, 1, 2, 1, "DAP", null, null);
        ShipmentPlan plan = PLANNER.planLane(PLANNING, toRu, List.of(new TransferOrder("DC-NL", "WHRU", "P-100", 3)),
                PARTS, List.of(new Tariff("RU", "", 0.1, 0.2, null, null)), Set.of());
        assertEquals(1, plan.shipments().size());
        Shipment s = plan.shipments().get(0);
        // Monday 23rd (no NL holiday passed here) + ceil(6 + 2) = Tue Dec 1st
        assertEquals(List.of("SHP-20261123-DC_NL-WHRU-01", "DC-NL", "WHRU", "RU", "RAIL", "DAP", "2026-11-23",
                "2026-12-01", "1", "396.00", "USD", "61.500", "0.00", "0.00", "false", "false", "HOLD", "EXPORT", "Port, RU", "3",
                "1.000000", "2026-11-22"),
                s.csvValues());
        assertEquals("HOLD", plan.lines().get(0).status());
        assertEquals("DESTINATION_BLOCKED: destination RU is blocked by configuration", plan.lines().get(0).holdReason());
        assertEquals(1, plan.holds().size());
        assertEquals(1, plan.documentLines(s).size());
    }

    @Test
    void lithiumOnPassengerAirIsHeldEvenDomestically() {
        Lane air = new Lane("DC-DE", "WH-MUC", "DE", "DE", "AIR_PASSENGER", 1, 0, 0, 0, "DAP", null, null);
        ShipmentPlan plan = PLANNER.planLane(PLANNING, air, List.of(
                new TransferOrder("DC-DE", "WH-MUC", "P-200", 1), new TransferOrder("DC-DE", "WH-MUC", "P-400", 2)),
                PARTS, List.of(), Set.of());
        Shipment s = plan.shipments().get(0);
        assertEquals("READY", s.status());
        // domestic: P-400's malformed HS code is not checked; no duty
        assertEquals(List.of("P-400", "P-200"), plan.lines().stream().map(ShipmentLine::partNo).toList());
        assertEquals("READY", plan.lines().get(0).status());
        assertEquals("HOLD", plan.lines().get(1).status());
        assertTrue(plan.lines().get(1).holdReason().startsWith("DANGEROUS_GOODS_ON_PASSENGER_AIR: UN3480"));
        assertEquals(d("0.00"), s.estimatedDuty());
        assertEquals("NONE", s.dutiesPaidBy());
        assertFalse(s.dangerousGoods());  // the battery left the shipment
        assertEquals(d("16.00"), s.totalValue());
    }

    /*
     * Splitting in whole cartons and first-fit decreasing, cartons of 25 kg with 0.5 kg tare, lane max 100 kg:
     * HEAVY 7 x 30 kg: a unit is over the carton's 24.5 kg allowance, so one a carton, 30.5 kg gross each.
     *   7 x 30.5 = 213.5 kg > 100: pieces of whole cartons while at most 100: 3 (91.5), 3 (91.5), 1 (30.5).
     * LIGHT 1 x 10 kg: one carton, 10.5 kg.
     * TOOBIG one unit 150 kg: 150.5 kg in its carton > 100: HOLD OVERWEIGHT, one piece.
     * Sorted: 150.5, 91.5 (piece 0), 91.5 (piece 1), 30.5, 10.5.
     *   150.5 -> #1; 91.5 -> #2; 91.5 -> #3; 30.5 -> #4 (#1 181, #2 122, #3 122); 10.5 -> #4 (#2 would be 102).
     * Packages: #1 (held: counts its held line) 1, #2 3, #3 3, #4 1 + 1 = 2.
     */
    @Test
    void heavyLinesAreSplitInWholeCartonsAndPackedFirstFitDecreasing() {
        Map<String, TradePart> parts = Map.of(
                "HEAVY", new TradePart("HEAVY", "Gearbox", 100, "EUR", 30, "848340", "DE", "", ""),
                "LIGHT", new TradePart("LIGHT", "Filter", 10, "EUR", 10, "842123", "DE", "", ""),
                "TOOBIG", new TradePart("TOOBIG", "Motor", 1000, "EUR", 150, "850152", "DE", "", ""));
        Lane lane = new Lane("A", "B", "DE", "FR", "ROAD", 1, 0, 0, 0, "DAP", null, 100.0);
        ShipmentPlan plan = PLANNER.planLane(PLANNING, lane, List.of(
                new TransferOrder("A", "B", "HEAVY", 7), new TransferOrder("A", "B", "LIGHT", 1),
                new TransferOrder("A", "B", "TOOBIG", 1)), parts, List.of(), Set.of());
        List<String> summary = plan.shipments().stream().map(s -> s.shipmentId() + " " + s.status() + " "
                + s.grossWeightKg() + " " + s.lines() + " " + s.packages()).toList();
        assertEquals(List.of(
                "SHP-20261123-A-B-01 HOLD 150.500 1 1",
                "SHP-20261123-A-B-02 READY 91.500 1 3",
                "SHP-20261123-A-B-03 READY 91.500 1 3",
                "SHP-20261123-A-B-04 READY 41.000 2 2"), summary);
        assertEquals("OVERWEIGHT", plan.holds().get(0).reasons());
        assertEquals("OVERWEIGHT: one unit weighs 150.500 kg gross in its carton, over the lane maximum of 100.000 kg",
                plan.lines().get(0).holdReason());
        List<String> lines = plan.lines().stream()
                .map(l -> l.shipmentId().substring(17) + ":" + l.lineNo() + ":" + l.partNo() + "x" + l.quantity()).toList();
        assertEquals(List.of("01:1:TOOBIGx1", "02:1:HEAVYx3", "03:1:HEAVYx3", "04:1:HEAVYx1", "04:2:LIGHTx1"), lines);
        // every READY shipment within the lane's limit
        plan.shipments().stream().filter(Shipment::ready)
                .forEach(s -> assertTrue(s.grossWeightKg().compareTo(d("100")) <= 0, s.shipmentId()));
    }

    /*
     * An export shipment is one customs declaration, at most maxDeclarationItems goods items. With
     * 3 a declaration, seven parts of 1 to 7 kg (one unit each, gross 1.5 to 7.5 kg) on an export
     * lane without a weight limit go first-fit decreasing as 3 + 3 + 1 lines: in #01,
     * in #02, Q-1 in #03. Inside the EU there is no declaration: one shipment of 7.
     * With the default 999, 1,000 parts to GB go as 999 + 1.
     */
    @Test
    void anExportShipmentCarriesNoMoreLinesThanADeclarationHasGoodsItems() {
        Map<String, TradePart> parts = new java.util.TreeMap<>();
        for (int i = 1; i <= 1000; i++) {
            String no = "Q-" + i;
            parts.put(no, new TradePart(no, "Part " + i, 10, "EUR", i <= 7 ? i : 0.1, "847330", "DE", "", ""));
        }
        Lane toGb = new Lane("DC-NL", "WHGB", "NL", "GB", "SEA", 2.0, 0.5, 1.5, 0.5, "DAP", null, null);
        Function<Integer, List<TransferOrder>> first = n -> parts.keySet().stream()
                .filter(no -> Integer.parseInt(no.substring(2)) <= n).map(no -> order(no, 1)).toList();
        ShipmentPlanner three = ShipmentPlanner.of(RULES.withCustoms(RULES.customs().withMaxDeclarationItems(3)));

        ShipmentPlan exported = three.planLane(PLANNING, toGb, first.apply(7), parts, GB_TARIFFS, Set.of());
        assertEquals(List.of("EXPORT", "EXPORT", "EXPORT"),
                exported.shipments().stream().map(Shipment::customsRegime).toList());
        assertEquals(Map.of("01", Set.of("Q-7", "Q-6", "Q-5"), "02", Set.of("Q-4", "Q-3", "Q-2"), "03", Set.of("Q-1")),
                exported.lines().stream().collect(Collectors.groupingBy(
                        l -> l.shipmentId().substring(l.shipmentId().length() - 2),
                        Collectors.mapping(ShipmentLine::partNo, Collectors.toSet()))));

        List<TransferOrder> toDe = first.apply(7).stream()
                .map(o -> new TransferOrder("DC-NL", "WHDE", o.partNo(), o.quantity())).toList();
        ShipmentPlan inside = three.planLane(PLANNING, TO_DE, toDe, parts, DE_TARIFFS, Set.of());
        assertEquals(1, inside.shipments().size());
        assertEquals("INTRA_UNION", inside.shipments().get(0).customsRegime());
        assertEquals(7, inside.shipments().get(0).lines());

        ShipmentPlan many = PLANNER.planLane(PLANNING, toGb, first.apply(1000), parts, GB_TARIFFS, Set.of());
        assertEquals(List.of(999, 1), many.shipments().stream().map(Shipment::lines).toList());
        assertEquals(CustomsRules.DEFAULT_MAX_DECLARATION_ITEMS, RULES.customs().maxDeclarationItems());
    }

    /*
     * EEI from the US to NL, invoiced in EUR: USD -> EUR at 1 / 1.10 = 0.909091. SRV 1300.00 USD ->
     * round4(1300 * 0.909091) = 1181.8183 EUR, 2 x = 2363.6366 -> 2363.64 EUR; FAN 100.00 EUR.
     * Total 2463.64 EUR. HS 847130 worth 2363.64 EUR = 2600.004 -> 2600.00 USD > 2500 -> EEI.
     * One board: 1181.82 EUR = 1300.00 USD, not over.
     */
    @Test
    void eeiFromTheUsOverTheThresholdPerHsCode() {
        Map<String, TradePart> parts = Map.of(
                "SRV", new TradePart("SRV", "Server board", 1300, "USD", 2, "8471.30", "US", "", "EAR99"),
                "FAN", new TradePart("FAN", "Fan", 100, "EUR", 1, "841459", "CN", "", ""));
        Lane lane = new Lane("DC-US", "DC-NL", "US", "NL", "AIR_CARGO", 2, 0.5, 1, 0.5, "DAP", null, null);
        ShipmentPlan plan = PLANNER.planLane(PLANNING, lane, List.of(new TransferOrder("DC-US", "DC-NL", "SRV", 2),
                new TransferOrder("DC-US", "DC-NL", "FAN", 1)), parts, List.of(), Set.of());
        Shipment s = plan.shipments().get(0);
        assertTrue(s.eeiRequired());
        assertEquals("EUR", s.currency());
        assertEquals(d("2463.64"), s.totalValue());
        assertEquals("NL", s.destinationCountry());
        assertEquals("RECEIVER", s.dutiesPaidBy());
        // one server board: 1300 USD, not over
        ShipmentPlan one = PLANNER.planLane(PLANNING, lane, List.of(new TransferOrder("DC-US", "DC-NL", "SRV", 1)),
                parts, List.of(), Set.of());
        assertFalse(one.shipments().get(0).eeiRequired());
    }

    @Test
    void noOrdersNoShipments() {
        assertEquals(ShipmentPlan.empty(), PLANNER.planLane(PLANNING, LANE, List.of(order("P-100", 0)), PARTS,
                GB_TARIFFS, Set.of()));
    }

    private static final Map<String, TradePart> MIXED = Map.of(
            "U", new TradePart("U", "USD part", 10.00, "USD", 1, "848210", "US", "", ""),
            "E", new TradePart("E", "EUR part", 0.3333, "EUR", 1, "848210", "DE", "", ""));

    private static List<TransferOrder> mixedOrders() {
        return List.of(order("U", 3), order("E", 3));
    }

    /*
     * One currency per shipment, whatever the parts' currencies, and the total is the sum of the
     * printed lines. To GB (GBP): U 10.00 USD * 0.800000 = 8.00 GBP, 3 x = 24.00; E 0.3333 EUR *
     * 0.880000 = 0.293304 -> 0.2933 GBP, 3 x = 0.8799 -> 0.88. Total 24.00 + 0.88 = 24.88 GBP.
     * Configured GB -> EUR: U 10.00 * (1 / 1.10 = 0.909091) = 9.09091 -> 9.0909, 3 x = 27.2727 -> 27.27;
     * E stays 0.3333 EUR (rate 1.000000), 3 x = 0.9999 -> 1.00. Total 28.27 EUR; fx_rate 1.100000.
     */
    @Test
    void everyLineIsConvertedToTheOneInvoiceCurrency() {
        ShipmentPlan gbp = PLANNER.planLane(PLANNING, LANE, mixedOrders(), MIXED, List.of(), Set.of());
        assertEquals(List.of("U GBP 8.00 24.00 0.800000", "E GBP 0.2933 0.88 0.880000"), gbp.lines().stream()
                .sorted(java.util.Comparator.comparing(ShipmentLine::partNo).reversed())
                .map(l -> l.partNo() + " " + l.currency() + " " + l.unitValue().toPlainString() + " "
                        + l.lineValue().toPlainString() + " " + l.fxRate().toPlainString()).toList());
        Shipment s = gbp.shipments().get(0);
        assertEquals("GBP", s.currency());
        assertEquals(d("24.88"), s.totalValue());
        assertEquals(d("24.88"), gbp.lines().stream().map(ShipmentLine::lineValue).reduce(BigDecimal.ZERO, BigDecimal::add));

        TradeRules eur = RULES.withCustoms(RULES.customs().withInvoiceCurrencies(Map.of("gb", "eur"))
                .withFxDate(LocalDate.of(2026, 11, 19)));
        ShipmentPlan inEur = ShipmentPlanner.of(eur).planLane(PLANNING, LANE, mixedOrders(), MIXED, List.of(), Set.of());
        Shipment e = inEur.shipments().get(0);
        assertEquals("EUR", e.currency());
        assertEquals(d("28.27"), e.totalValue());
        assertEquals(List.of("1.100000", "2026-11-19"), e.csvValues().subList(20, 22));
        assertEquals(List.of("E 0.3333 1.00 1.000000", "U 9.0909 27.27 0.909091"), inEur.lines().stream()
                .map(l -> l.partNo() + " " + l.unitValue().toPlainString() + " " + l.lineValue().toPlainString()
                        + " " + l.fxRate().toPlainString()).toList());
    }

    @Test
    void partiesComeFromConfiguration() {
        Shipment s = PLANNER.planLane(PLANNING, LANE, orders(), PARTS, GB_TARIFFS, Set.of()).shipments().get(0);
        assertEquals("Sparecast Nederland B.V.", PLANNER.partiesOf(s).exporter().name());
        assertEquals("Sparecast UK Ltd", PLANNER.partiesOf(s).importer().name());
        assertEquals("GB987654321", PLANNER.partiesOf(s).importer().eori());
    }

    /** NL to DE by road, DAP; DE charges 1.7 % duty on "8413" and 19 % VAT, no de minimis. */
    private static final Lane TO_DE = new Lane("DC-NL", "WHDE", "NL", "DE", "ROAD", 1.0, 0.5, 0, 0, "DAP", null, null);
    private static final List<Tariff> DE_TARIFFS = List.of(new Tariff("DE", "8413", 0.017, 0.19, null, null));

    /*
     * NL and DE are both in the EU-27 (the default union): INTRA_UNION. P-100 3 x 120.00 = 360.00 EUR
     * would owe 360 * 0.017 = 6.12 duty and (360 + 6.12) * 0.19 = 69.5628 -> 69.56 VAT as an export;
     * inside the union it owes neither, files no EEI and nobody pays duties (NONE).
     */
    @Test
    void aLaneInsideTheEuOwesNoDutyNoVatAndNoEei() {
        ShipmentPlan plan = PLANNER.planLane(PLANNING, TO_DE, List.of(new TransferOrder("DC-NL", "WHDE", "P-100", 3)),
                PARTS, DE_TARIFFS, Set.of());
        Shipment s = plan.shipments().get(0);
        assertEquals("INTRA_UNION", s.customsRegime());
        assertEquals("READY", s.status());
        assertEquals(d("360.00"), s.totalValue());
        assertEquals(d("0.00"), s.estimatedDuty());
        assertEquals(d("0.00"), s.estimatedVat());
        assertFalse(s.eeiRequired());
        assertEquals("NONE", s.dutiesPaidBy());
    }

    /*
     * Membership comes from configuration: with no union NL -> DE is an EXPORT owing 6.12 duty and
     * 69.56 VAT (above); a union of NL and DE alone keeps it INTRA_UNION; a union without NL
     * (MERCOSUR: BR, AR) makes it an EXPORT again.
     */
    @Test
    void customsUnionMembershipIsConfiguration() {
        List<TransferOrder> order = List.of(new TransferOrder("DC-NL", "WHDE", "P-100", 3));
        Shipment none = ShipmentPlanner.of(RULES.withCustoms(CustomsRules.defaults().withUnions(Map.of())))
                .planLane(PLANNING, TO_DE, order, PARTS, DE_TARIFFS, Set.of()).shipments().get(0);
        assertEquals("EXPORT", none.customsRegime());
        assertEquals(d("6.12"), none.estimatedDuty());
        assertEquals(d("69.56"), none.estimatedVat());
        assertEquals("RECEIVER", none.dutiesPaidBy());
        Shipment benelux = ShipmentPlanner.of(RULES.withCustoms(CustomsRules.defaults()
                        .withUnions(Map.of("NLDE", Set.of("nl", "DE")))))
                .planLane(PLANNING, TO_DE, order, PARTS, DE_TARIFFS, Set.of()).shipments().get(0);
        assertEquals("INTRA_UNION", benelux.customsRegime());
        Shipment mercosur = ShipmentPlanner.of(RULES.withCustoms(CustomsRules.defaults()
                        .withUnions(Map.of("MERCOSUR", Set.of("BR", "AR")))))
                .planLane(PLANNING, TO_DE, order, PARTS, DE_TARIFFS, Set.of()).shipments().get(0);
        assertEquals("EXPORT", mercosur.customsRegime());
        // same country: DOMESTIC, whatever the unions
        assertEquals(CustomsRegime.DOMESTIC, RULES.regime("DE", "de"));
    }

    /*
     * GB's importer without an EORI: every line of the lane is held MISSING_PARTY_DATA naming the
     * warehouse and the field, so both shipments of the lane (see the lane's case above) are HOLD,
     * owing nothing; P-400 (line 3 of #01, all of whose lines are held, by part) keeps its own reason first.
     */
    @Test
    void aPartyWithoutWhatItsRegimeRequiresHoldsTheShipment() {
        Map<String, Party> parties = new java.util.TreeMap<>(PARTIES);
        Party gb = PARTIES.get("WHGB");
        parties.put("WHGB", new Party(gb.name(), gb.street(), gb.city(), gb.postalCode(), "GB", gb.vatNumber(), "",
                gb.taxId()));
        ShipmentPlan plan = ShipmentPlanner.of(RULES.withParties(parties))
                .planLane(PLANNING, LANE, orders(), PARTS, GB_TARIFFS, NL_HOLIDAYS);
        assertEquals(List.of("HOLD", "HOLD"), plan.shipments().stream().map(Shipment::status).toList());
        assertEquals(d("0.00"), plan.shipments().get(1).estimatedDuty());
        assertEquals("MISSING_PARTY_DATA: warehouse WHGB (importer) has no eori",
                plan.lines().get(0).holdReason());
        assertEquals("HS_CODE_MALFORMED: hs_code '84X' is not 6 to 10 digits; "
                + "MISSING_PARTY_DATA: warehouse WHGB (importer) has no eori", plan.lines().get(2).holdReason());
        assertEquals(5, plan.holds().size());
        // a warehouse without a party of record lacks its name and address
        ShipmentPlan unknown = ShipmentPlanner.of(RULES.withParties(Map.of("DC-NL", PARTIES.get("DC-NL"))))
                .planLane(PLANNING, LANE, List.of(order("P-100", 1)), PARTS, GB_TARIFFS, NL_HOLIDAYS);
        assertEquals("MISSING_PARTY_DATA: warehouse WHGB (importer) has no legal_name; "
                + "MISSING_PARTY_DATA: warehouse WHGB (importer) has no street; "
                + "MISSING_PARTY_DATA: warehouse WHGB (importer) has no city; "
                + "MISSING_PARTY_DATA: warehouse WHGB (importer) has no postal_code; "
                + "MISSING_PARTY_DATA: warehouse WHGB (importer) has no eori", unknown.lines().get(0).holdReason());
    }

    @Test
    void everythingSerializesForSpark() throws Exception {
        ShipmentPlan plan = PLANNER.planLane(PLANNING, LANE, orders(), PARTS, GB_TARIFFS, NL_HOLIDAYS);
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(PLANNER);
            out.writeObject(LANE);
            out.writeObject(plan);
            out.writeObject(new HolidayCalendar(Map.of("NL", NL_HOLIDAYS)));
        }
    }

    @Test
    void headersFollowTheContract() {
        assertEquals("shipment_id,origin_warehouse,destination_warehouse,destination_country,mode,incoterm,"
                + "ship_date,expected_arrival,lines,total_value,currency,gross_weight_kg,estimated_duty,"
                + "estimated_vat,eei_required,dangerous_goods,status,customs_regime,incoterm_place,packages,fx_rate,fx_date",
                String.join(",", Shipment.csvHeader()));
        assertEquals("shipment_id,line_no,part_no,description,hs_code,origin_country,quantity,unit_value,"
                + "line_value,currency,net_weight_kg,dangerous_goods,eccn,status,hold_reason",
                String.join(",", ShipmentLine.csvHeader()));
    }

    /** The holds the plan step asks for before shipments exist are the lines' own holds. */
    @Test
    void holdsOfAPartOnALaneAreThoseItsLineGets() {
        ShipmentPlan plan = PLANNER.planLane(PLANNING, LANE, orders(), PARTS, GB_TARIFFS, NL_HOLIDAYS);
        for (ShipmentLine line : plan.lines()) {
            List<String> texts = PLANNER.holds(LANE, line.partNo(), PARTS.get(line.partNo())).stream()
                    .map(h -> h.text().replace(';', ',')).toList();
            assertEquals(line.holdReason(), String.join("; ", texts), line.partNo());
        }
        assertEquals(List.of(com.sparecast.models.trade.HoldReason.PART_UNKNOWN),
                PLANNER.holds(LANE, "P-NONE", null).stream().map(com.sparecast.models.trade.Hold::reason).toList());
    }
}
