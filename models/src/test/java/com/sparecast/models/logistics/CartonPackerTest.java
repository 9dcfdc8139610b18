package com.sparecast.models.logistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.sparecast.models.logistics.CartonPacker.Carton;
import com.sparecast.models.logistics.CartonPacker.Item;
import com.sparecast.models.trade.Packaging;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CartonPackerTest {

    /** Cartons of at most 25 kg, 0.5 kg tare: 24.5 kg of goods each. */
    private static final Packaging CARTONS = new Packaging(25, 0.5);

    /*
     * capacity = floor((25 - 0.5) / unit kg), cut to whole packs when one fits, at least 1:
     *   1.483 kg:           24.5 / 1.483 = 16.52  -> 16
     *   0.337 kg, pack 10:  24.5 / 0.337 = 72.70  -> 72 -> 70 (7 packs)
     *   0.337 kg, pack 12:  72 is 6 packs         -> 72
     *   3 kg, pack 10:      24.5 / 3 = 8.17 -> 8, a pack (30 kg) does not fit -> 8 units
     *   30 kg:              24.5 / 30 = 0.82 -> 0 -> 1 (alone, over the maximum)
     *   0.245 kg:           24.5 / 0.245 = 100 exactly (decimal arithmetic; in doubles 99.99...)
     *   0 kg:               unlimited
     */
    @Test
    void capacityPerCarton() {
        assertEquals(16, CartonPacker.capacity(1.483, 1, CARTONS));
        assertEquals(70, CartonPacker.capacity(0.337, 10, CARTONS));
        assertEquals(72, CartonPacker.capacity(0.337, 12, CARTONS));
        assertEquals(8, CartonPacker.capacity(3.0, 10, CARTONS));
        assertEquals(1, CartonPacker.capacity(30.0, 1, CARTONS));
        assertEquals(100, CartonPacker.capacity(0.245, 1, CARTONS));
        assertEquals(Long.MAX_VALUE, CartonPacker.capacity(0, 1, CARTONS));
        assertEquals(List.of(16L, 16L, 16L, 16L, 16L, 16L, 4L), CartonPacker.split(100, 16));
        assertEquals(List.of(5L), CartonPacker.split(5, Long.MAX_VALUE));
    }

    /*
     * Shipment SHP-X, four lines:
     *   line 1 P-A 100 x 1.483 kg, 16 a carton: 6 x 16 + 4 -> 7 cartons (1-7)
     *          16 units: net 23.728, gross 24.228; 4 units: net 5.932, gross 6.432
     *   line 2 P-B 150 x 0.337 kg, packs of 10, 70 a carton: 70 + 70 + 10 -> 3 cartons (8-10)
     *          70 units: net 23.590, gross 24.090; 10 units: net 3.370, gross 3.870
     *   line 3 P-C 2 x 30 kg, 1 a carton -> 2 cartons (11-12): net 30.000, gross 30.500
     *   line 4 P-D 5 x 0 kg -> 1 carton (13): net 0.000, gross 0.500
     * 13 cartons, marked "SHP-X 1/13" .. "SHP-X 13/13".
     * Net 148.300 + 50.550 + 60.000 + 0 = 258.850; gross = net + 13 * 0.5 = 265.350.
     */
    @Test
    void packsEachLineIntoNumberedCartons() {
        List<Carton> cartons = CartonPacker.pack("SHP-X", List.of(
                new Item(1, "P-A", 100, 1.483, 1), new Item(2, "P-B", 150, 0.337, 10),
                new Item(3, "P-C", 2, 30, 1), new Item(4, "P-D", 5, 0, 1)), CARTONS);
        assertEquals(List.of(
                "SHP-X 1/13 1 P-A 16 23.728 24.228", "SHP-X 2/13 1 P-A 16 23.728 24.228",
                "SHP-X 3/13 1 P-A 16 23.728 24.228", "SHP-X 4/13 1 P-A 16 23.728 24.228",
                "SHP-X 5/13 1 P-A 16 23.728 24.228", "SHP-X 6/13 1 P-A 16 23.728 24.228",
                "SHP-X 7/13 1 P-A 4 5.932 6.432",
                "SHP-X 8/13 2 P-B 70 23.590 24.090", "SHP-X 9/13 2 P-B 70 23.590 24.090",
                "SHP-X 10/13 2 P-B 10 3.370 3.870",
                "SHP-X 11/13 3 P-C 1 30.000 30.500", "SHP-X 12/13 3 P-C 1 30.000 30.500",
                "SHP-X 13/13 4 P-D 5 0.000 0.500"),
                cartons.stream().map(c -> c.marks() + " " + c.lineNo() + " " + c.partNo() + " " + c.quantity() + " "
                        + c.netWeightKg() + " " + c.grossWeightKg()).toList());
        assertEquals(new BigDecimal("258.850"), CartonPacker.netOf(cartons));
        assertEquals(new BigDecimal("265.350"), CartonPacker.grossOf(cartons));
        assertEquals(List.of(), CartonPacker.pack("SHP-X", List.of(), CARTONS));
    }

    /* A lane of at most 10 kg lowers the carton to 10 kg: 9.5 / 1.483 = 6.41 -> 6 a carton; 100 kg or 0.4 kg change nothing. */
    @Test
    void aLaneLimitBelowTheCartonMaximumLowersIt() {
        Packaging lane10 = CartonPacker.limit(CARTONS, 10.0);
        assertEquals(new Packaging(10, 0.5), lane10);
        assertEquals(6, CartonPacker.capacity(1.483, 1, lane10));
        assertSame(CARTONS, CartonPacker.limit(CARTONS, 100.0));
        assertSame(CARTONS, CartonPacker.limit(CARTONS, 0.4));
        assertSame(CARTONS, CartonPacker.limit(CARTONS, null));
    }
}
