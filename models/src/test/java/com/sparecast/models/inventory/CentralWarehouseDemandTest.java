package com.sparecast.models.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sparecast.models.inventory.CentralWarehouseDemand.RegionalDraw;
import java.util.List;
import org.junit.jupiter.api.Test;

class CentralWarehouseDemandTest {

    @Test
    void theCentralWarehouseIsPlannedOnTheSumOfRegionalDraws() {
        CentralWarehouseDemand c = CentralWarehouseDemand.sum(List.of(
                new RegionalDraw(2, 6, 10), new RegionalDraw(0.5, 0.5, 0), new RegionalDraw(1.5, 4, 3)));
        assertEquals(4, c.meanPerPeriod(), 1e-12);
        assertEquals(10.5, c.variancePerPeriod(), 1e-12);
        assertEquals(13, c.ordersNow());
        assertEquals(3, c.regions());
        assertEquals(0, CentralWarehouseDemand.sum(List.of()).meanPerPeriod());
        assertThrows(IllegalArgumentException.class, () -> new RegionalDraw(-1, 0, 0));
    }
}
