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
 * @param cartons the cartons of every shipment, by shipment id, then carton number
 */
public record ShipmentPlan(List<Shipment> shipments, List<ShipmentLine> lines, List<ShipmentHold> holds,
                           List<CartonPacker.Carton> cartons) implements Serializable {

    public ShipmentPlan {
        shipments = List.copyOf(shipments);
        lines = List.copyOf(lines);
        holds = List.copyOf(holds);
        cartons = List.copyOf(cartons);
    }

    /** A plan without cartons. */
    public ShipmentPlan(List<Shipment> shipments, List<ShipmentLine> lines, List<ShipmentHold> holds) {
        this(shipments, lines, holds, List.of());
    }

    /** A plan with nothing to ship. */
    public static ShipmentPlan empty() {
        return new ShipmentPlan(List.of(), List.of(), List.of(), List.of());
    }

    /** The cartons of one shipment, numbered 1 to n. */
    public List<CartonPacker.Carton> cartonsOf(String shipmentId) {
        List<CartonPacker.Carton> out = new ArrayList<>();
        for (CartonPacker.Carton c : cartons) {
            if (c.shipmentId().equals(shipmentId)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The plans of several lanes as one: shipments by id, lines by shipment id then line number,
     * holds in line order. Shipment ids are unique across lanes (they name both warehouses).
     */
    public static ShipmentPlan merge(java.util.Collection<ShipmentPlan> plans) {
        List<Shipment> shipments = new ArrayList<>();
        List<ShipmentLine> lines = new ArrayList<>();
        List<ShipmentHold> holds = new ArrayList<>();
        List<CartonPacker.Carton> cartons = new ArrayList<>();
        for (ShipmentPlan p : plans) {
            shipments.addAll(p.shipments);
            lines.addAll(p.lines);
            holds.addAll(p.holds);
            cartons.addAll(p.cartons);
        }
        shipments.sort(java.util.Comparator.comparing(Shipment::shipmentId));
        lines.sort(java.util.Comparator.comparing(ShipmentLine::shipmentId).thenComparingInt(ShipmentLine::lineNo));
        holds.sort(java.util.Comparator.comparing(ShipmentHold::shipmentId).thenComparingInt(ShipmentHold::lineNo));
        cartons.sort(java.util.Comparator.comparing(CartonPacker.Carton::shipmentId)
                .thenComparingInt(CartonPacker.Carton::number));
        return new ShipmentPlan(shipments, lines, holds, cartons);
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
