package com.sparecast.models.logistics;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LaneTest {

    @Test
    void parsesDepartureWeekdays() {
        assertEquals(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
                Lane.parseWeekdays("MON;wed; FRI"));
        assertEquals(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Lane.parseWeekdays("SATURDAY;SUN"));
        assertEquals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Lane.parseWeekdays(""));
        assertEquals("MON;WED;FRI", Lane.formatWeekdays(Lane.parseWeekdays("FRI;MON;WED")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lane.parseWeekdays("MON;FUN"));
        assertTrue(e.getMessage().contains("FUN"), e.getMessage());
    }

    @Test
    void validatesModeAndIncoterm() {
        Lane lane = new Lane("DC-NL", "WHGB", "nl", "gb", "road", 2, 0.5, 1, 0.3, "ddp", null, null);
        assertEquals("ROAD", lane.mode());
        assertEquals("DDP", lane.incoterm());
        assertEquals("NL", lane.originCountry());
        assertTrue(lane.crossBorder());
        assertEquals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), lane.departureWeekdays());
        assertFalse(new Lane("A", "B", "DE", "DE", "RAIL", 1, 0, 0, 0, "DAP", null, 500.0).crossBorder());
        assertThrows(IllegalArgumentException.class,
                () -> new Lane("A", "B", "DE", "FR", "AIR", 1, 0, 0, 0, "DAP", null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new Lane("A", "B", "DE", "FR", "ROAD", 1, 0, 0, 0, "XYZ", null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new Lane("A", "B", "DE", "FR", "ROAD", -1, 0, 0, 0, "DAP", null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new Lane("A", "B", "DE", "FR", "ROAD", 1, 0, 0, 0, "DAP", null, 0.0));
    }
}
