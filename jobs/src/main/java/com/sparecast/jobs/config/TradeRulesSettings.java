package com.sparecast.jobs.config;

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
 * sparecast.trade.passenger-air-forbidden-un=UN3480,UN3090
 * sparecast.trade.eei.threshold=2500
 * sparecast.trade.eei.currency=USD
 * sparecast.trade.eei.origin-country=US
 * sparecast.trade.gross-weight-factor=1.10
 * sparecast.trade.de-minimis-covers-vat=true
 * sparecast.trade.departure-lead-days=1
 * sparecast.trade.party.DCNL.name=Sparecast Nederland B.V.   (also .address, .country, .tax-id)
 * sparecast.trade.party-fallback-name=Sparecast
 * </pre>
 */
public final class TradeRulesSettings {

    private static final String PREFIX = "sparecast.trade.";
    private static final String FX = "fx.";
    private static final String PARTY = "party.";

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
        double factor = d.grossWeightFactor();
        boolean coversVat = d.deMinimisCoversVat();
        int leadDays = d.departureLeadDays();
        String fallback = d.fallbackPartyName();
        Map<String, Map<String, String>> partyFields = new TreeMap<>();
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
                    case "gross-weight-factor" -> factor = Double.parseDouble(value);
                    case "de-minimis-covers-vat" -> coversVat = bool(value);
                    case "departure-lead-days" -> leadDays = Integer.parseInt(value);
                    case "party-fallback-name" -> fallback = value;
                    default -> {
                        if (key.startsWith(FX) && key.length() > FX.length()) {
                            if (fx == null) {
                                fx = new TreeMap<>();
                            }
                            fx.put(key.substring(FX.length()), Double.parseDouble(value));
                        } else if (key.startsWith(PARTY) && key.lastIndexOf('.') > PARTY.length()) {
                            int dot = key.lastIndexOf('.');
                            String warehouse = key.substring(PARTY.length(), dot);
                            String field = key.substring(dot + 1);
                            if (!Set.of("name", "address", "country", "tax-id").contains(field)) {
                                throw new IllegalArgumentException("unknown party field '" + field + "'");
                            }
                            partyFields.computeIfAbsent(warehouse, w -> new TreeMap<>()).put(field, value);
                        } else {
                            throw new IllegalArgumentException("unknown key");
                        }
                    }
                }
            } catch (IllegalArgumentException ex) {
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
                if (!f.containsKey("name")) {
                    throw new ConfigurationException("Trade configuration: " + PREFIX + PARTY + p.getKey()
                            + ".name is missing");
                }
                parties.put(p.getKey(), new Party(f.get("name"), f.get("address"), f.get("country"), f.get("tax-id")));
            }
            return new TradeRules(base, fx, blocked, eccns, un, eei, eeiCur, eeiOrigin, factor, coversVat, leadDays,
                    parties, fallback);
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
