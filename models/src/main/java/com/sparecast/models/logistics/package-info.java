/**
 * Ship calendars and consolidation: from the transfer orders of a lane to shipments and
 * shipment lines, as {@code plans/shipments.csv} and {@code plans/shipment_lines.csv} list them.
 *
 * <p>Entry point: {@link com.sparecast.models.logistics.ShipmentPlanner#planLane}, one call per
 * lane (a Spark {@code groupByKey} on origin and destination warehouse). Everything here is
 * immutable and {@link java.io.Serializable}, so it travels to executors.
 */
package com.sparecast.models.logistics;
