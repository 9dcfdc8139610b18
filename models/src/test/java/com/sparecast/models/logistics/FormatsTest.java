package com.sparecast.models.logistics;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormatsTest {

    @Test
    void numbersAreWrittenPlainWithFixedDecimals() {
        assertEquals("1234.50", Formats.money(new BigDecimal("1234.5")));
        assertEquals("0.13", Formats.money(new BigDecimal("0.125")));      // half-up
        assertEquals("1000000.00", Formats.money(new BigDecimal("1E+6")));  // never scientific
        assertEquals("2.500", Formats.kg(new BigDecimal("2.5")));
        assertEquals("0.001", Formats.kg(new BigDecimal("0.0005")));
        assertEquals("100.00", Formats.unitValue(BigDecimal.valueOf(100.0)));
        assertEquals("0.125", Formats.unitValue(BigDecimal.valueOf(0.125)));
        assertEquals("12.50", Formats.unitValue(new BigDecimal("12.5000")));
    }

    @Test
    void plansOfSeveralLanesMergeInIdOrder() {
        ShipmentPlan a = new ShipmentPlan(List.of(shipment("SHP-2")), List.of(), List.of());
        ShipmentPlan b = new ShipmentPlan(List.of(shipment("SHP-1")), List.of(), List.of());
        assertEquals(List.of("SHP-1", "SHP-2"),
                ShipmentPlan.merge(List.of(a, b)).shipments().stream().map(Shipment::shipmentId).toList());
    }

    private static Shipment shipment(String id) {
        java.time.LocalDate d = java.time.LocalDate.of(2026, 11, 23);
        return new Shipment(id, "A", "B", "FR", "ROAD", "DAP", d, d, 0, BigDecimal.ZERO, "EUR", BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, false, false, Shipment.READY, "DE", "RECEIVER", BigDecimal.ZERO, "INTRA_UNION",
                "Paris, FR", BigDecimal.ONE, d, "");
    }
}
