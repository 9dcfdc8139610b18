package com.sparecast.models.trade;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExportEntryTest {

    /** Base USD; 1 EUR = 1.10 USD. EEI above 2,500 USD per HS code, from the US. */
    private final TradeRules rules = TradeRules.defaults().withFxRates(Map.of("EUR", 1.10));

    private static DeclaredLine line(String hs, String value) {
        return new DeclaredLine(hs, new BigDecimal(value));
    }

    @Test
    void exactlyTheThresholdIsNotOver() {
        // one HS code worth exactly 2500.00 USD: not over 2,500
        assertFalse(ExportEntry.required(rules, "US", "USD", List.of(line("847130", "2500.00"))));
        // 2500.01 USD: over
        assertTrue(ExportEntry.required(rules, "US", "USD", List.of(line("847130", "2500.01"))));
    }

    @Test
    void valuesAreSummedPerHsCode() {
        // 847130: 1500 + 1000.01 = 2500.01 USD over; -> EEI
        assertTrue(ExportEntry.required(rules, "US", "USD",
                List.of(line("847130", "1500"), line("8471.30", "1000.01"), line("850760", "10"))));
        // 847130: 2000, 850760: 2000: total 4000 but no single code over 2500 -> no EEI
        assertFalse(ExportEntry.required(rules, "US", "USD",
                List.of(line("847130", "2000"), line("850760", "2000"))));
        assertEquals(new BigDecimal("2500.01"),
                ExportEntry.valuePerHsCode(List.of(line("847130", "1500"), line("8471.30", "1000.01"))).get("847130"));
    }

    @Test
    void theThresholdIsInUsdAfterConversion() {
        // 2272.73 EUR * 1.10 = 2500.003 -> 2500.00 USD: not over
        assertFalse(ExportEntry.required(rules, "US", "EUR", List.of(line("847130", "2272.73"))));
        // 2272.74 EUR * 1.10 = 2500.014 -> 2500.01 USD: over
        assertTrue(ExportEntry.required(rules, "US", "EUR", List.of(line("847130", "2272.74"))));
    }

    @Test
    void onlyExportsFromTheUs() {
        assertFalse(ExportEntry.required(rules, "DE", "USD", List.of(line("847130", "99999"))));
        assertTrue(ExportEntry.required(rules, "us", "USD", List.of(line("847130", "99999"))));
    }
}
