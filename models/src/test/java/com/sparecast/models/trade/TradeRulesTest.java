package com.sparecast.models.trade;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TradeRulesTest {

    private final TradeRules rules = TradeRules.defaults()
            .withFxRates(Map.of("EUR", 1.10, "GBP", 1.25, "JPY", 0.0068));

    @Test
    void convertsThroughTheBaseCurrency() {
        // 100 EUR = 100 * 1.10 = 110.00 USD
        assertEquals(new BigDecimal("110.00"), rules.convert(new BigDecimal("100"), "EUR", "USD"));
        // 100 EUR = 110 USD = 110 / 1.25 = 88.00 GBP
        assertEquals(new BigDecimal("88.00"), rules.convert(new BigDecimal("100"), "EUR", "GBP"));
        // 15000 JPY = 15000 * 0.0068 = 102 USD = 102 / 1.10 = 92.7272... -> 92.73 EUR (half-up)
        assertEquals(new BigDecimal("92.73"), rules.convert(new BigDecimal("15000"), "JPY", "EUR"));
        // 2500 USD = 2500 / 1.25 = 2000.00 GBP
        assertEquals(new BigDecimal("2000.00"), rules.convert(new BigDecimal("2500"), "usd", "gbp"));
    }

    @Test
    void sameCurrencyIsOnlyRounded() {
        assertEquals(new BigDecimal("10.13"), rules.convert(new BigDecimal("10.125"), "EUR", "EUR"));
    }

    @Test
    void unknownCurrencyIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rules.convert(BigDecimal.ONE, "XAU", "USD"));
        assertTrue(e.getMessage().contains("XAU"), e.getMessage());
        assertFalse(rules.knowsCurrency("XAU"));
        assertTrue(rules.knowsCurrency("usd"));
    }

    @Test
    void withFxRatesReplacesTheRatesAndKeepsTheBase() {
        assertEquals(Map.of("EUR", 1.10, "GBP", 1.25, "JPY", 0.0068, "USD", 1.0), rules.fxRates());
    }

    @Test
    void eurBaseWorksToo() {
        TradeRules eur = TradeRules.defaults().withBaseCurrency("EUR", Map.of("USD", 0.9, "GBP", 1.2));
        // 100 GBP = 120 EUR = 120 / 0.9 = 133.333 -> 133.33 USD
        assertEquals(new BigDecimal("133.33"), eur.convert(new BigDecimal("100"), "GBP", "USD"));
    }

    @Test
    void eccnLicencesMatchByPrefix() {
        TradeRules r = rules.withLicensedEccns(Set.of("5A002", "3A"));
        assertEquals("5A002", r.licenceEntryFor("5A002"));
        assertEquals("5A002", r.licenceEntryFor("5a002.a.1"));
        assertEquals("3A", r.licenceEntryFor("3A001"));
        assertNull(r.licenceEntryFor("EAR99"));
        assertNull(r.licenceEntryFor("5A992"));
        assertNull(r.licenceEntryFor(""));
    }

    @Test
    void blockedDestinationsAreCaseInsensitive() {
        TradeRules r = rules.withBlockedDestinations(Set.of("ru"));
        assertTrue(r.blocks("RU"));
        assertFalse(r.blocks("DE"));
    }

    @Test
    void aWarehouseWithoutAPartyOfRecordHasOnlyItsCountry() {
        Party named = new Party("Sparecast Nederland B.V.", "Havenweg 1, Venlo", "NL", "NL123456789B01");
        TradeRules r = rules.withParties(Map.of("DCNL", named));
        assertEquals(named, r.partyOf("DCNL", "NL"));
        assertEquals(Party.unknown("GB"), r.partyOf("WHGB", "GB"));
        assertEquals("", r.partyOf("WHGB", "GB").name());
    }

    @Test
    void invalidConfigurationThrows() {
        assertThrows(IllegalArgumentException.class, () -> rules.withFxRates(Map.of("EUR", -1.0)));
        assertThrows(IllegalArgumentException.class, () -> rules.withPackaging(new Packaging(0, 0)));
        assertThrows(IllegalArgumentException.class, () -> rules.withPackaging(new Packaging(25, 25)));
        assertThrows(IllegalArgumentException.class, () -> rules.withPackaging(new Packaging(25, -1)));
        assertThrows(IllegalArgumentException.class, () -> rules.withDepartureLeadDays(-1));
    }
}
