package com.sparecast.jobs.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sparecast.jobs.TestSpark;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The aggregate step's weekly demand, on a handful of rows. */
class WeeklyDemandTest {

    private static final StructType EVENTS = new StructType()
            .add("part_no", DataTypes.StringType).add("country", DataTypes.StringType)
            .add("ship_date", DataTypes.DateType).add("quantity", DataTypes.LongType);
    private static final StructType MAPPING = new StructType()
            .add("k", DataTypes.StringType).add("v", DataTypes.StringType);

    private static Date date(String iso) {
        return Date.valueOf(iso);
    }

    @Test
    void sumsPerFinalPartRegionAndIsoWeekBeforeTheFirstIncompleteWeek() {
        Dataset<Row> events = TestSpark.rows(EVENTS,
                new Object[] {"P1", "DE", date("2026-11-02"), 2L},   // Monday of week 2026-11-02
                new Object[] {"P1", "FR", date("2026-11-08"), 3L},   // Sunday, same ISO week, same region EU
                new Object[] {"P0", "DE", date("2026-11-04"), 5L},   // P0 superseded by P1: counts toward P1
                new Object[] {"P1", "US", date("2026-11-10"), 1L},   // week 2026-11-09, region NA
                new Object[] {"P1", "DE", date("2026-11-16"), 7L},   // the planning date's own week: left out
                new Object[] {"P1", "XX", date("2026-11-03"), 4L},   // country without a region: left out
                new Object[] {"P2", "US", date("2026-11-10"), 6L});
        Dataset<Row> regions = TestSpark.rows(MAPPING,
                new Object[] {"DE", "EU"}, new Object[] {"FR", "EU"}, new Object[] {"US", "NA"})
                .toDF("country", "region");
        Dataset<Row> finalParts = TestSpark.rows(MAPPING,
                new Object[] {"P0", "P1"}, new Object[] {"P1", "P1"}, new Object[] {"P2", "P2"})
                .toDF("part_no", "final_part_no");

        List<String> weekly = WeeklyDemand.weekly(events, "ship_date", regions, finalParts,
                        LocalDate.parse("2026-11-16"))
                .orderBy("part_no", "region", "week").collectAsList().stream()
                .map(r -> r.getString(0) + " " + r.getString(1) + " " + r.getDate(2) + " " + r.getLong(3)).toList();

        assertEquals(List.of(
                "P1 EU 2026-11-02 10",   // 2 + 3 + 5
                "P1 NA 2026-11-09 1",
                "P2 NA 2026-11-09 6"), weekly);
    }
}
