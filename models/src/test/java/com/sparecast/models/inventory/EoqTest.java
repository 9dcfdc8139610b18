package com.sparecast.models.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Wilson's EOQ against R 4.2.2, sqrt(2 * D * K / (r * v)): src/test/resources/inventory/eoq.csv
 * (src/test/R/inventory-reference.R).
 */
class EoqTest {

    @Test
    void matchesR() {
        var rows = ReferenceTable.read("/inventory/eoq.csv");
        assertEquals(4, rows.size());
        for (var row : rows) {
            double eoq = Eoq.of(ReferenceTable.num(row, "annual_demand"), ReferenceTable.num(row, "order_cost"),
                    ReferenceTable.num(row, "holding_rate"), ReferenceTable.num(row, "unit_cost"));
            assertEquals(ReferenceTable.num(row, "eoq"), eoq, 1e-9, row::toString);
        }
    }

    @Test
    void unconfiguredCostsGiveNoEoq() {
        assertEquals(0, Eoq.ifConfigured(1200, Double.NaN, 0.2, 30));
        assertEquals(0, Eoq.ifConfigured(1200, 50, 0, 30));
        assertEquals(0, Eoq.ifConfigured(0, 50, 0.2, 30));
        assertEquals(Math.sqrt(20000), Eoq.ifConfigured(1200, 50, 0.2, 30), 1e-12);
        assertEquals(0, Eoq.of(0, 50, 0.2, 30));
    }

    @Test
    void invalidArgumentsThrow() {
        assertThrows(IllegalArgumentException.class, () -> Eoq.of(-1, 50, 0.2, 30));
        assertThrows(IllegalArgumentException.class, () -> Eoq.of(100, 0, 0.2, 30));
        assertThrows(IllegalArgumentException.class, () -> Eoq.of(100, 50, 0.2, Double.NaN));
    }
}
