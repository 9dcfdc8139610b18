package com.sparecast.models.trade;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LineChecksTest {

    /** Blocks RU; 5A002 needs a licence; UN3480/UN3090 held on passenger air. */
    private final TradeRules rules = TradeRules.defaults()
            .withBlockedDestinations(Set.of("RU"))
            .withLicensedEccns(Set.of("5A002"));

    private static TradePart part(String hs, String origin, String dg, String eccn) {
        return new TradePart("P-1", "Pump", 10.0, "EUR", 1.0, hs, origin, dg, eccn);
    }

    private List<HoldReason> reasons(TradePart p, String from, String to, String mode) {
        return LineChecks.holds(rules, p, from, to, mode).stream().map(Hold::reason).toList();
    }

    @Test
    void aCleanCrossBorderLineHasNoHold() {
        assertEquals(List.of(), reasons(part("8413.70", "DE", "", "EAR99"), "NL", "GB", "ROAD"));
    }

    @Test
    void missingHsCode() {
        assertEquals(List.of(HoldReason.HS_CODE_MISSING), reasons(part("", "DE", "", "EAR99"), "NL", "GB", "ROAD"));
        assertEquals(List.of(HoldReason.HS_CODE_MISSING), reasons(part(null, "DE", "", ""), "NL", "GB", "ROAD"));
    }

    @Test
    void malformedHsCode() {
        assertEquals(List.of(HoldReason.HS_CODE_MALFORMED), reasons(part("84137", "DE", "", ""), "NL", "GB", "ROAD"));
        assertEquals(List.of(HoldReason.HS_CODE_MALFORMED), reasons(part("84137000001", "DE", "", ""), "NL", "GB", "ROAD"));
        assertEquals(List.of(HoldReason.HS_CODE_MALFORMED), reasons(part("84X370", "DE", "", ""), "NL", "GB", "ROAD"));
        Hold h = LineChecks.holds(rules, part("84X370", "DE", "", ""), "NL", "GB", "ROAD").get(0);
        assertEquals("HS_CODE_MALFORMED: hs_code '84X370' is not 6 to 10 digits", h.text());
    }

    @Test
    void missingOrInvalidOriginCountry() {
        assertEquals(List.of(HoldReason.ORIGIN_COUNTRY_MISSING), reasons(part("841370", "", "", ""), "NL", "GB", "SEA"));
        assertEquals(List.of(HoldReason.ORIGIN_COUNTRY_INVALID), reasons(part("841370", "DEU", "", ""), "NL", "GB", "SEA"));
    }

    @Test
    void blockedDestination() {
        assertEquals(List.of(HoldReason.DESTINATION_BLOCKED), reasons(part("841370", "DE", "", ""), "NL", "RU", "RAIL"));
    }

    @Test
    void eccnNeedingALicence() {
        assertEquals(List.of(HoldReason.ECCN_LICENCE_REQUIRED),
                reasons(part("847130", "US", "", "5A002.a.1"), "US", "DE", "AIR_CARGO"));
        assertEquals(List.of(), reasons(part("847130", "US", "", "EAR99"), "US", "DE", "AIR_CARGO"));
    }

    @Test
    void lithiumBatteriesOnPassengerAir() {
        assertEquals(List.of(HoldReason.DANGEROUS_GOODS_ON_PASSENGER_AIR),
                reasons(part("850760", "CN", "UN3480", ""), "NL", "GB", "AIR_PASSENGER"));
        assertEquals(List.of(HoldReason.DANGEROUS_GOODS_ON_PASSENGER_AIR),
                reasons(part("850650", "CN", "un 3090", ""), "NL", "GB", "AIR_PASSENGER"));
        // the same batteries by cargo aircraft or road ship; another UN number by passenger air ships
        assertEquals(List.of(), reasons(part("850760", "CN", "UN3480", ""), "NL", "GB", "AIR_CARGO"));
        assertEquals(List.of(), reasons(part("850760", "CN", "UN3480", ""), "NL", "GB", "ROAD"));
        assertEquals(List.of(), reasons(part("850760", "CN", "UN3481", ""), "NL", "GB", "AIR_PASSENGER"));
    }

    @Test
    void unknownCurrency() {
        TradePart p = new TradePart("P-1", "Pump", 10.0, "XAU", 1.0, "841370", "DE", "", "");
        assertEquals(List.of(HoldReason.CURRENCY_UNKNOWN), reasons(p, "NL", "GB", "ROAD"));
    }

    @Test
    void everyFailingCheckIsReported() {
        assertEquals(List.of(HoldReason.HS_CODE_MISSING, HoldReason.ORIGIN_COUNTRY_MISSING,
                        HoldReason.DESTINATION_BLOCKED, HoldReason.ECCN_LICENCE_REQUIRED,
                        HoldReason.DANGEROUS_GOODS_ON_PASSENGER_AIR),
                reasons(part("", "", "UN3480", "5A002"), "NL", "RU", "AIR_PASSENGER"));
    }

    @Test
    void domesticLinesAreOnlyCheckedForDangerousGoodsOnPassengerAir() {
        // no HS code, no origin, licensed ECCN: all fine within one country
        assertEquals(List.of(), reasons(part("", "", "", "5A002"), "DE", "DE", "ROAD"));
        assertEquals(List.of(HoldReason.DANGEROUS_GOODS_ON_PASSENGER_AIR),
                reasons(part("", "", "UN3480", ""), "DE", "DE", "AIR_PASSENGER"));
        // a blocked country's domestic lane is not a cross-border destination
        assertEquals(List.of(), reasons(part("", "", "", ""), "RU", "RU", "ROAD"));
    }
}
