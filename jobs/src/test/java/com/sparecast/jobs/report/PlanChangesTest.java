package com.sparecast.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sparecast.jobs.report.PlanChanges.Change;
import com.sparecast.jobs.report.PlanChanges.LineState;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanChangesTest {

    private static final double SHARE = 0.2;

    private static List<Change> changes(LineState before, LineState after) {
        return PlanChanges.compare("WH-1", "P-1", before, after, SHARE).stream().map(PlanChanges.Entry::change).toList();
    }

    private static LineState line(String exception, long orderQty, String method, double expected) {
        return new LineState(exception, orderQty, method, expected, 0.95);
    }

    @Test
    void exceptionsNewResolvedAndChanged() {
        assertEquals(List.of(Change.EXCEPTION_NEW), changes(line(null, 10, "TSB", 0.96), line("OVERSTOCK", 10, "TSB", 0.96)));
        assertEquals(List.of(Change.EXCEPTION_RESOLVED), changes(line("OVERSTOCK", 10, "TSB", 0.96), line(null, 10, "TSB", 0.96)));
        List<PlanChanges.Entry> kind = PlanChanges.compare("WH-1", "P-1", line("OVERSTOCK", 0, "TSB", 0.96),
                line("STOCKOUT_RISK", 0, "TSB", 0.96), SHARE);
        assertEquals(List.of(new PlanChanges.Entry("WH-1", "P-1", Change.EXCEPTION_NEW, "OVERSTOCK", "STOCKOUT_RISK")), kind);
        assertEquals(List.of(), changes(line("OVERSTOCK", 10, "TSB", 0.96), line("OVERSTOCK", 10, "TSB", 0.96)));
    }

    @Test
    void linesInOnePlanOnlyChangeOnlyByTheirException() {
        assertEquals(List.of(Change.EXCEPTION_NEW), changes(null, line("NO_FORECAST", 5, "TSB", 0.2)));
        assertEquals(List.of(), changes(null, line(null, 5, "TSB", 0.2)));
        assertEquals(List.of(Change.EXCEPTION_RESOLVED), changes(line("DEAD_STOCK", 0, "TSB", 0.2), null));
    }

    @Test
    void orderQuantityMovesByMoreThanTheShare() {
        // 10 -> 12: moved 2 = 0.2 * 10, not more: no change; 10 -> 13: 3 > 2.
        assertEquals(List.of(), changes(line(null, 10, "TSB", 0.96), line(null, 12, "TSB", 0.96)));
        assertEquals(List.of(Change.ORDER_QTY), changes(line(null, 10, "TSB", 0.96), line(null, 13, "TSB", 0.96)));
        assertEquals(List.of(Change.ORDER_QTY), changes(line(null, 10, "TSB", 0.96), line(null, 7, "TSB", 0.96)));
        // From 0 any order moved; 0 -> 0 did not.
        assertEquals(List.of(Change.ORDER_QTY), changes(line(null, 0, "TSB", 0.96), line(null, 1, "TSB", 0.96)));
        assertEquals(List.of(), changes(line(null, 0, "TSB", 0.96), line(null, 0, "TSB", 0.96)));
    }

    @Test
    void methodAndFillRateCrossingTheTarget() {
        assertEquals(List.of(Change.METHOD), changes(line(null, 1, "TSB", 0.96), line(null, 1, "ADIDA", 0.97)));
        // 0.96 >= 0.95 reached the target; 0.94 does not: crossed, before and after the expected fill rates.
        assertEquals(List.of(new PlanChanges.Entry("WH-1", "P-1", Change.FILL_RATE_CROSSED, 0.96, 0.94)),
                PlanChanges.compare("WH-1", "P-1", line(null, 1, "TSB", 0.96), line(null, 1, "TSB", 0.94), SHARE));
        assertEquals(List.of(Change.FILL_RATE_CROSSED), changes(line(null, 1, "TSB", 0.9), line(null, 1, "TSB", 0.95)));
        // 0.94996 shows as 0.95 (4 decimals, half up): it reaches 0.95 as far as the planner can see; 0.94994 does not.
        assertEquals(List.of(), changes(line(null, 1, "TSB", 0.96), line(null, 1, "TSB", 0.94996)));
        assertEquals(List.of(Change.FILL_RATE_CROSSED), changes(line(null, 1, "TSB", 0.96), line(null, 1, "TSB", 0.94994)));
        assertEquals(List.of(Change.EXCEPTION_NEW, Change.ORDER_QTY, Change.METHOD, Change.FILL_RATE_CROSSED),
                changes(line(null, 2, "TSB", 0.99), line("BELOW_TARGET", 9, "ADIDA", 0.5)));
    }
}
