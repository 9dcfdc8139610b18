package com.sparecast.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.sparecast.models.inventory.LineUrgency;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExceptionQueueTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-20");

    @Test
    void weeksLeftIsTheSoonerOfCoverAndStockout() {
        // Stock-out in 14 days = 2 weeks, cover 3.5 weeks: 2.
        assertEquals(2.0, LineUrgency.weeksLeft(3.5, LocalDate.parse("2026-12-04"), DAY));
        // Stock-out beyond the horizon (no date): the cover.
        assertEquals(3.5, LineUrgency.weeksLeft(3.5, null, DAY));
        // Nothing on hand: out today, 0 weeks.
        assertEquals(0.0, LineUrgency.weeksLeft(1.0, DAY, DAY));
        assertNull(LineUrgency.weeksLeft(null, null, DAY));
    }

    @Test
    void priorityIsValueAtRiskPerWeekLeftAtLeastOneWeek() {
        assertEquals(50.0, ExceptionQueue.priority(200.0, 4.0)); // 200 / 4
        assertEquals(200.0, ExceptionQueue.priority(200.0, 0.5)); // within a week: the full value
        assertEquals(200.0, ExceptionQueue.priority(200.0, null)); // no demand: no weeks to divide by
        assertEquals(0.0, ExceptionQueue.priority(0.0, 2.0));
        assertNull(ExceptionQueue.priority(null, 2.0)); // no FX rate: unknown
    }

    @Test
    void rankedByPriorityThenFewerWeeksLeftUnknownLast() {
        ExceptionQueue.Line unknown = ReportWriterTest.line("WH-1", "P-9", "", "BELOW_TARGET", "", null, 1.0, 1L, null);
        ExceptionQueue.Line big = ReportWriterTest.line("WH-2", "P-1", "", "STOCKOUT_RISK", "", 900.0, 3.0, 5L, null); // 300
        ExceptionQueue.Line soon = ReportWriterTest.line("WH-1", "P-2", "", "STOCKOUT_RISK", "", 400.0, 1.0, 5L, null); // 400
        ExceptionQueue.Line idleNear = ReportWriterTest.line("WH-1", "P-3", "", "OVERSTOCK", "", 0.0, 20.0, 0L, null);
        ExceptionQueue.Line idleFar = ReportWriterTest.line("WH-1", "P-4", "", "OVERSTOCK", "", 0.0, 60.0, 0L, null);
        ExceptionQueue.Line idleNone = ReportWriterTest.line("WH-0", "P-5", "", "DEAD_STOCK", "", 0.0, null, 0L, null);
        List<ExceptionQueue.Line> queue = new ArrayList<>(List.of(unknown, idleNone, idleFar, big, idleNear, soon));
        queue.sort(ExceptionQueue.ORDER);
        assertEquals(List.of(soon, big, idleNear, idleFar, idleNone, unknown), queue);
    }
}
