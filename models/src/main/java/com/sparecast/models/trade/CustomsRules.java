package com.sparecast.models.trade;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The customs configuration a shipment's documents depend on.
 *
 * @param unions customs unions by name, each a set of ISO 3166-1 alpha-2 member countries: a lane
 *        whose two countries are members of one union needs no customs declaration
 *        ({@link CustomsRegime#INTRA_UNION})
 * @param eoriCountries countries whose parties of record need an EORI number on an export (the EU
 *        and the UK); a party elsewhere needs a tax id instead
 * @param invoiceCurrencies the invoice currency of a destination country where it is not the
 *        country's own currency (ISO 4217 by ISO 3166-1 alpha-2)
 * @param fxDate the date the configured exchange rates are of; null: the planning date
 * @param officesOfEntry the customs office or port of entry of a destination country, where
 *        configured (printed on its commercial invoices)
 * @param nationalCodeDigits the digits of the national tariff code an export to a destination
 *        must declare, by country or by union name (a country's own entry first); none in
 *        {@link #defaults()}: the application's configuration gives US 10 (HTS), GB 10, EU 8 (CN),
 *        BR 8 (NCM), JP 9
 * @param nationalCodeWarnOnly destination countries where a line without such a code ships with
 *        a warning instead of being held
 * @param maxDeclarationItems the most goods items one customs declaration may hold, &gt;= 1: an
 *        export shipment (one declaration) carries at most this many lines. 999 in
 *        {@link #defaults()}: the limit of the EU's customs declaration (Union Customs Code data
 *        requirements, Delegated Regulation (EU) 2015/2446 Annex B), of the UK's CDS and of a US
 *        entry summary (CBP Form 7501)
 */
public record CustomsRules(Map<String, Set<String>> unions, Set<String> eoriCountries,
                           Map<String, String> invoiceCurrencies, LocalDate fxDate,
                           Map<String, String> officesOfEntry, Map<String, Integer> nationalCodeDigits,
                           Set<String> nationalCodeWarnOnly, int maxDeclarationItems) implements Serializable {

    /** Goods items per declaration in the EU, the UK and the US ({@link #defaults()}). */
    public static final int DEFAULT_MAX_DECLARATION_ITEMS = 999;

    /** The 27 member states of the European Union (the EU customs union), ISO 3166-1 alpha-2. */
    public static final Set<String> EU27 = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR",
            "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    public CustomsRules {
        TreeMap<String, Set<String>> u = new TreeMap<>();
        if (unions != null) {
            for (Map.Entry<String, Set<String>> e : unions.entrySet()) {
                if (e.getKey() == null || e.getKey().isBlank()) {
                    throw new IllegalArgumentException("a customs union needs a name");
                }
                u.put(e.getKey().trim().toUpperCase(Locale.ROOT), countries(e.getValue()));
            }
        }
        unions = Collections.unmodifiableMap(u);
        eoriCountries = countries(eoriCountries);
        TreeMap<String, String> cur = new TreeMap<>();
        if (invoiceCurrencies != null) {
            for (Map.Entry<String, String> e : invoiceCurrencies.entrySet()) {
                String country = countries(Set.of(e.getKey())).iterator().next();
                String currency = upper(e.getValue());
                if (!currency.matches("[A-Z]{3}")) {
                    throw new IllegalArgumentException("invoice currency of " + country + " '" + e.getValue()
                            + "' is not an ISO 4217 code");
                }
                cur.put(country, currency);
            }
        }
        invoiceCurrencies = Collections.unmodifiableMap(cur);
        TreeMap<String, String> offices = new TreeMap<>();
        if (officesOfEntry != null) {
            for (Map.Entry<String, String> e : officesOfEntry.entrySet()) {
                if (e.getValue() != null && !e.getValue().isBlank()) {
                    offices.put(countries(Set.of(e.getKey())).iterator().next(), e.getValue().trim());
                }
            }
        }
        officesOfEntry = Collections.unmodifiableMap(offices);
        TreeMap<String, Integer> digits = new TreeMap<>();
        if (nationalCodeDigits != null) {
            for (Map.Entry<String, Integer> e : nationalCodeDigits.entrySet()) {
                Integer n = e.getValue();
                if (n == null || n < 6 || n > 14) {
                    throw new IllegalArgumentException("national code digits of " + e.getKey()
                            + " must be 6 to 14, got " + n);
                }
                digits.put(upper(e.getKey()), n);
            }
        }
        nationalCodeDigits = Collections.unmodifiableMap(digits);
        nationalCodeWarnOnly = countries(nationalCodeWarnOnly);
        if (maxDeclarationItems < 1) {
            throw new IllegalArgumentException("goods items per declaration must be >= 1, got " + maxDeclarationItems);
        }
    }

    /**
     * The EU-27 as the one customs union; EORI for parties in the EU and in GB; 999 goods items per
     * declaration.
     */
    public static CustomsRules defaults() {
        TreeSet<String> eori = new TreeSet<>(EU27);
        eori.add("GB");
        return new CustomsRules(Map.of("EU", EU27), eori, Map.of(), null, Map.of(), Map.of(), Set.of(),
                DEFAULT_MAX_DECLARATION_ITEMS);
    }

    /** These rules with other customs unions. */
    public CustomsRules withUnions(Map<String, Set<String>> byName) {
        return new CustomsRules(byName, eoriCountries, invoiceCurrencies, fxDate, officesOfEntry, nationalCodeDigits,
                nationalCodeWarnOnly, maxDeclarationItems);
    }

    /** These rules with other countries whose parties need an EORI. */
    public CustomsRules withEoriCountries(Set<String> countries) {
        return new CustomsRules(unions, countries, invoiceCurrencies, fxDate, officesOfEntry, nationalCodeDigits,
                nationalCodeWarnOnly, maxDeclarationItems);
    }

    /** These rules with the invoice currency of some destination countries set. */
    public CustomsRules withInvoiceCurrencies(Map<String, String> byCountry) {
        return new CustomsRules(unions, eoriCountries, byCountry, fxDate, officesOfEntry, nationalCodeDigits,
                nationalCodeWarnOnly, maxDeclarationItems);
    }

    /** These rules with the date of the exchange rates (null: the planning date). */
    public CustomsRules withFxDate(LocalDate date) {
        return new CustomsRules(unions, eoriCountries, invoiceCurrencies, date, officesOfEntry, nationalCodeDigits,
                nationalCodeWarnOnly, maxDeclarationItems);
    }

    /** These rules with the office or port of entry of some destination countries. */
    public CustomsRules withOfficesOfEntry(Map<String, String> byCountry) {
        return new CustomsRules(unions, eoriCountries, invoiceCurrencies, fxDate, byCountry, nationalCodeDigits,
                nationalCodeWarnOnly, maxDeclarationItems);
    }

    /** These rules with other national code lengths (by country or union name). */
    public CustomsRules withNationalCodeDigits(Map<String, Integer> byCountryOrUnion) {
        return new CustomsRules(unions, eoriCountries, invoiceCurrencies, fxDate, officesOfEntry, byCountryOrUnion,
                nationalCodeWarnOnly, maxDeclarationItems);
    }

    /** These rules where a line without a national code ships with a warning to these countries. */
    public CustomsRules withNationalCodeWarnOnly(Set<String> countries) {
        return new CustomsRules(unions, eoriCountries, invoiceCurrencies, fxDate, officesOfEntry, nationalCodeDigits,
                countries, maxDeclarationItems);
    }

    /** These rules with another most goods items per customs declaration. */
    public CustomsRules withMaxDeclarationItems(int items) {
        return new CustomsRules(unions, eoriCountries, invoiceCurrencies, fxDate, officesOfEntry, nationalCodeDigits,
                nationalCodeWarnOnly, items);
    }

    /**
     * The digits of national tariff code a destination requires: its own entry, else that of a
     * union it belongs to (by union name), else 0 (the 6-digit HS code suffices).
     */
    public int nationalCodeDigits(String destinationCountry) {
        String country = upper(destinationCountry);
        Integer own = nationalCodeDigits.get(country);
        if (own != null) {
            return own;
        }
        for (Map.Entry<String, Set<String>> u : unions.entrySet()) {
            if (u.getValue().contains(country) && nationalCodeDigits.containsKey(u.getKey())) {
                return nationalCodeDigits.get(u.getKey());
            }
        }
        return 0;
    }

    /** The configured office or port of entry of a destination country, or empty. */
    public String officeOfEntry(String destinationCountry) {
        return officesOfEntry.getOrDefault(upper(destinationCountry), "");
    }

    /**
     * The configured invoice currency of a destination, else the country's own currency (the
     * JDK's ISO 4217 table: {@code SE} SEK, {@code DE} EUR), or null when it has none.
     */
    public String invoiceCurrencyOf(String destinationCountry) {
        String country = upper(destinationCountry);
        String configured = invoiceCurrencies.get(country);
        if (configured != null) {
            return configured;
        }
        try {
            java.util.Currency c = java.util.Currency.getInstance(new Locale("", country));
            return c == null ? null : c.getCurrencyCode();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The name of a union both countries belong to, or null when there is none. */
    public String unionOf(String countryA, String countryB) {
        String a = upper(countryA);
        String b = upper(countryB);
        for (Map.Entry<String, Set<String>> e : unions.entrySet()) {
            if (e.getValue().contains(a) && e.getValue().contains(b)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** True when a party in the country needs an EORI on an export. */
    public boolean needsEori(String country) {
        return eoriCountries.contains(upper(country));
    }

    private static String upper(String s) {
        return s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
    }

    /**
     * The values as upper-case ISO 3166-1 alpha-2 codes, blanks dropped.
     *
     * @throws IllegalArgumentException naming a value that is not two letters
     */
    public static Set<String> countries(Set<String> values) {
        TreeSet<String> out = new TreeSet<>();
        if (values != null) {
            for (String v : values) {
                if (v != null && !v.isBlank()) {
                    String c = upper(v);
                    if (!c.matches("[A-Z]{2}")) {
                        throw new IllegalArgumentException("'" + v + "' is not an ISO 3166-1 alpha-2 country code");
                    }
                    out.add(c);
                }
            }
        }
        return Collections.unmodifiableSet(out);
    }
}
