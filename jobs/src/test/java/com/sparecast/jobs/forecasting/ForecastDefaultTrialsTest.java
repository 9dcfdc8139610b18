package com.sparecast.jobs.forecasting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.jobs.TestSpark;
import com.sparecast.jobs.spark.Columns;
import com.sparecast.models.selection.AutomaticForecaster;
import com.sparecast.models.selection.DefaultMethodTrials;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The sample of series the forecast step chooses its default method on. */
class ForecastDefaultTrialsTest {

    @Test
    void aSampleKeepsItsShareOfTheSeriesAndASmallerShareIsPartOfALargerOne() {
        int n = 100_000;
        long inTenth = 0;
        for (int i = 0; i < n; i++) {
            String part = String.format("P-%06d", i);
            boolean tenth = ForecastDemandTasklet.inTrialSample(part, "EU", 0.1);
            if (ForecastDemandTasklet.inTrialSample(part, "EU", 0.05)) {
                assertTrue(tenth, part + " is in the 5% sample but not in the 10% one");
            }
            inTenth += tenth ? 1 : 0;
        }
        // Binomial(100000, 0.1): sd 94.9; four of them either side.
        assertTrue(Math.abs(inTenth - 10_000) < 380, "kept " + inTenth + " of " + n + " at a share of 0.1");
        // Region matters too: the same part in other regions is sampled on its own.
        long regions = IntStream.range(0, 1000).filter(r -> ForecastDemandTasklet.inTrialSample("P-000001", "R" + r, 0.5))
                .count();
        assertTrue(regions > 400 && regions < 600, regions + " of 1000 regions kept at a share of 0.5");
    }

    @Test
    void theShareIsAllSeriesUpToTheCapAndTheCapOverTheSeriesBeyondIt() {
        assertEquals(1.0, ForecastDemandTasklet.trialShare(20_000, 12_212));
        assertEquals(1.0, ForecastDemandTasklet.trialShare(20_000, 20_000));
        assertEquals(0.08, ForecastDemandTasklet.trialShare(20_000, 250_000), 1e-15);
        assertEquals(1.0, ForecastDemandTasklet.trialShare(0, 250_000), "0: no cap");
        assertFalse(ForecastDemandTasklet.inTrialSample("P-000001", "EU", 0.0));
    }

    @Test
    void theTrialsRunOnExactlyTheSampledSeries() {
        Random random = new Random(11);
        List<Object[]> rows = new ArrayList<>();
        long sampled = 0;
        for (int i = 0; i < 400; i++) {
            double[] history = random.doubles(60).map(u -> u < 0.4 ? 1 + Math.floor(4 * random.nextDouble()) : 0).toArray();
            history[0] = 1;   // a demand before the last periods: every series can be scored
            history[1] = 2;
            String part = "P-" + i;
            rows.add(new Object[] {part, "EU", Date.valueOf("2025-01-06"), Columns.boxed(history)});
            sampled += ForecastDemandTasklet.inTrialSample(part, "EU", 0.25) ? 1 : 0;
        }
        JavaRDD<Row> histories = TestSpark.rows(SeriesHistories.SCHEMA, rows.toArray(Object[][]::new)).javaRDD()
                .repartition(3);
        AutomaticForecaster standard = AutomaticForecaster.withDefaults();

        DefaultMethodTrials all = ForecastDemandTasklet.defaultTrials(standard, histories, 1.0, 12);
        DefaultMethodTrials quarter = ForecastDemandTasklet.defaultTrials(standard, histories, 0.25, 12);

        assertEquals(400, all.series());
        assertEquals(sampled, quarter.series());
        assertTrue(sampled > 70 && sampled < 130, sampled + " of 400 sampled at a share of 0.25");
    }
}
