package com.sparecast.jobs.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How the application writes numbers in its outputs (CSV files, report pages, customs documents,
 * JSON results), locale-free so that two runs on the same inputs give the same bytes. Each
 * method is one meaning; a writer picks the meaning, never its own format string.
 */
public final class Numbers {

    private Numbers() {
    }

    /**
     * A measured or computed value (plan figures, report cells, chart labels): up to 4 decimals,
     * rounded half-up, trailing zeros removed, never an exponent; empty for NaN and infinities.
     */
    public static String decimal(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        // The plan CSV and the report write millions of these: round the digits of the shortest
        // form in place rather than through a BigDecimal, which is exactly what BigDecimal.valueOf
        // would round (it reads the same string). Exponent forms (below 1e-3, from 1e7) take
        // the definition.
        String shortest = Double.toString(value);
        if (shortest.indexOf('E') >= 0) {
            return exactDecimal(value);
        }
        boolean negative = shortest.charAt(0) == '-';
        int point = shortest.indexOf('.');
        StringBuilder digits = new StringBuilder(shortest.length() + 1);
        digits.append(shortest, negative ? 1 : 0, point);
        int integerDigits = digits.length();
        int kept = Math.min(shortest.length(), point + 5);
        digits.append(shortest, point + 1, kept);
        if (kept < shortest.length() && shortest.charAt(kept) >= '5') { // half-up: away from zero
            int i = digits.length() - 1;
            while (i >= 0 && digits.charAt(i) == '9') {
                digits.setCharAt(i--, '0');
            }
            if (i >= 0) {
                digits.setCharAt(i, (char) (digits.charAt(i) + 1));
            } else {
                digits.insert(0, '1');
                integerDigits++;
            }
        }
        int end = digits.length();
        while (end > integerDigits && digits.charAt(end - 1) == '0') {
            end--;
        }
        // the shortest form's integer part has no leading zeros but a lone "0"
        if (end == 1 && digits.charAt(0) == '0') {
            return "0"; // also for -0.0 and negative values that round to zero
        }
        StringBuilder out = new StringBuilder(end + 2);
        if (negative) {
            out.append('-');
        }
        out.append(digits, 0, integerDigits);
        if (end > integerDigits) {
            out.append('.').append(digits, integerDigits, end);
        }
        return out.toString();
    }

    /** {@link #decimal}'s definition, by BigDecimal. */
    static String exactDecimal(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0";
        }
        return rounded.toPlainString();
    }

    /** A drawing coordinate or length: exactly one decimal ({@code 12.0}, {@code -3.5}). */
    public static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /**
     * An accuracy statistic in the backtest's JSON: 6 significant digits, trailing zeros removed
     * ({@code 0.812345}, {@code 1.5}, {@code 2.0}, {@code 1.2e-07}); null for NaN and infinities.
     */
    public static String significant(double value) {
        if (!Double.isFinite(value)) {
            return null;
        }
        return String.format(Locale.ROOT, "%.6g", value).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2")
                .replace(".e", "e").replaceAll("\\.$", ".0");
    }

    /** A value in full precision: Java's shortest round-tripping form; null for NaN and infinities. */
    public static String exact(double value) {
        return Double.isFinite(value) ? Double.toString(value) : null;
    }

    /** Money: 2 decimals, rounded half-up, as {@code plans/shipments.csv} writes it. */
    public static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** A weight in kg: 3 decimals, rounded half-up, as {@code plans/shipments.csv} writes it. */
    public static BigDecimal kg(BigDecimal weight) {
        return weight.setScale(3, RoundingMode.HALF_UP);
    }

    /**
     * The text of one value in a table, CSV or HTML: nothing for null, {@link #decimal} for
     * floating point, ISO dates, other values as they print. No spreadsheet formula guard: that
     * belongs to CSV files only ({@code CsvOutput}).
     */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return decimal(d);
        }
        if (value instanceof Float f) {
            return decimal(f.doubleValue());
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        return value.toString();
    }
}
