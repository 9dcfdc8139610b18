package com.sparecast.jobs.stage;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;

/**
 * Counts the rows that pass one point of a query while the query runs for its own sake (a
 * Spark {@link Observation}: successful tasks only, so a retried task is not counted twice),
 * instead of a second job that counts them.
 */
public final class RowCounter {

    private final Observation observation;

    public RowCounter(String name) {
        this.observation = new Observation(name);
    }

    /** {@code rows}, counted as the query that uses the result runs. */
    public Dataset<Row> through(Dataset<Row> rows) {
        return rows.observe(observation, count(lit(1)).as("rows"));
    }

    /** The count; waits for the query that ran the rows through to finish. */
    public long rows() {
        return metrics(observation).get("rows");
    }

    /** The observation's metrics as counts (a sum over no rows, null, is 0). */
    static Map<String, Long> metrics(Observation observation) {
        Map<String, Object> observed;
        try {
            observed = observation.getAsJava();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the row counts of " + observation.name(), e);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        observed.forEach((name, value) -> counts.put(name, value == null ? 0 : ((Number) value).longValue()));
        return counts;
    }
}
