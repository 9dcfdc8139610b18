package com.sparecast.jobs.input;

import com.sparecast.jobs.input.MasterTable.MasterRow;
import com.sparecast.models.inventory.PlannerDecision;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The planners' decisions of {@code decisions/overrides.csv} (or {@code .parquet}), checked row by
 * row like master data: every row is applied or rejected with its reason, never a crash.
 *
 * <p>Columns: <b>warehouse_id, part_no, kind, value</b>, valid_until, <b>decided_by</b>, comment.
 * A row is rejected when its warehouse or part is unknown ({@code UNKNOWN_WAREHOUSE},
 * {@code UNKNOWN_PART}), its kind is not one of {@link PlannerDecision.Kind} ({@code UNKNOWN_CODE}),
 * its value is missing, not a number &gt;= 0 ({@code BAD_NUMBER}), not whole for a quantity
 * ({@code BAD_QUANTITY}), over the plausibility limit ({@code OUT_OF_RANGE}) or given for
 * DO_NOT_STOCK or ACCEPT ({@code BAD_NUMBER}), valid_until is not a date ({@code BAD_DATE}) or
 * before the planning date ({@code EXPIRED}: listed, not applied), decided_by is empty
 * ({@code MISSING_VALUE}), or the line already has a decision ({@code DUPLICATE_ID}, the first in
 * file and line order is kept: a line takes one decision).
 *
 * @param byLine the decisions applied, by {@link #key(String, String)}
 * @param rejects the rows not applied, with their reasons
 * @param rowsRead rows read per file (path relative to the input)
 */
public record Decisions(Map<String, Decision> byLine, List<Reject> rejects, Map<String, Integer> rowsRead)
        implements Serializable {

    /** Where the decisions are under the input. */
    public static final String FOLDER = "decisions";
    /** The table's name: its files are {@code decisions/overrides.csv} and {@code decisions/overrides.parquet}. */
    public static final String TABLE = "overrides";
    /** Required columns. */
    public static final List<String> COLUMNS = List.of("warehouse_id", "part_no", "kind", "value", "decided_by");

    /**
     * One decision on one plan line.
     *
     * @param validUntil last planning date it applies to, or null for no end
     * @param comment the planner's note, possibly empty
     */
    public record Decision(String warehouseId, String partNo, PlannerDecision decision, LocalDate validUntil,
                           String decidedBy, String comment) implements Serializable {
    }

    /** No decisions. */
    public static Decisions none() {
        return new Decisions(Map.of(), List.of(), Map.of());
    }

    /** The key of a plan line. */
    public static String key(String warehouseId, String partNo) {
        return warehouseId + '|' + partNo;
    }

    /**
     * These decisions with {@code unreadable} files (one {@code UNREADABLE_FILE} reject each, at line
     * 0) added to the rejects, each counted as one row read.
     */
    public Decisions withUnreadable(List<Reject> unreadable) {
        if (unreadable.isEmpty()) {
            return this;
        }
        List<Reject> all = new ArrayList<>(rejects);
        all.addAll(unreadable);
        Map<String, Integer> read = new TreeMap<>(rowsRead);
        unreadable.forEach(r -> read.put(r.file(), 1));
        return new Decisions(byLine, List.copyOf(all), Collections.unmodifiableMap(read));
    }

    /** The decision on a plan line, or null. */
    public Decision of(String warehouseId, String partNo) {
        return byLine.get(key(warehouseId, partNo));
    }

    /**
     * Reads and checks {@code decisions/overrides.csv} when it is there; Parquet files are read by
     * the caller (with Spark) and passed in {@code parquet}.
     */
    public static Decisions load(com.sparecast.jobs.storage.Storage input, List<MasterTable> parquet, MasterData master,
                                 LocalDate planningDate, InputLimits limits) throws java.io.IOException {
        List<MasterTable> tables = new ArrayList<>();
        MasterTable csv = MasterTable.read(input, FOLDER, TABLE, List.of(), false);
        if (csv != null) {
            tables.add(csv);
        }
        tables.addAll(parquet);
        return check(tables, master, planningDate, limits);
    }

    /**
     * Checks the rows of the decision tables (each read as a {@link MasterTable}, CSV or Parquet).
     *
     * @param tables the files' rows, in file order
     * @param master the run's master data (warehouses and parts)
     * @param planningDate decisions valid until an earlier date have expired
     * @param limits plausibility limits: a quantity over {@code max-stock}, a forecast over
     *     {@code max-quantity} per week is {@code OUT_OF_RANGE}
     */
    public static Decisions check(List<MasterTable> tables, MasterData master, LocalDate planningDate,
                                  InputLimits limits) {
        MasterData.Loader loader = new MasterData.Loader();
        Map<String, Decision> byLine = new TreeMap<>();
        Map<String, Integer> rowsRead = new TreeMap<>();
        for (MasterTable table : tables) {
            rowsRead.put(table.path(), table.rows().size());
            String missing = COLUMNS.stream().filter(c -> !table.header().contains(c)).findFirst().orElse(null);
            loader.rows(table, TABLE, row -> {
                if (missing != null) {
                    throw loader.bad(missing, RejectReason.MISSING_COLUMN, table.path() + " has no column " + missing
                            + " (found " + table.header() + ")");
                }
                Decision d = decision(loader, row, master, planningDate, limits);
                if (byLine.containsKey(key(d.warehouseId(), d.partNo()))) {
                    throw loader.bad("part_no", RejectReason.DUPLICATE_ID, "warehouse " + d.warehouseId() + " part "
                            + d.partNo() + " already has a decision earlier in the file; the first is kept");
                }
                byLine.put(key(d.warehouseId(), d.partNo()), d);
                return d;
            });
        }
        return new Decisions(Collections.unmodifiableMap(byLine), List.copyOf(loader.rejects()),
                Collections.unmodifiableMap(rowsRead));
    }

    private static Decision decision(MasterData.Loader loader, MasterRow row, MasterData master, LocalDate planningDate,
                                     InputLimits limits) {
        String warehouse = loader.text(row, "warehouse_id");
        if (!master.warehouses().containsKey(warehouse)) {
            throw loader.bad("warehouse_id", RejectReason.UNKNOWN_WAREHOUSE,
                    "warehouse_id " + Identifiers.printable(warehouse) + " is not in warehouses.csv");
        }
        String part = loader.text(row, "part_no");
        if (!master.parts().containsKey(part)) {
            throw loader.bad("part_no", RejectReason.UNKNOWN_PART, "part_no " + Identifiers.printable(part)
                    + " is not in parts.csv");
        }
        String kindText = loader.text(row, "kind");
        PlannerDecision.Kind kind = PlannerDecision.Kind.parse(kindText);
        if (kind == null) {
            throw loader.bad("kind", RejectReason.UNKNOWN_CODE, "kind " + Identifiers.printable(kindText)
                    + " is not one of " + java.util.Arrays.toString(PlannerDecision.Kind.values()));
        }
        double value = Double.NaN;
        if (kind.hasValue()) {
            value = loader.number(row, "value", Double.MAX_VALUE);
            if (kind.wholeUnits() && value != Math.rint(value)) {
                throw loader.bad("value", RejectReason.BAD_QUANTITY, "value " + row.get("value") + " of " + kind
                        + " is not a whole number of units");
            }
            double max = kind.wholeUnits() ? limits.maxStock() : limits.maxQuantity();
            if (value > max) {
                throw loader.bad("value", RejectReason.OUT_OF_RANGE, "value " + row.get("value") + " of " + kind
                        + " is over the limit " + (long) max + (kind.wholeUnits() ? " (sparecast.input.max-stock)"
                        : " per week (sparecast.input.max-quantity)"));
            }
        } else if (!row.get("value").isEmpty()) {
            throw loader.bad("value", RejectReason.BAD_NUMBER, kind + " takes no value, got '"
                    + Identifiers.printable(row.get("value")) + "'");
        }
        LocalDate validUntil = row.get("valid_until").isEmpty() ? null : loader.date(row, "valid_until");
        if (validUntil != null && validUntil.isBefore(planningDate)) {
            throw loader.bad("valid_until", RejectReason.EXPIRED, "valid_until " + validUntil
                    + " is before the planning date " + planningDate + ": expired, not applied");
        }
        String decidedBy = loader.text(row, "decided_by");
        return new Decision(warehouse, part, new PlannerDecision(kind, value), validUntil, decidedBy,
                row.get("comment"));
    }
}
