package com.sparecast.models.logistics;

import java.io.Serializable;

/**
 * A quantity of a part to move from one warehouse to another, from the replenishment plan.
 *
 * @param originWarehouse the warehouse that ships
 * @param destinationWarehouse the warehouse that receives
 * @param partNo the part
 * @param quantity units, &gt;= 0 (zero orders are ignored by the planner)
 */
public record TransferOrder(String originWarehouse, String destinationWarehouse, String partNo, long quantity)
        implements Serializable {

    public TransferOrder {
        if (originWarehouse == null || originWarehouse.isBlank()) {
            throw new IllegalArgumentException("origin warehouse must not be blank");
        }
        if (destinationWarehouse == null || destinationWarehouse.isBlank()) {
            throw new IllegalArgumentException("destination warehouse must not be blank");
        }
        if (partNo == null || partNo.isBlank()) {
            throw new IllegalArgumentException("part number must not be blank");
        }
        if (quantity < 0) {
            throw new IllegalArgumentException("quantity of " + partNo + " must be >= 0, got " + quantity);
        }
        originWarehouse = originWarehouse.trim();
        destinationWarehouse = destinationWarehouse.trim();
        partNo = partNo.trim();
    }
}
