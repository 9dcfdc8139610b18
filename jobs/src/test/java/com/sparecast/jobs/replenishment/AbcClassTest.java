package com.sparecast.jobs.replenishment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sparecast.jobs.TestSpark;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** ABC classes of the nightly plan, per warehouse, on a handful of lines. */
class AbcClassTest {

    private static final StructType LINES = new StructType()
            .add("warehouse_id", DataTypes.StringType).add("part_no", DataTypes.StringType)
            .add("mean_per_week", DataTypes.DoubleType);
    private static final StructType COSTS = new StructType()
            .add("part_no", DataTypes.StringType).add("unit_cost", DataTypes.DoubleType);

    @Test
    void aWhileTheValueRankedBeforeIsUnder80PercentThenBUnder95() {
        // WH1 annual values (mean × 52 × 100), as shares of the total: P1 50%, P2 25%, P3 12.5%,
        // P4 6.25%, P5 3.125%, P6 3.125%, P7 0 (dyadic, so exact in binary). Share ranked before
        // (value descending, then part): P1 0, P2 .5, P3 .75, P4 .875, P5 .9375, P6 .96875.
        // A zero value is C whatever its rank. WH2 holds only P1: it is A in its own warehouse.
        assertEquals(List.of("WH1 P1 A", "WH1 P2 A", "WH1 P3 A", "WH1 P4 B", "WH1 P5 B", "WH1 P6 C", "WH1 P7 C",
                "WH2 P1 A"), classify());
    }

    static List<String> classify() {
        return PlanReplenishmentTasklet.withAbcClass(TestSpark.rows(LINES,
                                new Object[] {"WH1", "P1", 0.5}, new Object[] {"WH1", "P2", 0.25},
                                new Object[] {"WH1", "P3", 0.125}, new Object[] {"WH1", "P4", 0.0625},
                                new Object[] {"WH1", "P6", 0.03125}, new Object[] {"WH1", "P5", 0.03125},
                                new Object[] {"WH1", "P7", 0.0}, new Object[] {"WH2", "P1", 0.01}),
                        TestSpark.rows(COSTS, new Object[] {"P1", 100.0}, new Object[] {"P2", 100.0},
                                new Object[] {"P3", 100.0}, new Object[] {"P4", 100.0}, new Object[] {"P5", 100.0},
                                new Object[] {"P6", 100.0}, new Object[] {"P7", 100.0}))
                .orderBy("warehouse_id", "part_no").collectAsList().stream()
                .map(r -> r.getAs("warehouse_id") + " " + r.getAs("part_no") + " " + r.getAs("abc_class"))
                .toList();
    }
}
