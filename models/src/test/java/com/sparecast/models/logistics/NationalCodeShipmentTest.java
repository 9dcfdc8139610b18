package com.sparecast.models.logistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sparecast.models.trade.CustomsRules;
import com.sparecast.models.trade.Party;
import com.sparecast.models.trade.Tariff;
import com.sparecast.models.trade.TradePart;
import com.sparecast.models.trade.TradeRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipment planner declares the national code, looks duty up by it, and holds or warns without one. */
class NationalCodeShipmentTest {

    private static final LocalDate PLANNING = LocalDate.of(2026, 11, 22);

    private static final Map<String, Party> PARTIES = Map.of(
            "DC-NL", ShipmentPlannerTest.complete("Sparecast Nederland B.V.", "NL"),
            "WHUS", ShipmentPlannerTest.complete("Sparecast Inc.", "US"));

    /** Base USD; the US needs 10 digits; no de minimis, VAT 0 in the US tariff rows below. */
    private static final TradeRules RULES = TradeRules.defaults().withParties(PARTIES)
            .withCustoms(CustomsRules.defaults().withNationalCodeDigits(Map.of("US", 10)));

    /** NL -> US by sea on Wednesdays, DAP, no weight limit. */
    private static final Lane LANE = new Lane("DC-NL", "WHUS", "NL", "US", "SEA", 18, 3, 3, 2, "DAP",
            Lane.parseWeekdays("WED"), null);

    /** Both USD 100.00 a unit, HS 853710; only P-1 has a US code. */
    private static final Map<String, TradePart> PARTS = Map.of(
            "P-1", new TradePart("P-1", "Board", 100, "USD", 1.0, "853710", "DE", "", "", Map.of("US", "8537100010")),
            "P-2", new TradePart("P-2", "Board B", 100, "USD", 1.0, "853710", "DE", "", ""));

    /** "8537" 2 %, "85371000" 5 %: the national code's longest prefix is the 8-digit row. */
    private static final List<Tariff> US_TARIFFS = List.of(
            new Tariff("US", "8537", 0.02, 0, null, null),
            new Tariff("US", "85371000", 0.05, 0, null, null));

    private static List<TransferOrder> orders() {
        return List.of(new TransferOrder("DC-NL", "WHUS", "P-1", 10), new TransferOrder("DC-NL", "WHUS", "P-2", 10));
    }

    /*
     * Held (the default): P-1 declares 8537100010; its 10 x 100.00 = 1000.00 USD line matches
     * "85371000" (the 6-digit 853710 would match only "8537"): duty 1000.00 * 0.05 = 50.00.
     * P-2 has no 10-digit code: HOLD, off the totals. Shipment value 1000.00, duty 50.00.
     */
    @Test
    void dutyUsesTheNationalCodeAndALineWithoutOneIsHeld() {
        ShipmentPlan plan = ShipmentPlanner.of(RULES).planLane(PLANNING, LANE, orders(), PARTS, US_TARIFFS, Set.of());
        ShipmentLine p1 = plan.lines().get(0);
        ShipmentLine p2 = plan.lines().get(1);
        assertEquals("P-1", p1.partNo());
        assertEquals("8537100010", p1.hsCode());
        assertEquals(Shipment.READY, p1.status());
        assertEquals("P-2", p2.partNo());
        assertEquals(Shipment.HOLD, p2.status());
        assertEquals("HS_NATIONAL_CODE_MISSING: no 10-digit tariff code for US (hs_code 853710, "
                + "master/hs_national.csv has none)", p2.holdReason());
        assertEquals("HS_NATIONAL_CODE_MISSING", plan.holds().get(0).reasons());
        Shipment s = plan.shipments().get(0);
        assertEquals(new BigDecimal("1000.00"), s.totalValue());
        assertEquals(new BigDecimal("50.00"), s.estimatedDuty());
    }

    /*
     * Warn-only US: P-2 ships READY with its 6-digit code and a WARNING in hold_reason; its duty
     * from "8537": 1000.00 * 0.02 = 20.00. Shipment: 2000.00, duty 50.00 + 20.00 = 70.00.
     */
    @Test
    void warnOnlyShipsTheLineWithAWarning() {
        TradeRules warn = RULES.withCustoms(RULES.customs().withNationalCodeWarnOnly(Set.of("US")));
        ShipmentPlan plan = ShipmentPlanner.of(warn).planLane(PLANNING, LANE, orders(), PARTS, US_TARIFFS, Set.of());
        ShipmentLine p2 = plan.lines().get(1);
        assertEquals(Shipment.READY, p2.status());
        assertEquals("853710", p2.hsCode());
        assertEquals("WARNING HS_NATIONAL_CODE_MISSING: no 10-digit tariff code for US (hs_code 853710, "
                + "master/hs_national.csv has none)", p2.holdReason());
        assertEquals(List.of(), plan.holds());
        Shipment s = plan.shipments().get(0);
        assertEquals(new BigDecimal("2000.00"), s.totalValue());
        assertEquals(new BigDecimal("70.00"), s.estimatedDuty());
    }
}
