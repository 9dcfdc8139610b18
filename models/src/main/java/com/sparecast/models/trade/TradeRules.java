package com.sparecast.models.trade;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The configuration of the trade and consolidation rules.
 *
 * <p>Money: exchange rates are units of {@code baseCurrency} per one unit of a currency
 * ({@code fxRates.get("EUR") = 1.08} means 1 EUR = 1.08 USD with the default base USD); the base
 * currency itself is always 1. An amount converts as {@code amount * rate(from) / rate(to)},
 * rounded half-up to cents. Rates and amounts given as doubles are read through their shortest
 * decimal text ({@link BigDecimal#valueOf(double)}), so {@code 0.1} is exactly one tenth.
 *
 * @param baseCurrency ISO 4217 code of the currency every rate is expressed in
 * @param fxRates units of base currency per unit of each currency; positive
 * @param blockedDestinations destination countries no cross-border line may go to
 * @param licensedEccns ECCN prefixes that need an export licence: an ECCN needs one when it
 *        starts with any entry ({@code "5A002"} covers {@code "5A002.a.1"})
 * @param passengerAirForbiddenUn UN numbers held on an {@code AIR_PASSENGER} lane besides those the
 *        {@link DangerousGoods} table forbids on passenger aircraft
 * @param eeiThreshold value per HS code in a shipment above which EEI is required
 * @param eeiCurrency currency of {@code eeiThreshold}
 * @param eeiOriginCountry export country whose shipments need EEI (the US)
 * @param packaging the cartons lines are packed into: gross weight is net weight plus their tare
 * @param deMinimisCoversVat true when a shipment at or below de minimis owes neither duty nor
 *        VAT; false when only duty is waived
 * @param departureLeadDays the earliest ship date is the planning date plus this many days, &gt;= 0
 * @param parties the legal entity of each warehouse, by warehouse id
 * @param fallbackPartyName kept so that configurations naming it still load; a warehouse missing
 *        from {@code parties} has no party of record (its shipments are held MISSING_PARTY_DATA)
 * @param customs customs unions and the parties' identifiers they require
 */
public record TradeRules(
        String baseCurrency,
        Map<String, Double> fxRates,
        Set<String> blockedDestinations,
        Set<String> licensedEccns,
        Set<String> passengerAirForbiddenUn,
        double eeiThreshold,
        String eeiCurrency,
        String eeiOriginCountry,
        Packaging packaging,
        boolean deMinimisCoversVat,
        int departureLeadDays,
        Map<String, Party> parties,
        String fallbackPartyName,
        CustomsRules customs) implements Serializable {

    private static final MathContext MC = MathContext.DECIMAL128;

    public TradeRules {
        if (baseCurrency == null || baseCurrency.isBlank()) {
            throw new IllegalArgumentException("base currency must not be blank");
        }
        baseCurrency = upper(baseCurrency);
        TreeMap<String, Double> rates = new TreeMap<>();
        if (fxRates != null) {
            for (Map.Entry<String, Double> e : fxRates.entrySet()) {
                Double r = e.getValue();
                if (r == null || !(r > 0) || r.isInfinite()) {
                    throw new IllegalArgumentException("FX rate of " + e.getKey() + " must be finite and > 0, got " + r);
                }
                rates.put(upper(e.getKey()), r);
            }
        }
        rates.put(baseCurrency, 1.0);
        fxRates = Collections.unmodifiableMap(rates);
        blockedDestinations = upperSet(blockedDestinations);
        licensedEccns = upperSet(licensedEccns);
        TreeSet<String> un = new TreeSet<>();
        if (passengerAirForbiddenUn != null) {
            passengerAirForbiddenUn.forEach(u -> un.add(TradePart.normalizeUnNumber(u)));
        }
        passengerAirForbiddenUn = Collections.unmodifiableSet(un);
        if (!(eeiThreshold >= 0) || Double.isInfinite(eeiThreshold)) {
            throw new IllegalArgumentException("EEI threshold must be finite and >= 0, got " + eeiThreshold);
        }
        eeiCurrency = upper(eeiCurrency == null ? baseCurrency : eeiCurrency);
        if (!rates.containsKey(eeiCurrency)) {
            throw new IllegalArgumentException("no FX rate for the EEI currency " + eeiCurrency);
        }
        eeiOriginCountry = upper(eeiOriginCountry == null ? "US" : eeiOriginCountry);
        packaging = packaging == null ? Packaging.defaults() : packaging;
        if (departureLeadDays < 0) {
            throw new IllegalArgumentException("departure lead days must be >= 0, got " + departureLeadDays);
        }
        parties = parties == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(parties));
        fallbackPartyName = fallbackPartyName == null || fallbackPartyName.isBlank()
                ? "Sparecast" : fallbackPartyName.trim();
        customs = customs == null ? CustomsRules.defaults() : customs;
    }

    /**
     * Sensible defaults: base USD with indicative rates (EUR 1.08, GBP 1.27, JPY 0.0067, CHF 1.13,
     * CNY 0.14, CAD 0.73, AUD 0.66, SEK 0.095, DKK 0.145, NOK 0.093, PLN 0.25, CZK 0.043,
     * INR 0.012, MXN 0.055, BRL 0.18, SGD 0.74, KRW 0.00075; configure real ones); destinations
     * CU, IR, KP, SY blocked; licences for ECCNs 3A001, 3A090, 4A090, 5A002, 5D002; no UN numbers
     * held on passenger air beyond the {@link DangerousGoods} table's (UN3480, UN3090); EEI above
     * 2,500 USD per HS code from the US; cartons of
     * {@link Packaging#defaults()}; de minimis waives duty and VAT; the earliest ship date the day after the
     * planning date; no parties of record; the EU-27 as the one customs union ({@link CustomsRules#defaults()}).
     */
    public static TradeRules defaults() {
        Map<String, Double> fx = Map.ofEntries(
                Map.entry("EUR", 1.08), Map.entry("GBP", 1.27), Map.entry("JPY", 0.0067),
                Map.entry("CHF", 1.13), Map.entry("CNY", 0.14), Map.entry("CAD", 0.73),
                Map.entry("AUD", 0.66), Map.entry("SEK", 0.095), Map.entry("DKK", 0.145),
                Map.entry("NOK", 0.093), Map.entry("PLN", 0.25), Map.entry("CZK", 0.043),
                Map.entry("INR", 0.012), Map.entry("MXN", 0.055), Map.entry("BRL", 0.18),
                Map.entry("SGD", 0.74), Map.entry("KRW", 0.00075));
        return new TradeRules("USD", fx, Set.of("CU", "IR", "KP", "SY"),
                Set.of("3A001", "3A090", "4A090", "5A002", "5D002"), Set.of(),
                2500, "USD", "US", Packaging.defaults(), true, 1, Map.of(), "Sparecast", CustomsRules.defaults());
    }

    /** These rules with other exchange rates (same base currency). */
    public TradeRules withFxRates(Map<String, Double> rates) {
        return new TradeRules(baseCurrency, rates, blockedDestinations, licensedEccns, passengerAirForbiddenUn,
                eeiThreshold, eeiCurrency, eeiOriginCountry, packaging, deMinimisCoversVat,
                departureLeadDays, parties, fallbackPartyName, customs);
    }

    /** These rules with another base currency and rates expressed in it. */
    public TradeRules withBaseCurrency(String base, Map<String, Double> rates) {
        return new TradeRules(base, rates, blockedDestinations, licensedEccns, passengerAirForbiddenUn,
                eeiThreshold, eeiCurrency, eeiOriginCountry, packaging, deMinimisCoversVat,
                departureLeadDays, parties, fallbackPartyName, customs);
    }

    /** These rules with other blocked destination countries. */
    public TradeRules withBlockedDestinations(Set<String> countries) {
        return new TradeRules(baseCurrency, fxRates, countries, licensedEccns, passengerAirForbiddenUn,
                eeiThreshold, eeiCurrency, eeiOriginCountry, packaging, deMinimisCoversVat,
                departureLeadDays, parties, fallbackPartyName, customs);
    }

    /** These rules with other ECCN prefixes that need a licence. */
    public TradeRules withLicensedEccns(Set<String> eccnPrefixes) {
        return new TradeRules(baseCurrency, fxRates, blockedDestinations, eccnPrefixes, passengerAirForbiddenUn,
                eeiThreshold, eeiCurrency, eeiOriginCountry, packaging, deMinimisCoversVat,
                departureLeadDays, parties, fallbackPartyName, customs);
    }

    /** These rules with other UN numbers held on passenger air (besides the dangerous goods table's). */
    public TradeRules withPassengerAirForbiddenUn(Set<String> unNumbers) {
        return new TradeRules(baseCurrency, fxRates, blockedDestinations, licensedEccns, unNumbers,
                eeiThreshold, eeiCurrency, eeiOriginCountry, packaging, deMinimisCoversVat,
                departureLeadDays, parties, fallbackPartyName, customs);
    }

    /** These rules with other cartons. */
    public TradeRules withPackaging(Packaging cartons) {
        return new TradeRules(baseCurrency, fxRates, blockedDestinations, licensedEccns, passengerAirForbiddenUn,
                eeiThreshold, eeiCurrency, eeiOriginCountry, cartons, deMinimisCoversVat,
                departureLeadDays, parties, fallbackPartyName, customs);
    }

    /** These rules where de minimis waives duty and VAT (true) or duty only (false). */
    public TradeRules withDeMinimisCoversVat(boolean coversVat) {
        return new TradeRules(baseCurrency, fxRates, blockedDestinations, licensedEccns, passengerAirForbiddenUn,
                eeiThreshold, eeiCurrency, eeiOriginCountry, packaging, coversVat,
                departureLeadDays, parties, fallbackPartyName, customs);
    }

    /** These rules with another number of days from the planning date to the earliest ship date. */
    public TradeRules withDepartureLeadDays(int days) {
        return new TradeRules(baseCurrency, fxRates, blockedDestinations, licensedEccns, passengerAirForbiddenUn,
                eeiThreshold, eeiCurrency, eeiOriginCountry, packaging, deMinimisCoversVat,
                days, parties, fallbackPartyName, customs);
    }

    /** These rules with the legal entities of the warehouses. */
    public TradeRules withParties(Map<String, Party> byWarehouse) {
        return new TradeRules(baseCurrency, fxRates, blockedDestinations, licensedEccns, passengerAirForbiddenUn,
                eeiThreshold, eeiCurrency, eeiOriginCountry, packaging, deMinimisCoversVat,
                departureLeadDays, byWarehouse, fallbackPartyName, customs);
    }

    /** These rules with other customs rules. */
    public TradeRules withCustoms(CustomsRules customsRules) {
        return new TradeRules(baseCurrency, fxRates, blockedDestinations, licensedEccns, passengerAirForbiddenUn,
                eeiThreshold, eeiCurrency, eeiOriginCountry, packaging, deMinimisCoversVat,
                departureLeadDays, parties, fallbackPartyName, customsRules);
    }

    /** The customs regime of a lane between the two countries. */
    public CustomsRegime regime(String originCountry, String destinationCountry) {
        return CustomsRegime.of(customs, originCountry, destinationCountry);
    }

    /**
     * The one currency a shipment to {@code destinationCountry} is invoiced in: the configured one
     * ({@link CustomsRules#invoiceCurrencies()}), else the country's own; the base currency when
     * that has no exchange rate.
     */
    public String invoiceCurrency(String destinationCountry) {
        String c = customs.invoiceCurrencyOf(destinationCountry);
        return c != null && knowsCurrency(c) ? c : baseCurrency;
    }

    /**
     * Units of {@code to} per unit of {@code from}: {@code rate(from) / rate(to)}, rounded half-up
     * to 6 decimals, as the documents print it ({@code 1 EUR = 0.850394 GBP}).
     */
    public BigDecimal crossRate(String from, String to) {
        return rate(from).divide(rate(to), MC).setScale(6, RoundingMode.HALF_UP);
    }

    /** True when there is an exchange rate for the currency. */
    public boolean knowsCurrency(String currency) {
        return currency != null && fxRates.containsKey(upper(currency));
    }

    /**
     * Units of base currency per unit of {@code currency}.
     *
     * @throws IllegalArgumentException when configuration has no rate for it
     */
    public BigDecimal rate(String currency) {
        Double r = currency == null ? null : fxRates.get(upper(currency));
        if (r == null) {
            throw new IllegalArgumentException("no FX rate for currency " + currency);
        }
        return BigDecimal.valueOf(r);
    }

    /**
     * {@code amount} in {@code from} converted to {@code to}: {@code amount * rate(from) / rate(to)},
     * rounded half-up to 2 decimals. The same currency returns the amount rounded to 2 decimals.
     */
    public BigDecimal convert(BigDecimal amount, String from, String to) {
        if (upper(from).equals(upper(to))) {
            return amount.setScale(2, RoundingMode.HALF_UP);
        }
        return amount.multiply(rate(from), MC).divide(rate(to), MC).setScale(2, RoundingMode.HALF_UP);
    }

    /** True when cross-border lines to the country are blocked. */
    public boolean blocks(String destinationCountry) {
        return destinationCountry != null && blockedDestinations.contains(upper(destinationCountry));
    }

    /** The licensed-ECCN entry the code starts with, or null when it needs no licence. */
    public String licenceEntryFor(String eccn) {
        if (eccn == null || eccn.isBlank()) {
            return null;
        }
        String e = upper(eccn);
        for (String prefix : licensedEccns) {
            if (!prefix.isEmpty() && e.startsWith(prefix)) {
                return prefix;
            }
        }
        return null;
    }

    /**
     * The party of record of a warehouse; a warehouse without one gets a party with only its
     * country, which {@link PartyCheck} finds lacking.
     */
    public Party partyOf(String warehouseId, String country) {
        Party p = parties.get(warehouseId);
        return p != null ? p : Party.unknown(country);
    }

    private static String upper(String s) {
        return s.trim().toUpperCase(Locale.ROOT);
    }

    private static Set<String> upperSet(Set<String> values) {
        TreeSet<String> out = new TreeSet<>();
        if (values != null) {
            for (String v : values) {
                if (v != null && !v.isBlank()) {
                    out.add(upper(v));
                }
            }
        }
        return Collections.unmodifiableSet(out);
    }
}
