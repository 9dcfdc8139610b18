package com.sparecast.models.trade;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each entry of the dangerous goods table, as IATA DGR writes it, and the lane rule that uses it. */
class DangerousGoodsTest {

    private static final DangerousGoods TABLE = DangerousGoods.standard();

    @Test
    void eachLithiumBatteryEntry() {
        assertEquals(new DangerousGoods.Entry("UN3480", "Lithium ion batteries", "9", "965", true),
                TABLE.lookup("UN3480").orElseThrow());
        assertEquals(new DangerousGoods.Entry("UN3481",
                "Lithium ion batteries packed with equipment / contained in equipment", "9",
                "966 (packed with) / 967 (contained in)", false), TABLE.lookup("un 3481").orElseThrow());
        assertEquals(new DangerousGoods.Entry("UN3090", "Lithium metal batteries", "9", "968", true),
                TABLE.lookup("3090").orElseThrow());
        assertEquals(new DangerousGoods.Entry("UN3091",
                "Lithium metal batteries packed with equipment / contained in equipment", "9",
                "969 (packed with) / 970 (contained in)", false), TABLE.lookup("UN3091").orElseThrow());
        assertEquals(Set.of("UN3090", "UN3091", "UN3480", "UN3481"), TABLE.entries().keySet());
        assertFalse(TABLE.lookup("UN1234").isPresent());
    }

    /*
     * The lane rule reads the same table: on AIR_PASSENGER, UN3480 and UN3090 are held (with the
     * table's name, class and packing instruction in the reason), UN3481 and UN3091 fly; on
     * AIR_CARGO none is held. Configuration may add a UN number (UN1845, dry ice) but the default adds none.
     */
    @Test
    void theLaneRuleUsesTheTable() {
        TradeRules rules = TradeRules.defaults();
        assertEquals(Set.of(), rules.passengerAirForbiddenUn());
        for (String un : List.of("UN3480", "UN3090", "UN3481", "UN3091", "UN1845")) {
            TradePart part = new TradePart("P", "Battery", 1, "USD", 1, "850760", "CN", un, "");
            List<Hold> pax = LineChecks.holds(rules, part, "NL", "NL", LineChecks.AIR_PASSENGER);
            assertEquals(TABLE.forbiddenOnPassengerAircraft(un), !pax.isEmpty(), un);
            assertTrue(LineChecks.holds(rules, part, "NL", "NL", "AIR_CARGO").isEmpty(), un);
        }
        TradePart ion = new TradePart("P", "Battery", 1, "USD", 1, "850760", "CN", "UN3480", "");
        assertEquals("UN3480 (Lithium ion batteries, class 9, PI 965) is forbidden on passenger aircraft",
                LineChecks.holds(rules, ion, "NL", "NL", LineChecks.AIR_PASSENGER).get(0).detail());
        TradePart dryIce = new TradePart("P", "Dry ice", 1, "USD", 1, "281121", "NL", "UN1845", "");
        assertEquals("UN1845 is forbidden on passenger aircraft", LineChecks.holds(rules.withPassengerAirForbiddenUn(
                Set.of("UN1845")), dryIce, "NL", "NL", LineChecks.AIR_PASSENGER).get(0).detail());
    }
}
