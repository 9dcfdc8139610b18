package com.sparecast.jobs.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/** Number and id formatting shared by the generator's writers; locale-free and deterministic. */
final class Formats {

    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private Formats() {
    }

    /**
     * {@code value} rounded half away from zero to {@code scale} decimals, trailing zeros
     * dropped ({@code 0.035}, {@code 2}, {@code -0.1}). Fast enough for millions of rows.
     */
    static String decimal(double value, int scale) {
        long n = Math.round(Math.abs(value) * POW10[scale]);
        if (n == 0) {
            return "0";
        }
        long whole = n / POW10[scale];
        long fraction = n % POW10[scale];
        StringBuilder sb = new StringBuilder(24);
        if (value < 0) {
            sb.append('-');
        }
        sb.append(whole);
        if (fraction != 0) {
            String digits = Long.toString(fraction + POW10[scale]).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(digits, 0, end);
        }
        return sb.toString();
    }

    static String money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** {@code S00000001}: a letter and at least eight digits. */
    static String id(char prefix, long n) {
        String digits = Long.toString(n);
        if (digits.length() >= 8) {
            return prefix + digits;
        }
        char[] c = new char[9];
        c[0] = prefix;
        Arrays.fill(c, 1, 9 - digits.length(), '0');
        digits.getChars(0, digits.length(), c, 9 - digits.length());
        return new String(c);
    }
}
