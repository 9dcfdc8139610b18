package com.sparecast.models.logistics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The shipments of one lane and ship date, their lines, and the plan's exception list.
 *
 * @param shipments by shipment id
 * @param lines by shipment id, then line number; held lines included
 * @param holds one entry per held line, in line order
 */
public record ShipmentPlan(List<Shipment> shipments, List<ShipmentLine> lines, List<ShipmentHold> holds)
        implements Serializable {

    public ShipmentPlan {
        shipments = List.copyOf(shipments);
        lines = List.copyOf(lines);
        holds = List.copyOf(holds);
    }

    /** A plan with nothing to ship. */
    public static ShipmentPlan empty() {
        return new ShipmentPlan(List.of(), List.of(), List.of());
    }

    /**
     * The plans of several lanes as one: shipments by id, lines by shipment id then line number,
     * holds in line order. Shipment ids are unique across lanes (they name both warehouses).
     */
    public static ShipmentPlan merge(java.util.Collection<ShipmentPlan> plans) {
        List<Shipment> shipments = new ArrayList<>();
        List<ShipmentLine> lines = new ArrayList<>();
        List<ShipmentHold> holds = new ArrayList<>();
        for (ShipmentPlan p : plans) {
            shipments.addAll(p.shipments);
            lines.addAll(p.lines);
            holds.addAll(p.holds);
        }
        shipments.sort(java.util.Comparator.comparing(Shipment::shipmentId));
        lines.sort(java.util.Comparator.comparing(ShipmentLine::shipmentId).thenComparingInt(ShipmentLine::lineNo));
        holds.sort(java.util.Comparator.comparing(ShipmentHold::shipmentId).thenComparingInt(ShipmentHold::lineNo));
        return new ShipmentPlan(shipments, lines, holds);
    }

    /** All lines of one shipment, held ones included, in line order. */
    public List<ShipmentLine> linesOf(String shipmentId) {
        List<ShipmentLine> out = new ArrayList<>();
        for (ShipmentLine l : lines) {
            if (l.shipmentId().equals(shipmentId)) {
                out.add(l);
            }
        }
        return out;
    }

    /**
     * The lines a shipment's figures and documents cover: its READY lines, or, for a HOLD
     * shipment, its held lines.
     */
    public List<ShipmentLine> documentLines(Shipment shipment) {
        List<ShipmentLine> all = linesOf(shipment.shipmentId());
        if (!shipment.ready()) {
            return all;
        }
        List<ShipmentLine> ready = new ArrayList<>();
        for (ShipmentLine l : all) {
            if (l.ready()) {
                ready.add(l);
            }
        }
        return ready;
    }
}
