package com.sparecast.models.trade;

import java.io.Serializable;
import java.util.Map;
import java.util.Locale;

/**
 * What customs needs to know about a part, from {@code master/parts.csv}.
 *
 * <p>Optional texts are stored trimmed, and empty when absent (never null). The HS code is kept as
 * given, so a malformed one can be reported as it was written; {@link HsCode#normalize} gives the
 * digits.
 *
 * @param partNo part number
 * @param description commercial description
 * @param unitValue value of one unit in {@code currency} ({@code unit_cost}), finite and &gt;= 0
 * @param currency ISO 4217 code of {@code unitValue}
 * @param unitWeightKg net weight of one unit in kg, finite and &gt;= 0
 * @param hsCode HS code as written in master data, possibly empty or malformed
 * @param originCountry country of origin (manufacture), ISO 3166-1 alpha-2, possibly empty
 * @param dangerousGoods UN number such as {@code UN3480}, empty when not dangerous
 * @param eccn export control classification number such as {@code EAR99} or {@code 5A002}, possibly empty
 * @param nationalCodes national tariff codes by destination country ({@code master/hs_national.csv}),
 *        digits only
 * @param packSize units per pack ({@code pack_size}): a carton holds whole packs where it can; &lt; 1 reads as 1
 */
public record TradePart(
        String partNo,
        String description,
        double unitValue,
        String currency,
        double unitWeightKg,
        String hsCode,
        String originCountry,
        String dangerousGoods,
        String eccn,
        Map<String, String> nationalCodes,
        int packSize) implements Serializable {

    /** A part without national tariff codes, in packs of 1. */
    public TradePart(String partNo, String description, double unitValue, String currency, double unitWeightKg,
                     String hsCode, String originCountry, String dangerousGoods, String eccn) {
        this(partNo, description, unitValue, currency, unitWeightKg, hsCode, originCountry, dangerousGoods, eccn,
                Map.of(), 1);
    }

    /** A part in packs of 1. */
    public TradePart(String partNo, String description, double unitValue, String currency, double unitWeightKg,
                     String hsCode, String originCountry, String dangerousGoods, String eccn,
                     Map<String, String> nationalCodes) {
        this(partNo, description, unitValue, currency, unitWeightKg, hsCode, originCountry, dangerousGoods, eccn,
                nationalCodes, 1);
    }

    public TradePart {
        if (partNo == null || partNo.isBlank()) {
            throw new IllegalArgumentException("part number must not be blank, got '" + partNo + "'");
        }
        if (!(unitValue >= 0) || Double.isInfinite(unitValue)) {
            throw new IllegalArgumentException("unit value of " + partNo + " must be finite and >= 0, got " + unitValue);
        }
        if (!(unitWeightKg >= 0) || Double.isInfinite(unitWeightKg)) {
            throw new IllegalArgumentException("unit weight of " + partNo + " must be finite and >= 0, got " + unitWeightKg);
        }
        if (currency == null || currency.isBlank()) {
            throw new IllegalArgumentException("currency of " + partNo + " must not be blank");
        }
        partNo = partNo.trim();
        description = trim(description);
        currency = currency.trim().toUpperCase(Locale.ROOT);
        hsCode = trim(hsCode);
        originCountry = trim(originCountry).toUpperCase(Locale.ROOT);
        dangerousGoods = normalizeUnNumber(dangerousGoods);
        eccn = trim(eccn).toUpperCase(Locale.ROOT);
        java.util.TreeMap<String, String> codes = new java.util.TreeMap<>();
        if (nationalCodes != null) {
            nationalCodes.forEach((c, code) -> codes.put(trim(c).toUpperCase(Locale.ROOT), HsCode.normalize(code)));
        }
        nationalCodes = java.util.Collections.unmodifiableMap(codes);
        packSize = Math.max(1, packSize);
    }

    /**
     * The code an export to {@code country} declares when {@code digits} are required: the part's
     * national code for the country ({@code master/hs_national.csv}) when it has exactly
     * {@code digits} digits, else its HS code when that has exactly {@code digits}; null when
     * neither has. Never cut: the digits past the sixth are national, so a 10-digit US code cut to
     * 8 is not a Brazilian NCM. With {@code digits} 0 (no national code required), the HS code.
     */
    public String declaredCode(String country, int digits) {
        String hs = HsCode.normalize(hsCode);
        if (digits <= 0) {
            return hs;
        }
        String national = nationalCodes.get(country.trim().toUpperCase(Locale.ROOT));
        for (String candidate : national == null ? new String[] {hs} : new String[] {national, hs}) {
            if (candidate.length() == digits && candidate.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * A UN number in the form {@code UN1234}: {@code "un 3480"} and {@code "3480"} become
     * {@code "UN3480"}; blank becomes empty; anything else is kept trimmed and upper-cased.
     */
    public static String normalizeUnNumber(String un) {
        String s = trim(un).toUpperCase(Locale.ROOT).replace(" ", "");
        if (s.matches("\\d{4}")) {
            return "UN" + s;
        }
        return s;
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
