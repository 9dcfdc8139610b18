package com.sparecast.models.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SupersessionChainsTest {

    private static SupersessionChains sample() {
        Map<String, String> m = new HashMap<>();
        m.put("A", "B");
        m.put("B", "C");
        m.put("C", "");
        m.put("D", null);
        m.put("X", "Y");
        m.put("Y", "Z");
        m.put("Z", "X");
        m.put("W", "X");
        m.put("S", "S");
        m.put("OLD", "NEW-UNKNOWN");
        return SupersessionChains.of(m);
    }

    @Test
    void partsResolveToTheLastOfTheirChain() {
        SupersessionChains c = sample();
        assertEquals("C", c.lastOf("A"));
        assertEquals("C", c.lastOf("B"));
        assertEquals("C", c.lastOf("C"));
        assertEquals("D", c.lastOf("D"));
        assertEquals("NEW-UNKNOWN", c.lastOf("OLD"));
        assertEquals("NOT-LISTED", c.lastOf("NOT-LISTED"));
        assertTrue(c.isLast("C"));
        assertFalse(c.isLast("A"));
    }

    @Test
    void cyclesAreReportedNotFollowed() {
        SupersessionChains c = sample();
        assertEquals(List.of(List.of("S"), List.of("X", "Y", "Z")), c.cycles());
        assertEquals(List.of("S", "W", "X", "Y", "Z"), c.partsInLoops());
        assertTrue(c.inLoop("W"));
        assertFalse(c.isLast("X"));
        assertThrows(IllegalStateException.class, () -> c.lastOf("Y"));
    }

    @Test
    void oldStockCountsTowardTheNewPart() {
        Map<String, Double> pooled = sample().pooled(Map.of("A", 3.0, "B", 2.0, "C", 1.0, "X", 4.0, "D", 5.0));
        assertEquals(Map.of("C", 6.0, "X", 4.0, "D", 5.0), pooled);
    }

    @Test
    void isSerializable() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(sample());
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            SupersessionChains copy = (SupersessionChains) in.readObject();
            assertEquals("C", copy.lastOf("A"));
            assertTrue(copy.inLoop("Z"));
        }
    }
}
