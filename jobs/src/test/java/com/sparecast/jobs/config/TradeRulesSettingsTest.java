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
                Map.entry("sparecast.trade.carton.max-kg", "20"),
                Map.entry("sparecast.trade.carton.tare-kg", "0.25"),
                Map.entry("sparecast.trade.de-minimis-covers-vat", "false"),
                Map.entry("sparecast.trade.departure-lead-days", "0"),
                Map.entry("sparecast.trade.party.DC-NL.name", "Sparecast Nederland B.V."),
                Map.entry("sparecast.trade.party.DC-NL.tax-id", "NL001"),
                Map.entry("sparecast.spark.master", "local[2]"))));
        assertEquals("EUR", r.baseCurrency());
        assertEquals(Map.of("EUR", 1.0, "USD", 0.92, "GBP", 1.17), r.fxRates());
        assertEquals(Set.of("BY", "RU"), r.blockedDestinations());
        assertEquals(Set.of(), r.licensedEccns());
        assertEquals(new com.sparecast.models.trade.Packaging(20, 0.25), r.packaging());
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
        // the models' defaults, with the national code digits of the defaults file
        TradeRules d = TradeRules.defaults();
        assertEquals(d.withCustoms(d.customs().withNationalCodeDigits(Map.of("US", 10, "GB", 10, "EU", 8, "BR", 8, "JP", 9))),
                TradeRulesSettings.of(Settings.withOverrides(Map.of())));
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
        assertMessage("sparecast.trade.customs-union.EU", "NL,XX1",
                "Trade configuration sparecast.trade.customs-union.EU=NL,XX1: 'XX1' is not an ISO 3166-1 alpha-2 country code");
        assertMessage("sparecast.trade.invoice-currency.SE", "euro",
                "Trade configuration sparecast.trade.invoice-currency.SE=euro: invoice currency of SE 'euro' is not an ISO 4217 code");
        assertMessage("sparecast.trade.fx-date", "19.11.2026",
                "Trade configuration sparecast.trade.fx-date=19.11.2026: Text '19.11.2026' could not be parsed at index 0");
        assertMessage("sparecast.trade.eori-countries", "GB;U",
                "Trade configuration sparecast.trade.eori-countries=GB;U: 'U' is not an ISO 3166-1 alpha-2 country code");
    }

    @Test
    void aBrokenRuleIsReportedAsTheRulesSayIt() {
        assertMessage("sparecast.trade.carton.tare-kg", "30",
                "Trade configuration: carton tare must be >= 0 and below the carton maximum of 25.0 kg, got 30.0");
        // the factor is gone: gross weight comes from the cartons
        assertMessage("sparecast.trade.gross-weight-factor", "1.1", "Trade configuration sparecast.trade.gross-weight-factor=1.1: "
                + "gross weight is no longer net times a factor but the cartons' (sparecast.trade.carton.max-kg, "
                + "sparecast.trade.carton.tare-kg)");
    }

    /*
     * Unions: the defaults file names the EU-27; a second union adds to it, an empty list removes
     * one. Party fields override the warehouse's columns one by one.
     */
    @Test
    void customsUnionsAndPartiesOfRecord() {
        TradeRules both = TradeRulesSettings.of(Settings.withOverrides(Map.of(
                "sparecast.trade.customs-union.MERCOSUR", "BR,AR,PY,UY",
                "sparecast.trade.party.WH-BR.tax-id", "12.345.678/0001-95",
                "sparecast.trade.party.WH-BR.postal-code", "07190-100")));
        assertEquals(Set.of("EU", "MERCOSUR"), both.customs().unions().keySet());
        assertEquals(27, both.customs().unions().get("EU").size());
        assertEquals(com.sparecast.models.trade.CustomsRegime.INTRA_UNION, both.regime("BR", "AR"));
        assertEquals(com.sparecast.models.trade.CustomsRegime.INTRA_UNION, both.regime("NL", "SE"));
        assertEquals(new Party("", "", "", "07190-100", "", "", "", "12.345.678/0001-95"), both.partyOf("WH-BR", "BR"));
        // invoice currencies: the destination's own (SE: SEK, JP: JPY), unless configured
        assertEquals("SEK", both.invoiceCurrency("SE"));
        assertEquals("JPY", both.invoiceCurrency("jp"));
        TradeRules inEur = TradeRulesSettings.of(Settings.withOverrides(Map.of(
                "sparecast.trade.invoice-currency.SE", "EUR", "sparecast.trade.fx-date", "2026-11-19")));
        assertEquals("EUR", inEur.invoiceCurrency("SE"));
        TradeRules office = TradeRulesSettings.of(Settings.withOverrides(Map.of(
                "sparecast.trade.office-of-entry.us", "5301 Houston")));
        assertEquals("5301 Houston", office.customs().officeOfEntry("US"));
        assertEquals("", office.customs().officeOfEntry("GB"));
        assertEquals(java.time.LocalDate.of(2026, 11, 19), inEur.customs().fxDate());
        // a currency without a rate: the base currency (RUB is not in the default table)
        assertEquals("USD", inEur.invoiceCurrency("RU"));
        TradeRules noEu = TradeRulesSettings.of(Settings.withOverrides(Map.of("sparecast.trade.customs-union.EU", "")));
        assertEquals(com.sparecast.models.trade.CustomsRegime.EXPORT, noEu.regime("NL", "SE"));
        assertEquals(Set.of(), noEu.customs().unions().keySet());
        assertEquals(28, noEu.customs().eoriCountries().size());
    }

    /*
     * National tariff codes: the defaults file requires US 10, GB 10, EU 8 (every member), BR 8,
     * JP 9 digits; a key adds or changes a country, an empty value removes one; warn-only lists
     * the countries that ship without one.
     */
    @Test
    void nationalCodeDigitsAndWarnOnly() {
        TradeRules d = TradeRulesSettings.of(Settings.withOverrides(Map.of()));
        assertEquals(Map.of("BR", 8, "EU", 8, "GB", 10, "JP", 9, "US", 10), d.customs().nationalCodeDigits());
        assertEquals(8, d.customs().nationalCodeDigits("SE"));
        assertEquals(Set.of(), d.customs().nationalCodeWarnOnly());
        TradeRules r = TradeRulesSettings.of(Settings.withOverrides(Map.of(
                "sparecast.trade.national-code-digits.ca", "8",
                "sparecast.trade.national-code-digits.JP", "",
                "sparecast.trade.national-code-warn-only", "br;US")));
        assertEquals(Map.of("BR", 8, "CA", 8, "EU", 8, "GB", 10, "US", 10), r.customs().nationalCodeDigits());
        assertEquals(0, r.customs().nationalCodeDigits("JP"));
        assertEquals(Set.of("BR", "US"), r.customs().nationalCodeWarnOnly());
        assertMessage("sparecast.trade.national-code-digits.JP", "nine",
                "Trade configuration sparecast.trade.national-code-digits.JP=nine: For input string: \"nine\"");
        assertMessage("sparecast.trade.national-code-digits.JP", "5",
                "Trade configuration sparecast.trade.national-code-digits.JP=5: national code digits of JP must be 6 to 14, got 5");
        assertMessage("sparecast.trade.national-code-warn-only", "JPN",
                "Trade configuration sparecast.trade.national-code-warn-only=JPN: 'JPN' is not an ISO 3166-1 alpha-2 country code");
    }

    private static void assertMessage(String key, String value, String message) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> TradeRulesSettings.of(Settings.withOverrides(Map.of(key, value))));
        assertEquals(message, e.getMessage());
    }
}
