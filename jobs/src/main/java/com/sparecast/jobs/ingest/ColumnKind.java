package com.sparecast.jobs.ingest;

/** How a column's text is checked and typed. */
public enum ColumnKind {
    TEXT,
    DATE,
    QUANTITY,
    /** A whole number >= 0 (stock levels). */
    COUNT,
    PART,
    COUNTRY,
    WAREHOUSE,
    CODE
}
