package com.sparecast.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reconciliation's per-file counts as two tasks count them and the driver merges them. */
class FileOutcomeCountsTest {

    @Test
    void tasksCountsMergeIntoTheReconciliationsKeys() {
        FileOutcomeCounts driver = new FileOutcomeCounts();
        FileOutcomeCounts task1 = driver.copy();
        FileOutcomeCounts task2 = driver.copy();
        task1.count("shipments/a.csv", true);
        task1.count("shipments/a.csv", false);
        task1.count("shipments/b.csv", true);
        task1.count("shipments/a.csv", true); // back to a file seen before in the same task
        task2.count("shipments/b.csv", true);
        task2.count("shipments/b.csv", false);

        driver.merge(task1);
        driver.merge(task2);

        assertEquals(Map.of("ACCEPTED shipments/a.csv", 2L, "REJECTED shipments/a.csv", 1L,
                "ACCEPTED shipments/b.csv", 2L, "REJECTED shipments/b.csv", 1L), driver.value());
        FileOutcomeCounts copy = driver.copy();
        copy.count("shipments/a.csv", true);
        assertEquals(2L, driver.value().get("ACCEPTED shipments/a.csv"), "a copy counts on its own");
        copy.reset();
        assertTrue(copy.isZero());
    }
}
