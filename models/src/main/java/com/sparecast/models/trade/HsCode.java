package com.sparecast.models.trade;

import java.util.Locale;

/**
 * Harmonized System codes: the first 6 digits are the international HS subheading, digits 7 to 10
 * national extensions (CN, HTS, Schedule B).
 *
 * <p>A code is written as digits, optionally grouped with dots or spaces ({@code 8471.30.01});
 * {@link #normalize} strips the separators. It is valid when what remains is 6 to 10 digits.
 */
public final class HsCode {

    private HsCode() {
    }

    /** The code with dots and spaces removed and trimmed; empty for null or blank. */
    public static String normalize(String code) {
        if (code == null) {
            return "";
        }
        StringBuilder digits = new StringBuilder(code.length());
        for (char c : code.trim().toCharArray()) {
            if (c != '.' && c != ' ') {
                digits.append(c);
            }
        }
        return digits.toString().toUpperCase(Locale.ROOT);
    }

    /** True when the code is absent: null, empty or blank. */
    public static boolean isMissing(String code) {
        return code == null || code.isBlank();
    }

    /** True when the normalized code is 6 to 10 ASCII digits. */
    public static boolean isValid(String code) {
        String n = normalize(code);
        if (n.length() < 6 || n.length() > 10) {
            return false;
        }
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
