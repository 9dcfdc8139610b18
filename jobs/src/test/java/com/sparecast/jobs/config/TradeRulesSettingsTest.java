package com.sparecast.jobs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sparecast.models.trade.Party;
import com.sparecast.models.trade.TradeRules;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TradeRulesSettingsTest {

    @Test
    void keysOverrideTheDefaults() {
        TradeRules r = TradeRulesSettings.of(Settings.withOverrides(Map.ofEntries(
                Map.entry("sparecast.trade.base-currency", "EUR"),
                Map.entry("sparecast.trade.fx.USD", "0.92"),
                Map.entry("sparecast.trade.fx.GBP", "1.17"),
                Map.entry("sparecast.trade.blocked-destinations", "ru; by"),
                Map.entry("sparecast.trade.licensed-eccns", ""),
                Map.entry("sparecast.trade.gross-weight-factor", "1.2"),
                Map.entry("sparecast.trade.de-minimis-covers-vat", "false"),
                Map.entry("sparecast.trade.departure-lead-days", "0"),
                Map.entry("sparecast.trade.party.DC-NL.name", "Sparecast Nederland B.V."),
                Map.entry("sparecast.trade.party.DC-NL.tax-id", "NL001"),
                Map.entry("sparecast.spark.master", "local[2]"))));
        assertEquals("EUR", r.baseCurrency());
        assertEquals(Map.of("EUR", 1.0, "USD", 0.92, "GBP", 1.17), r.fxRates());
        assertEquals(Set.of("BY", "RU"), r.blockedDestinations());
        assertEquals(Set.of(), r.licensedEccns());
        assertEquals(1.2, r.grossWeightFactor());
        assertFalse(r.deMinimisCoversVat());
        assertEquals(0, r.departureLeadDays());
        assertEquals(new Party("Sparecast Nederland B.V.", "", "", "NL001"), r.partyOf("DC-NL", "NL"));
        // untouched: the EEI rule
        assertEquals(2500.0, r.eeiThreshold());
        assertEquals("USD", r.eeiCurrency());
        // 100 GBP = 117 EUR = 117 / 0.92 = 127.17 USD
        assertEquals(new BigDecimal("127.17"), r.convert(new BigDecimal("100"), "GBP", "USD"));
    }

    @Test
    void noKeysGiveTheDefaults() {
        assertEquals(TradeRules.defaults(), TradeRulesSettings.of(Settings.withOverrides(Map.of())));
    }

    @Test
    void aBadValueIsReportedWithItsKey() {
        assertMessage("sparecast.trade.gross-weight-factr", "1.1",
                "Trade configuration sparecast.trade.gross-weight-factr=1.1: unknown key");
        assertMessage("sparecast.trade.fx.EUR", "abc",
                "Trade configuration sparecast.trade.fx.EUR=abc: For input string: \"abc\"");
        assertMessage("sparecast.trade.de-minimis-covers-vat", "yes",
                "Trade configuration sparecast.trade.de-minimis-covers-vat=yes: expected true or false");
        assertMessage("sparecast.trade.party.X.phone", "123",
                "Trade configuration sparecast.trade.party.X.phone=123: unknown party field 'phone'");
        assertMessage("sparecast.trade.party.X.address", "somewhere",
                "Trade configuration: sparecast.trade.party.X.name is missing");
    }

    @Test
    void aBrokenRuleIsReportedAsTheRulesSayIt() {
        assertMessage("sparecast.trade.gross-weight-factor", "0.9",
                "Trade configuration: gross weight factor must be finite and >= 1, got 0.9");
        assertMessage("sparecast.trade.party.X.name", " ",
                "Trade configuration: party name must not be blank, got ''");
    }

    private static void assertMessage(String key, String value, String message) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> TradeRulesSettings.of(Settings.withOverrides(Map.of(key, value))));
        assertEquals(message, e.getMessage());
    }
}
