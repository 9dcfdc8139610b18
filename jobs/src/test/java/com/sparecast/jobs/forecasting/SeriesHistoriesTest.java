package com.sparecast.jobs.forecasting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sparecast.jobs.TestSpark;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Dense weekly histories per series, on a handful of rows. */
class SeriesHistoriesTest {

    private static final StructType WEEKLY = new StructType()
            .add("part_no", DataTypes.StringType).add("region", DataTypes.StringType)
            .add("week", DataTypes.DateType).add("quantity", DataTypes.LongType);

    @Test
    void missingWeeksAreZeroANewPartStartsAtItsFirstWeekAndEachPartHasItsTotal() {
        // Window of 4 weeks before 2026-11-30: 11-02, 11-09, 11-16, 11-23.
        List<String> histories = SeriesHistories.of(TestSpark.rows(WEEKLY,
                        new Object[] {"OLD", "EU", Date.valueOf("2026-10-05"), 9L},   // before the window: only sets the start
                        new Object[] {"OLD", "EU", Date.valueOf("2026-11-16"), 4L},
                        new Object[] {"NEW", "EU", Date.valueOf("2026-11-09"), 2L},
                        new Object[] {"NEW", "EU", Date.valueOf("2026-11-23"), 3L},
                        new Object[] {"NEW", "NA", Date.valueOf("2026-11-23"), 1L}),
                        LocalDate.parse("2026-11-30"), 4)
                .orderBy("part_no", "region").collectAsList().stream()
                .map(r -> r.getString(0) + " " + r.getString(1) + " " + r.getDate(2) + " " + r.getList(3))
                .toList();

        assertEquals(List.of(
                "NEW ALL 2026-11-09 [2.0, 0.0, 4.0]",
                "NEW EU 2026-11-09 [2.0, 0.0, 3.0]",
                "NEW NA 2026-11-23 [1.0]",
                "OLD ALL 2026-11-02 [0.0, 0.0, 4.0, 0.0]",
                "OLD EU 2026-11-02 [0.0, 0.0, 4.0, 0.0]"), histories);
    }
}
