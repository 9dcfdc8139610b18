package com.sparecast.models.trade;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LandedCostTest {

    /** Base USD; 1 EUR = 1.10 USD, 1 GBP = 1.25 USD. */
    private final TradeRules rules = TradeRules.defaults().withFxRates(Map.of("EUR", 1.10, "GBP", 1.25));

    private static DeclaredLine line(String hs, String value) {
        return new DeclaredLine(hs, new BigDecimal(value));
    }

    private static BigDecimal money(String s) {
        return new BigDecimal(s);
    }

    @Test
    void dutyFromTheLongestPrefixAndVatOnValuePlusDuty() {
        // GB: "" 4 % duty, "8471" 0 %, "850760" 2.7 %; VAT 20 % everywhere; no de minimis.
        TariffSchedule gb = TariffSchedule.of("GB", List.of(
                new Tariff("GB", "", 0.04, 0.20, null, null),
                new Tariff("GB", "8471", 0.0, 0.20, null, null),
                new Tariff("GB", "8507.60", 0.027, 0.20, null, null)));
        List<DeclaredLine> lines = List.of(
                line("8471300000", "1000.00"),   // "8471":   duty 0;                       VAT 1000 * 0.2 = 200.00
                line("8507600000", "250.00"),    // "850760": duty 250 * 0.027 = 6.75;      VAT 256.75 * 0.2 = 51.35
                line("9032890000", "99.99"));    // "":       duty 99.99 * 0.04 = 3.9996 -> 4.00; VAT 103.99 * 0.2 = 20.798 -> 20.80
        LandedCost c = LandedCost.estimate(rules, "EUR", lines, gb, "DDP");
        assertEquals(money("1349.99"), c.customsValue());   // 1000 + 250 + 99.99
        assertEquals(money("10.75"), c.duty());             // 0 + 6.75 + 4.00
        assertEquals(money("272.15"), c.vat());             // 200.00 + 51.35 + 20.80
        assertEquals(money("1632.89"), c.landedCost());     // 1349.99 + 10.75 + 272.15
        assertEquals(Incoterm.SENDER, c.dutiesPaidBy());    // DDP: the sender pays
        assertEquals("EUR", c.currency());
    }

    @Test
    void dapPutsDutiesOnTheReceiver() {
        TariffSchedule gb = TariffSchedule.of("GB", List.of(new Tariff("GB", "", 0.04, 0.20, null, null)));
        LandedCost c = LandedCost.estimate(rules, "GBP", List.of(line("903289", "100.00")), gb, "DAP");
        // duty 100 * 0.04 = 4.00; VAT 104 * 0.2 = 20.80; the receiver pays
        assertEquals(money("4.00"), c.duty());
        assertEquals(money("20.80"), c.vat());
        assertEquals(Incoterm.RECEIVER, c.dutiesPaidBy());
    }

    @Test
    void deMinimisIsComparedAfterCurrencyConversionAndIncludesTheBoundary() {
        // US: 5 % duty, no VAT, de minimis 800 USD; the shipment is in EUR (1 EUR = 1.10 USD).
        TariffSchedule us = TariffSchedule.of("US", List.of(new Tariff("US", "", 0.05, 0.0, 800.0, "USD")));
        // 727.27 EUR * 1.10 = 799.997 -> 800.00 USD, at the de minimis: nothing owed
        LandedCost at = LandedCost.estimate(rules, "EUR", List.of(line("847130", "727.27")), us, "DAP");
        assertEquals(money("0.00"), at.duty());
        assertEquals(money("0.00"), at.vat());
        // 727.28 EUR * 1.10 = 800.008 -> 800.01 USD, over: duty 727.28 * 0.05 = 36.364 -> 36.36 EUR
        LandedCost over = LandedCost.estimate(rules, "EUR", List.of(line("847130", "727.28")), us, "DAP");
        assertEquals(money("36.36"), over.duty());
        assertEquals(money("0.00"), over.vat());
    }

    @Test
    void deMinimisInAThirdCurrencyWaivesDutyAndVat() {
        // GB: 4 % duty, 20 % VAT, de minimis 135 GBP; shipment in EUR; 1 EUR = 1.10 / 1.25 = 0.88 GBP.
        TariffSchedule gb = TariffSchedule.of("GB", List.of(new Tariff("GB", "", 0.04, 0.20, 135.0, "GBP")));
        // 150 EUR = 132.00 GBP <= 135: no duty, no VAT
        LandedCost under = LandedCost.estimate(rules, "EUR", List.of(line("903289", "150.00")), gb, "DDP");
        assertEquals(money("0.00"), under.duty());
        assertEquals(money("0.00"), under.vat());
        assertEquals(money("150.00"), under.landedCost());
        // with de minimis waiving duty only: VAT 150 * 0.2 = 30.00
        LandedCost dutyOnly = LandedCost.estimate(rules.withDeMinimisCoversVat(false), "EUR",
                List.of(line("903289", "150.00")), gb, "DDP");
        assertEquals(money("0.00"), dutyOnly.duty());
        assertEquals(money("30.00"), dutyOnly.vat());
        // 160 EUR = 140.80 GBP > 135: duty 160 * 0.04 = 6.40; VAT 166.40 * 0.2 = 33.28
        LandedCost over = LandedCost.estimate(rules, "EUR", List.of(line("903289", "160.00")), gb, "DDP");
        assertEquals(money("6.40"), over.duty());
        assertEquals(money("33.28"), over.vat());
    }

    @Test
    void deMinimisIsJudgedOnTheWholeShipmentPerMatchedRow() {
        // GB: "" 4 % with de minimis 135 GBP; "8507" 2.7 % without de minimis; VAT 20 %.
        TariffSchedule gb = TariffSchedule.of("GB", List.of(
                new Tariff("GB", "", 0.04, 0.20, 135.0, "GBP"),
                new Tariff("GB", "8507", 0.027, 0.20, null, null)));
        // shipment 60 + 40 = 100 EUR = 88.00 GBP
        LandedCost c = LandedCost.estimate(rules, "EUR",
                List.of(line("903289", "60.00"), line("850760", "40.00")), gb, "DAP");
        // 903289 ("", under de minimis): 0 duty, 0 VAT
        // 850760 ("8507", none): duty 40 * 0.027 = 1.08; VAT 41.08 * 0.2 = 8.216 -> 8.22
        assertEquals(money("1.08"), c.duty());
        assertEquals(money("8.22"), c.vat());
    }

    @Test
    void deMinimisWithoutCurrencyIsInTheBaseCurrency() {
        TariffSchedule us = TariffSchedule.of("US", List.of(new Tariff("US", "", 0.05, 0.0, 800.0, null)));
        // 700 GBP = 875.00 USD > 800: duty 700 * 0.05 = 35.00
        assertEquals(money("35.00"),
                LandedCost.estimate(rules, "GBP", List.of(line("847130", "700")), us, "DAP").duty());
    }

    @Test
    void aLineNoTariffMatchesOwesNothing() {
        TariffSchedule de = TariffSchedule.of("DE", List.of(new Tariff("DE", "8471", 0.1, 0.19, null, null)));
        LandedCost c = LandedCost.estimate(rules, "EUR", List.of(line("903289", "100")), de, "DDP");
        assertEquals(money("0.00"), c.duty());
        assertEquals(money("0.00"), c.vat());
    }

    @Test
    void domesticOwesNothing() {
        LandedCost c = LandedCost.domestic("EUR", List.of(line("903289", "100.5")));
        assertEquals(money("100.50"), c.customsValue());
        assertEquals(money("0.00"), c.duty());
        assertEquals(Incoterm.NONE, c.dutiesPaidBy());
    }
}
