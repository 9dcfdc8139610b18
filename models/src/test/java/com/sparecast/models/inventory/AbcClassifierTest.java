package com.sparecast.models.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AbcClassifierTest {

    @Test
    void classesFollowCumulativeValueShare() {
        // Values 50, 25, 10, 8, 4, 2, 1, 0 of 100: shares before each 0, .50, .75, .85, .93, .97, .99.
        Map<String, Double> v = new HashMap<>();
        v.put("P1", 50.0);
        v.put("P2", 25.0);
        v.put("P3", 10.0);
        v.put("P4", 8.0);
        v.put("P5", 4.0);
        v.put("P6", 2.0);
        v.put("P7", 1.0);
        v.put("P8", 0.0);
        Map<String, AbcClass> c = AbcClassifier.withDefaults().classify(v);
        assertEquals(List.of("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8"), List.copyOf(c.keySet()));
        assertEquals(List.of(AbcClass.A, AbcClass.A, AbcClass.A, AbcClass.B, AbcClass.B, AbcClass.C, AbcClass.C,
                AbcClass.C), List.copyOf(c.values()));
    }

    @Test
    void configurableCutOffsAndTiesByKey() {
        Map<String, Double> v = Map.of("B", 10.0, "A", 10.0, "C", 10.0, "D", 10.0);
        Map<String, AbcClass> c = AbcClassifier.of(0.5, 0.75).classify(v);
        assertEquals(List.of("A", "B", "C", "D"), List.copyOf(c.keySet()));
        assertEquals(List.of(AbcClass.A, AbcClass.A, AbcClass.B, AbcClass.C), List.copyOf(c.values()));
    }

    @Test
    void allZeroIsAllC() {
        assertEquals(Map.of("X", AbcClass.C), AbcClassifier.withDefaults().classify(Map.of("X", 0.0)));
        assertEquals(Map.of(), AbcClassifier.withDefaults().classify(Map.<String, Double>of()));
    }

    @Test
    void invalidInputThrows() {
        assertThrows(IllegalArgumentException.class, () -> AbcClassifier.of(0.9, 0.8));
        assertThrows(IllegalArgumentException.class, () -> AbcClassifier.withDefaults().classify(Map.of("X", -1.0)));
    }

    @Test
    void serviceLevelsByClass() {
        ServiceLevels s = new ServiceLevels(0.99, 0.95, 0.9);
        assertEquals(0.99, s.targetFor(AbcClass.A));
        assertEquals(0.9, s.targetFor(AbcClass.C));
        assertThrows(IllegalArgumentException.class, () -> new ServiceLevels(1, 0.95, 0.9));
    }
}
