package com.sparecast.models.trade;

import java.io.Serializable;
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
        String eccn) implements Serializable {

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
