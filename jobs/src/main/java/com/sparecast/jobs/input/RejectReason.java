package com.sparecast.jobs.input;

/** Why an input row was rejected; the code data owners filter the rejects by. */
public enum RejectReason {
    /** The file lacks a required column; every row of the file is rejected. */
    MISSING_COLUMN,
    /** A required value is empty. */
    MISSING_VALUE,
    /** Broken quoting or a row that is not valid CSV. */
    MALFORMED_ROW,
    /** Bytes that are not valid UTF-8. */
    BAD_ENCODING,
    /** Not an ISO-8601 date or timestamp. */
    BAD_DATE,
    /** A date after the planning date. */
    FUTURE_DATE,
    /** Not a positive whole number. */
    BAD_QUANTITY,
    /** Not a number where one is required. */
    BAD_NUMBER,
    /** A part number that parts.csv does not know. */
    UNKNOWN_PART,
    /** A country that regions.csv does not know. */
    UNKNOWN_COUNTRY,
    /** A warehouse that warehouses.csv does not know. */
    UNKNOWN_WAREHOUSE,
    /** A code outside the allowed list (reason_code, condition, role...). */
    UNKNOWN_CODE,
    /** An event id seen earlier (first kept, in file and line order). */
    DUPLICATE_ID,
    /**
     * A value outside its plausibility limits ({@link InputLimits}): a quantity over
     * {@code sparecast.input.max-quantity}, a date before {@code sparecast.input.min-date}, a unit
     * cost over {@code sparecast.input.max-unit-cost}...
     */
    OUT_OF_RANGE,
    /** An identifier that names a file (warehouse_id...) and is not a plain, short ASCII name. */
    BAD_IDENTIFIER,
    /** A file that cannot be read (a corrupt Parquet file, a damaged .csv.gz): rejected as one row, line 0. */
    UNREADABLE_FILE,
    /** A planner's decision whose valid_until is before the planning date: listed, not applied. */
    EXPIRED
}
