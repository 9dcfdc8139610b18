package com.sparecast.models.inventory;

/** Why a plan line needs a planner's look; the reason code on the line. */
public enum ExceptionCode {
    /** Position below the reorder point and expected to run out before any order can arrive. */
    STOCKOUT_RISK,
    /** Position above the order-up-to level by more than the configured cover. */
    OVERSTOCK,
    /** No demand for a year (configurable) and stock on hand. */
    DEAD_STOCK,
    /** The series could not be forecast (no usable history or the forecast failed). */
    NO_FORECAST,
    /** The part's supersession chain runs into a cycle. */
    SUPERSESSION_LOOP,
    /** The policy's expected fill rate is below the class's target by more than the configured margin. */
    BELOW_TARGET,
    /** A stock-out risk whose replenishment order will be held on its lane (customs or shipping checks). */
    HELD_AT_CUSTOMS,
    /**
     * The stock cap holds the line's order-up-to level below what its target needs; its expected
     * fill rate is what the capped level reaches ({@link OrderUpToPolicy#heldBackByCap}).
     */
    TARGET_UNREACHABLE
}
