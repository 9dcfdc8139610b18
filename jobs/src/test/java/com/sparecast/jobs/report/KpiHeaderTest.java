package com.sparecast.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KpiHeaderTest {

    /** A first run's header: no earlier run, two classes of one warehouse. */
    static KpiHeader.Header firstRun() {
        return KpiHeader.of(new Kpis.Figures(1234.5, 250, 40, 0.95, 0.96), "EUR",
                List.of(new KpiHeader.RunFigures("2026-11-20", 1234.5, 0.95, Double.NaN)), 0, Map.of(),
                List.of(new Kpis.ClassFillRate("WH-1", "A", 0.97, 0.98), new Kpis.ClassFillRate("WH-1", "B", 0.951, 0.95),
                        new Kpis.ClassFillRate("WH-1", "C", 0.62, 0.9)),
                "out/");
    }

    @Test
    void trendLineNeedsTwoRunsWithTheFigure() {
        List<KpiHeader.RunFigures> runs = List.of(new KpiHeader.RunFigures("2026-11-18", 100, 0.9, Double.NaN),
                new KpiHeader.RunFigures("2026-11-19", Double.NaN, 0.9, Double.NaN),
                new KpiHeader.RunFigures("2026-11-20", 300, 0.9, Double.NaN));
        KpiHeader.Spark spark = KpiHeader.spark(runs, KpiHeader.RunFigures::stockValue, true);
        // Two known points: x from 4 to 150 - 4 = 146; y: the larger at the top (4), the smaller at 36 - 4 = 32.
        assertEquals("4.0,32.0 146.0,4.0", spark.points());
        assertEquals("2026-11-20: 300.00", spark.dots().get(1).title());
        // A flat figure sits in the middle.
        assertEquals("4.0,18.0 75.0,18.0 146.0,18.0", KpiHeader.spark(runs, KpiHeader.RunFigures::fillRate, false).points());
        assertNull(KpiHeader.spark(runs, KpiHeader.RunFigures::rmsse, false));
    }

    @Test
    void fillRateBarsOnAScaleFromTheLowestTenthToOne() {
        KpiHeader.FillRateChart chart = firstRun().fillRates();
        // Lowest figure 0.62: scale from 0.6; 360 px for 0.4. A: (0.97 - 0.6) / 0.4 * 360 = 333; target 110 + 342 = 452.
        assertEquals("0.6", chart.low());
        KpiHeader.FillBar a = chart.bars().get(0);
        assertEquals("333.0", a.barWidth());
        assertEquals("452.0", a.targetX());
        assertEquals(true, a.below()); // a point below the target: more than half a point
        assertEquals("0.97 / 0.98", a.value());
        assertEquals(false, chart.bars().get(1).below()); // above its target
        // C: (0.62 - 0.6) / 0.4 * 360 = 18; target (0.9 - 0.6) / 0.4 * 360 = 270, at 110 + 270 = 380.
        assertEquals("18.0", chart.bars().get(2).barWidth());
        assertEquals("380.0", chart.bars().get(2).targetX());
        assertEquals(List.of(4, 22, 40), chart.bars().stream().map(KpiHeader.FillBar::y).toList());
    }
}
