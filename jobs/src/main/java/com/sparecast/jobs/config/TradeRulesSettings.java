package com.sparecast.jobs.config;

import com.sparecast.models.trade.CustomsRules;
import com.sparecast.models.trade.Party;
import com.sparecast.models.trade.TradeRules;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The trade rules from the {@code sparecast.trade.*} configuration keys, each overriding
 * {@link TradeRules#defaults()} where present; an unknown {@code sparecast.trade.} key is an error.
 * <pre>
 * sparecast.trade.base-currency=USD
 * sparecast.trade.fx.EUR=1.08                      (any fx.* key replaces the whole default table)
 * sparecast.trade.blocked-destinations=CU,IR,KP,SY (comma or semicolon separated; empty for none)
 * sparecast.trade.licensed-eccns=3A001,5A002
 * sparecast.trade.passenger-air-forbidden-un=UN1845 (held on passenger air besides the dangerous goods table's
 *                                                  UN3480 and UN3090; empty by default)
 * sparecast.trade.eei.threshold=2500
 * sparecast.trade.eei.currency=USD
 * sparecast.trade.eei.origin-country=US
 * sparecast.trade.carton.max-kg=25                (a packed carton's maximum weight, tare included)
 * sparecast.trade.carton.tare-kg=0.5              (an empty carton's weight: gross = net + tare per carton)
 * sparecast.trade.de-minimis-covers-vat=true
 * sparecast.trade.departure-lead-days=1
 * sparecast.trade.party.DCNL.name=Sparecast Nederland B.V.   (also .street (or .address), .city, .postal-code,
 *                                                  .country, .vat-number, .eori, .tax-id: each overrides the
 *                                                  column of master/warehouses.csv)
 * sparecast.trade.customs-union.EU=AT,BE,...,SE   (a union per name; the defaults file names the EU-27; an
 *                                                  empty list removes a union)
 * sparecast.trade.eori-countries=AT,...,SE,GB     (parties there need an EORI on an export, elsewhere a tax id)
 * sparecast.trade.invoice-currency.SE=EUR         (a destination's invoice currency; default its own: SEK)
 * sparecast.trade.office-of-entry.US=5301 Houston (the office or port of entry printed on invoices to US)
 * sparecast.trade.national-code-digits.US=10       (digits of tariff code an export must declare, by country
 *                                                  or union name: US 10, GB 10, EU 8, BR 8, JP 9 by default)
 * sparecast.trade.national-code-warn-only=JP       (destinations where a line without one ships with a warning)
 * sparecast.trade.max-declaration-items=999        (goods items per customs declaration: lines per export shipment)
 * sparecast.trade.fx-date=2026-11-19              (the date of the fx.* rates, printed; empty: the planning date)
 * sparecast.trade.party-fallback-name=Sparecast
 * </pre>
 */
public final class TradeRulesSettings {

    private static final String PREFIX = "sparecast.trade.";
    private static final String FX = "fx.";
    private static final String PARTY = "party.";
    private static final String UNION = "customs-union.";
    private static final String INVOICE_CURRENCY = "invoice-currency.";
    private static final String OFFICE = "office-of-entry.";
    private static final String DIGITS = "national-code-digits.";
    private static final Set<String> PARTY_FIELDS = Set.of("name", "address", "street", "city", "postal-code",
            "country", "vat-number", "eori", "tax-id");

    private TradeRulesSettings() {
    }

    /**
     * The trade rules of these settings.
     *
     * @throws ConfigurationException naming a key that is unknown or whose value is invalid, or
     *     saying which rule the values break
     */
    public static TradeRules of(Settings settings) {
        TradeRules d = TradeRules.defaults();
        String base = d.baseCurrency();
        Map<String, Double> fx = null;
        Set<String> blocked = d.blockedDestinations();
        Set<String> eccns = d.licensedEccns();
        Set<String> un = d.passengerAirForbiddenUn();
        double eei = d.eeiThreshold();
        String eeiCur = d.eeiCurrency();
        String eeiOrigin = d.eeiOriginCountry();
        double cartonMax = d.packaging().maxCartonKg();
        double cartonTare = d.packaging().tareKg();
        boolean coversVat = d.deMinimisCoversVat();
        int leadDays = d.departureLeadDays();
        String fallback = d.fallbackPartyName();
        Map<String, Map<String, String>> partyFields = new TreeMap<>();
        CustomsRules customs = d.customs();
        Map<String, Set<String>> unions = null;
        for (Map.Entry<String, String> e : settings.withPrefix(PREFIX).entrySet()) {
            String key = e.getKey().trim();
            String value = e.getValue() == null ? "" : e.getValue().trim();
            try {
                switch (key) {
                    case "base-currency" -> base = value;
                    case "blocked-destinations" -> blocked = list(value);
                    case "licensed-eccns" -> eccns = list(value);
                    case "passenger-air-forbidden-un" -> un = list(value);
                    case "eei.threshold" -> eei = Double.parseDouble(value);
                    case "eei.currency" -> eeiCur = value;
                    case "eei.origin-country" -> eeiOrigin = value;
                    case "carton.max-kg" -> cartonMax = Double.parseDouble(value);
                    case "carton.tare-kg" -> cartonTare = Double.parseDouble(value);
                    case "gross-weight-factor" -> throw new IllegalArgumentException("gross weight is no longer net times "
                            + "a factor but the cartons' (sparecast.trade.carton.max-kg, sparecast.trade.carton.tare-kg)");
                    case "de-minimis-covers-vat" -> coversVat = bool(value);
                    case "departure-lead-days" -> leadDays = Integer.parseInt(value);
                    case "party-fallback-name" -> fallback = value;
                    case "eori-countries" -> customs = customs.withEoriCountries(list(value));
                    case "national-code-warn-only" -> customs = customs.withNationalCodeWarnOnly(list(value));
                    case "max-declaration-items" -> customs = customs.withMaxDeclarationItems(Integer.parseInt(value));
                    case "fx-date" -> customs = customs.withFxDate(value.isEmpty() ? null : java.time.LocalDate.parse(value));
                    default -> {
                        if (key.startsWith(FX) && key.length() > FX.length()) {
                            if (fx == null) {
                                fx = new TreeMap<>();
                            }
                            fx.put(key.substring(FX.length()), Double.parseDouble(value));
                        } else if (key.startsWith(INVOICE_CURRENCY) && key.length() > INVOICE_CURRENCY.length()) {
                            Map<String, String> currencies = new TreeMap<>(customs.invoiceCurrencies());
                            currencies.put(key.substring(INVOICE_CURRENCY.length()), value);
                            customs = customs.withInvoiceCurrencies(currencies);
                        } else if (key.startsWith(DIGITS) && key.length() > DIGITS.length()) {
                            Map<String, Integer> digits = new TreeMap<>(customs.nationalCodeDigits());
                            if (value.isEmpty()) {
                                digits.remove(key.substring(DIGITS.length()).toUpperCase(Locale.ROOT));
                            } else {
                                digits.put(key.substring(DIGITS.length()).toUpperCase(Locale.ROOT), Integer.parseInt(value));
                            }
                            customs = customs.withNationalCodeDigits(digits);
                        } else if (key.startsWith(OFFICE) && key.length() > OFFICE.length()) {
                            Map<String, String> offices = new TreeMap<>(customs.officesOfEntry());
                            offices.put(key.substring(OFFICE.length()), value);
                            customs = customs.withOfficesOfEntry(offices);
                        } else if (key.startsWith(UNION) && key.length() > UNION.length()) {
                            if (unions == null) {
                                unions = new TreeMap<>();
                            }
                            Set<String> members = list(value);
                            if (!members.isEmpty()) {
                                unions.put(key.substring(UNION.length()), members);
                            }
                            CustomsRules.countries(members); // the codes, checked here to name this key
                        } else if (key.startsWith(PARTY) && key.lastIndexOf('.') > PARTY.length()) {
                            int dot = key.lastIndexOf('.');
                            String warehouse = key.substring(PARTY.length(), dot);
                            String field = key.substring(dot + 1);
                            if (!PARTY_FIELDS.contains(field)) {
                                throw new IllegalArgumentException("unknown party field '" + field + "'");
                            }
                            partyFields.computeIfAbsent(warehouse, w -> new TreeMap<>()).put(field, value);
                        } else {
                            throw new IllegalArgumentException("unknown key");
                        }
                    }
                }
            } catch (IllegalArgumentException | java.time.DateTimeException ex) {
                throw new ConfigurationException("Trade configuration " + PREFIX + key + "=" + value + ": "
                        + ex.getMessage());
            }
        }
        try {
            if (fx == null) {
                fx = base.trim().toUpperCase(Locale.ROOT).equals(d.baseCurrency()) ? d.fxRates() : Map.of();
            }
            Map<String, Party> parties = new TreeMap<>();
            for (Map.Entry<String, Map<String, String>> p : partyFields.entrySet()) {
                Map<String, String> f = p.getValue();
                parties.put(p.getKey(), new Party(f.get("name"), f.getOrDefault("street", f.get("address")),
                        f.get("city"), f.get("postal-code"), f.get("country"), f.get("vat-number"), f.get("eori"),
                        f.get("tax-id")));
            }
            if (unions != null) {
                customs = customs.withUnions(unions);
            }
            return new TradeRules(base, fx, blocked, eccns, un, eei, eeiCur, eeiOrigin,
                    new com.sparecast.models.trade.Packaging(cartonMax, cartonTare), coversVat, leadDays,
                    parties, fallback, customs);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Trade configuration: " + e.getMessage());
        }
    }

    private static Set<String> list(String value) {
        TreeSet<String> out = new TreeSet<>();
        for (String item : value.split("[,;]")) {
            if (!item.isBlank()) {
                out.add(item.trim());
            }
        }
        return out;
    }

    private static boolean bool(String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException("expected true or false");
    }
}
