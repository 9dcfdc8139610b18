package com.sparecast.models.logistics;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * One entry of the plan's exception list: a held line and why.
 *
 * @param shipmentId the shipment the line left
 * @param lineNo the line's number in it
 * @param partNo the part
 * @param originWarehouse shipping warehouse
 * @param destinationWarehouse receiving warehouse
 * @param shipDate the date it would have left
 * @param quantity units held
 * @param reasons the reason codes, joined by {@code ;}
 * @param holdReason the full reasons with detail, as on the line
 */
public record ShipmentHold(
        String shipmentId,
        int lineNo,
        String partNo,
        String originWarehouse,
        String destinationWarehouse,
        LocalDate shipDate,
        long quantity,
        String reasons,
        String holdReason) implements Serializable {

    /** Column names for an exceptions file. */
    public static List<String> csvHeader() {
        return List.of("shipment_id", "line_no", "part_no", "origin_warehouse", "destination_warehouse",
                "ship_date", "quantity", "reasons", "hold_reason");
    }

    /** This entry's cells in {@link #csvHeader()} order. */
    public List<String> csvValues() {
        return List.of(shipmentId, Integer.toString(lineNo), partNo, originWarehouse, destinationWarehouse,
                shipDate.toString(), Long.toString(quantity), reasons, holdReason);
    }
}
