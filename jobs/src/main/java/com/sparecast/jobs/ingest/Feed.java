package com.sparecast.jobs.ingest;

import java.util.List;

/** The three event feeds of the contract, with their columns. */
public enum Feed {

    SHIPMENTS("shipments", List.of(
            Column.required("shipment_id", ColumnKind.TEXT),
            Column.required("ship_date", ColumnKind.DATE),
            Column.required("part_no", ColumnKind.PART),
            Column.required("warehouse_id", ColumnKind.WAREHOUSE),
            Column.required("country", ColumnKind.COUNTRY),
            Column.required("quantity", ColumnKind.QUANTITY))),

    FAILURES("failures", List.of(
            Column.required("failure_id", ColumnKind.TEXT),
            Column.required("failure_date", ColumnKind.DATE),
            Column.required("part_no", ColumnKind.PART),
            Column.required("country", ColumnKind.COUNTRY),
            Column.required("quantity", ColumnKind.QUANTITY),
            Column.optional("product_model"),
            Column.personal("serial_no"))),

    RETURNS("returns", List.of(
            Column.required("return_id", ColumnKind.TEXT),
            Column.required("return_date", ColumnKind.DATE),
            Column.required("part_no", ColumnKind.PART),
            Column.required("country", ColumnKind.COUNTRY),
            Column.required("quantity", ColumnKind.QUANTITY),
            Column.code("reason_code", "DEFECTIVE", "DAMAGED_IN_TRANSIT", "WRONG_PART", "NOT_NEEDED", "OTHER"),
            Column.code("condition", "REFURBISHABLE", "SCRAP", "UNKNOWN"),
            Column.personal("customer_name"),
            Column.personal("customer_email"),
            Column.personal("customer_phone"),
            Column.personal("customer_address"))),

    INVENTORY("master/inventory", List.of(
            Column.required("warehouse_id", ColumnKind.WAREHOUSE),
            Column.required("part_no", ColumnKind.PART),
            Column.required("on_hand", ColumnKind.COUNT),
            Column.required("on_order", ColumnKind.COUNT)));

    private final String location;
    private final List<Column> columns;

    Feed(String location, List<Column> columns) {
        this.location = location;
        this.columns = columns;
    }

    /**
     * Where the feed's files are under the input: a folder of files for an event feed
     * ({@code shipments/}), a file name stem in {@code master/} for a master table
     * ({@code master/inventory.csv}, {@code master/inventory.parquet}).
     */
    public String location() {
        return location;
    }

    /** The feed's name in outputs ({@code shipments}, {@code inventory}). */
    public String feedName() {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Whether the feed is a master table rather than an event feed. */
    public boolean isMaster() {
        return location.startsWith("master/");
    }

    /** Whether {@code path} (relative to the input) holds rows of this feed. */
    public boolean holds(String path) {
        boolean supported = path.endsWith(".csv") || path.endsWith(".csv.gz") || path.endsWith(".parquet");
        if (isMaster()) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            return supported && path.startsWith("master/") && name.startsWith(feedName());
        }
        return supported && path.startsWith(location + "/");
    }

    /** The columns that identify a row: duplicates of them are rejected, the first kept. */
    public List<String> keyColumns() {
        return isMaster() ? List.of(columns.get(0).name(), columns.get(1).name()) : List.of(columns.get(0).name());
    }

    public List<Column> columns() {
        return columns;
    }

    /** The event date column, the second one; {@code null} for a master table. */
    public String dateColumn() {
        return isMaster() ? null : columns.get(1).name();
    }

    /** Columns that survive ingest: all but personal data. */
    public List<Column> keptColumns() {
        return columns.stream().filter(c -> !c.personal()).toList();
    }
}
