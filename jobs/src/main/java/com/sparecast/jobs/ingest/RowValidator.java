package com.sparecast.jobs.ingest;

import com.sparecast.jobs.input.ReferenceData;
import com.sparecast.jobs.input.RejectReason;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

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
                return wholeNumber(column, value, 1);
            case COUNT:
                return wholeNumber(column, value, 0);
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
            date = value.length() <= 10 ? LocalDate.parse(value)
                    : OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            return new Problem(RejectReason.BAD_DATE, column.name() + " '" + value
                    + "' is not an ISO-8601 date (2026-11-20) or timestamp with offset");
        }
        if (date.isAfter(reference.planningDate())) {
            return new Problem(RejectReason.FUTURE_DATE, column.name() + " " + date + " is after the planning date "
                    + reference.planningDate());
        }
        return date;
    }

    private static Object wholeNumber(Column column, String value, long min) {
        try {
            long number = Long.parseLong(value);
            if (number >= min) {
                return number;
            }
        } catch (NumberFormatException e) {
            // falls through to the problem below
        }
        return new Problem(RejectReason.BAD_QUANTITY, column.name() + " '" + value + "' is not a "
                + (min > 0 ? "positive" : "non-negative") + " whole number");
    }
}
