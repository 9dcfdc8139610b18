package com.sparecast.models.trade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * National tariff codes (issue 14): the digits a destination requires, the code a part declares
 * there, and the {@link HoldReason#HS_NATIONAL_CODE_MISSING} hold or warning.
 */
class NationalTariffCodesTest {

    /** The application's defaults (sparecast-defaults.properties): US 10, GB 10, EU 8, BR 8, JP 9. */
    static final Map<String, Integer> DIGITS = Map.of("US", 10, "GB", 10, "EU", 8, "BR", 8, "JP", 9);

    private static final TradeRules RULES = TradeRules.defaults()
            .withCustoms(CustomsRules.defaults().withNationalCodeDigits(DIGITS));

    /** HS 853710; national codes: US 10 digits, BR 8 digits, JP 10 digits where Japan needs 9. */
    private static final TradePart BOARD = new TradePart("P-1", "Control board", 100, "USD", 1.0, "8537.10", "DE", "",
            "EAR99", Map.of("US", "8537100010", "br", "8537.10.90", "JP", "8537100001"));

    /** A 10-digit hs_code of parts.csv and no national code. */
    private static final TradePart VALVE = new TradePart("P-2", "Valve", 10, "USD", 1.0, "8481800090", "US", "", "");

    private static List<HoldReason> reasons(TradeRules rules, TradePart p, String from, String to) {
        return LineChecks.holds(rules, p, from, to, "ROAD").stream().map(Hold::reason).toList();
    }

    @Test
    void eachDestinationRequiresItsDigitsAndAnEuMemberTheUnions() {
        CustomsRules c = RULES.customs();
        assertEquals(10, c.nationalCodeDigits("US"));
        assertEquals(10, c.nationalCodeDigits("gb"));
        assertEquals(8, c.nationalCodeDigits("BR"));
        assertEquals(9, c.nationalCodeDigits("JP"));
        // DE, SE, NL have no entry of their own: members of the union named EU, so 8
        assertEquals(8, c.nationalCodeDigits("DE"));
        assertEquals(8, c.nationalCodeDigits("SE"));
        // not configured, in no union: the 6-digit HS code suffices
        assertEquals(0, c.nationalCodeDigits("CH"));
        // a country's own entry wins over its union's
        assertEquals(10, c.withNationalCodeDigits(Map.of("EU", 8, "DE", 10)).nationalCodeDigits("DE"));
        // the models' own defaults require nothing: the numbers are configuration
        assertEquals(0, CustomsRules.defaults().nationalCodeDigits("US"));
    }

    @Test
    void theDeclaredCodeHasExactlyTheRequiredDigits() {
        assertEquals("8537100010", BOARD.declaredCode("US", 10));
        assertEquals("85371090", BOARD.declaredCode("BR", 8));     // dots removed, country upper-cased
        assertNull(BOARD.declaredCode("JP", 9));                   // 10 digits where 9 are required: never cut
        assertNull(BOARD.declaredCode("GB", 10));                  // none for GB, and 853710 has 6
        assertEquals("853710", BOARD.declaredCode("CH", 0));       // nothing required: the HS code
        // the hs_code of parts.csv serves where it has exactly the digits: 10 for the US and GB ...
        assertEquals("8481800090", VALVE.declaredCode("US", 10));
        assertEquals("8481800090", VALVE.declaredCode("GB", 10));
        // ... but is not cut to 8 for Brazil (digits 7-8 of a US code are not an NCM)
        assertNull(VALVE.declaredCode("BR", 8));
    }

    /*
     * From NL (EU) by road:
     *   to US: BOARD declares 8537100010 (10 digits) -> no hold; VALVE's hs_code has 10 -> no hold
     *   to BR: BOARD 85371090 -> no hold; VALVE none of 8 -> HOLD
     *   to JP: BOARD's JP code has 10 digits, 9 required -> HOLD (wrong length); VALVE -> HOLD
     *   to GB: BOARD none of 10 -> HOLD (absent)
     *   to DE: intra-union, no declaration -> nothing required
     * From CH (no union) to DE: an import into the EU, 8 digits -> BOARD (none for DE) HOLD
     */
    @Test
    void aLineWithoutACodeOfTheRequiredLengthIsHeld() {
        assertEquals(List.of(), reasons(RULES, BOARD, "NL", "US"));
        assertEquals(List.of(), reasons(RULES, VALVE, "NL", "US"));
        assertEquals(List.of(), reasons(RULES, BOARD, "NL", "BR"));
        assertEquals(List.of(HoldReason.HS_NATIONAL_CODE_MISSING), reasons(RULES, VALVE, "NL", "BR"));
        assertEquals(List.of(HoldReason.HS_NATIONAL_CODE_MISSING), reasons(RULES, BOARD, "NL", "JP"));
        assertEquals(List.of(HoldReason.HS_NATIONAL_CODE_MISSING), reasons(RULES, VALVE, "NL", "JP"));
        assertEquals(List.of(HoldReason.HS_NATIONAL_CODE_MISSING), reasons(RULES, BOARD, "NL", "GB"));
        assertEquals(List.of(), reasons(RULES, BOARD, "NL", "DE"));
        assertEquals(List.of(HoldReason.HS_NATIONAL_CODE_MISSING), reasons(RULES, BOARD, "CH", "DE"));

        assertEquals("HS_NATIONAL_CODE_MISSING: no 9-digit tariff code for JP (hs_code 853710, "
                + "master/hs_national.csv has 8537100001 of 10 digits)",
                LineChecks.holds(RULES, BOARD, "NL", "JP", "ROAD").get(0).text());
        assertEquals("HS_NATIONAL_CODE_MISSING: no 10-digit tariff code for GB (hs_code 853710, "
                + "master/hs_national.csv has none)", LineChecks.holds(RULES, BOARD, "NL", "GB", "ROAD").get(0).text());
    }

    /* A malformed or missing HS code is held for that, not twice. */
    @Test
    void aBadHsCodeIsHeldForItselfOnly() {
        TradePart bad = new TradePart("P-3", "Cover", 1, "USD", 1, "3926-90", "DE", "", "");
        assertEquals(List.of(HoldReason.HS_CODE_MALFORMED), reasons(RULES, bad, "NL", "US"));
    }

    /* Warn-only for JP: the line is not held, but the check still names what is missing (the planner warns). */
    @Test
    void warnOnlyDestinationsShipWithoutTheCode() {
        TradeRules warn = RULES.withCustoms(RULES.customs().withNationalCodeWarnOnly(Set.of("jp")));
        assertEquals(List.of(), reasons(warn, VALVE, "NL", "JP"));
        assertEquals(HoldReason.HS_NATIONAL_CODE_MISSING,
                LineChecks.nationalCodeMissing(warn, VALVE, "NL", "JP").reason());
        // other destinations are still held
        assertEquals(List.of(HoldReason.HS_NATIONAL_CODE_MISSING), reasons(warn, VALVE, "NL", "BR"));
        assertNull(LineChecks.nationalCodeMissing(warn, VALVE, "NL", "US"));
    }
}
