package com.sparecast.models.logistics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How numbers are written in the plan files, so that outputs are byte-stable: money with 2
 * decimals, weights with 3, unit values with at least 2 and no trailing zeros beyond, all plain
 * (never scientific), rounded half-up.
 */
public final class Formats {

    private Formats() {
    }

    /** Money: {@code 1234.5} as {@code "1234.50"}. */
    public static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Weight in kg: {@code 2.5} as {@code "2.500"}. */
    public static String kg(BigDecimal weight) {
        return weight.setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    /** An exchange rate: 6 decimals, {@code 1.08} as {@code "1.080000"}. */
    public static String rate(BigDecimal rate) {
        return rate.setScale(6, RoundingMode.HALF_UP).toPlainString();
    }

    /** A unit value: {@code 12.5} as {@code "12.50"}, {@code 0.125} as {@code "0.125"}. */
    public static String unitValue(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() < 2) {
            v = v.setScale(2, RoundingMode.UNNECESSARY);
        }
        return v.toPlainString();
    }
}
