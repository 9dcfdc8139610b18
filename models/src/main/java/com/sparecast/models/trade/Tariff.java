package com.sparecast.models.trade;

import java.io.Serializable;
import java.util.Locale;

/**
 * One row of {@code master/tariffs.csv}: the duty and VAT a destination charges on goods whose HS
 * code starts with {@code hsPrefix}.
 *
 * <p>Rates are fractions ({@code 0.045} is 4.5 %). The prefix is stored normalized (dots and spaces
 * removed); an empty prefix matches every code. A shipment whose value is at or below
 * {@code deMinimisValue} (in {@code deMinimisCurrency}) owes nothing on the lines this row matches;
 * a null value means no de minimis, a null or blank currency means the base currency of
 * {@link TradeRules}.
 *
 * @param destinationCountry ISO 3166-1 alpha-2 importing country
 * @param hsPrefix HS code prefix, digits only once normalized, possibly empty
 * @param dutyRate duty as a fraction of the customs value, finite and &gt;= 0
 * @param vatRate import VAT as a fraction of value plus duty, finite and &gt;= 0
 * @param deMinimisValue value at or below which nothing is owed, or null
 * @param deMinimisCurrency ISO 4217 code of {@code deMinimisValue}, or null
 */
public record Tariff(
        String destinationCountry,
        String hsPrefix,
        double dutyRate,
        double vatRate,
        Double deMinimisValue,
        String deMinimisCurrency) implements Serializable {

    public Tariff {
        if (destinationCountry == null || destinationCountry.isBlank()) {
            throw new IllegalArgumentException("tariff destination country must not be blank");
        }
        if (!(dutyRate >= 0) || Double.isInfinite(dutyRate)) {
            throw new IllegalArgumentException("duty rate must be finite and >= 0, got " + dutyRate);
        }
        if (!(vatRate >= 0) || Double.isInfinite(vatRate)) {
            throw new IllegalArgumentException("VAT rate must be finite and >= 0, got " + vatRate);
        }
        if (deMinimisValue != null && (!(deMinimisValue >= 0) || deMinimisValue.isInfinite())) {
            throw new IllegalArgumentException("de minimis value must be finite and >= 0, got " + deMinimisValue);
        }
        destinationCountry = destinationCountry.trim().toUpperCase(Locale.ROOT);
        hsPrefix = HsCode.normalize(hsPrefix);
        deMinimisCurrency = deMinimisCurrency == null || deMinimisCurrency.isBlank()
                ? null : deMinimisCurrency.trim().toUpperCase(Locale.ROOT);
    }

    /** True when this row's prefix is a prefix of the (normalized) HS code. */
    public boolean matches(String hsCode) {
        return HsCode.normalize(hsCode).startsWith(hsPrefix);
    }
}
