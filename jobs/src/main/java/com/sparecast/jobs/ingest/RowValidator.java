package com.sparecast.jobs.ingest;

import com.sparecast.jobs.input.Identifiers;
import com.sparecast.jobs.input.ReferenceData;
import com.sparecast.jobs.input.RejectReason;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/** Checks one value of an event row against its column and the reference data. */
final class RowValidator {

    private final ReferenceData reference;

    RowValidator(ReferenceData reference) {
        this.reference = reference;
    }

    /** A failed check: the reason and a message that names the value. */
    record Problem(RejectReason reason, String message) {
    }

    /**
     * The typed value of {@code text} in {@code column} ({@link LocalDate}, {@link Long} or
     * {@link String}; {@code null} for an empty optional value), or a {@link Problem}.
     */
    Object check(Column column, String text) {
        String value = text == null ? "" : text.trim();
        if (value.indexOf('\uFFFD') >= 0) {
            return new Problem(RejectReason.BAD_ENCODING, column.name() + " has bytes that are not valid UTF-8");
        }
        if (value.isEmpty()) {
            return column.required()
                    ? new Problem(RejectReason.MISSING_VALUE, column.name() + " is empty")
                    : null;
        }
        switch (column.kind()) {
            case DATE:
                return date(column, value);
            case QUANTITY:
                return wholeNumber(column, value, 1, reference.limits().maxQuantity(), "sparecast.input.max-quantity");
            case COUNT:
                return wholeNumber(column, value, 0, reference.limits().maxStock(), "sparecast.input.max-stock");
            case PART:
                return reference.parts().contains(value) ? value
                        : new Problem(RejectReason.UNKNOWN_PART, "part " + value + " is not in parts.csv");
            case COUNTRY:
                return reference.countries().contains(value) ? value
                        : new Problem(RejectReason.UNKNOWN_COUNTRY, "country " + value + " is not in regions.csv");
            case WAREHOUSE:
                return reference.warehouses().contains(value) ? value
                        : new Problem(RejectReason.UNKNOWN_WAREHOUSE, "warehouse " + value + " is not in warehouses.csv");
            case CODE:
                return column.codes().contains(value) ? value
                        : new Problem(RejectReason.UNKNOWN_CODE, column.name() + " " + value + " is not one of "
                                + column.codes().stream().sorted().toList());
            default:
                return value;
        }
    }

    private Object date(Column column, String value) {
        LocalDate date;
        try {
            date = value.length() <= 10 ? isoDate(value)
                    : OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeException e) {
            return new Problem(RejectReason.BAD_DATE, column.name() + " '" + value
                    + "' is not an ISO-8601 date (2026-11-20) or timestamp with offset");
        }
        if (date.isBefore(reference.limits().minDate())) {
            return new Problem(RejectReason.OUT_OF_RANGE, column.name() + " " + date + " is before "
                    + reference.limits().minDate() + " (sparecast.input.min-date)");
        }
        if (date.isAfter(reference.planningDate())) {
            return new Problem(RejectReason.FUTURE_DATE, column.name() + " " + date + " is after the planning date "
                    + reference.planningDate());
        }
        return date;
    }

    /**
     * {@code LocalDate.parse(value)}, with the feeds' usual form {@code yyyy-MM-dd} read digit by
     * digit: the formatter's parse and resolve were a twentieth of large's ingest. Anything else
     * goes to the formatter; an impossible date throws either way.
     */
    static LocalDate isoDate(String value) {
        if (value.length() == 10 && value.charAt(4) == '-' && value.charAt(7) == '-') {
            int year = digits(value, 0, 4);
            int month = digits(value, 5, 7);
            int day = digits(value, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(value);
    }

    /** The number in ASCII digits {@code from} (inclusive) to {@code to}, or -1 if any is not one. */
    private static int digits(String value, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = 10 * n + (c - '0');
        }
        return n;
    }

    /**
     * A whole number in ASCII digits only ({@code +7}, Arabic-Indic or fullwidth digits are not
     * numbers here), at least {@code min}; over {@code max} it is {@link RejectReason#OUT_OF_RANGE}.
     */
    private static Object wholeNumber(Column column, String value, long min, long max, String maxKey) {
        if (ASCII_WHOLE.matcher(value).matches()) {
            // At most 18 digits: fits a long. Longer runs of digits are over any limit.
            long number = value.length() <= 18 ? Long.parseLong(value) : Long.MAX_VALUE;
            if (number > max) {
                return new Problem(RejectReason.OUT_OF_RANGE, column.name() + " " + Identifiers.printable(value)
                        + " is over the limit " + max + " per row (" + maxKey + ")");
            }
            if (number >= min) {
                return number;
            }
        }
        return new Problem(RejectReason.BAD_QUANTITY, column.name() + " '" + Identifiers.printable(value) + "' is not a "
                + (min > 0 ? "positive" : "non-negative") + " whole number in ASCII digits");
    }

    private static final Pattern ASCII_WHOLE = Pattern.compile("[0-9]+");
}
