package com.sparecast.jobs.stage;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.sparecast.jobs.config.Settings;
import com.sparecast.jobs.spark.SparkSessions;
import com.sparecast.jobs.storage.Storage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.springframework.batch.core.StepExecution;

/**
 * What a step runs with: the run's parameters and settings, the Spark session, the input
 * location, where it stages its datasets, and its step execution, on which it counts rows.
 *
 * <p>Counts are what {@code sparecast status} and the progress line show: rows read and written,
 * rows rejected (Spring Batch's skip count: bad input set aside with its reason), and named
 * counts of rows flagged for a person (exceptions, held lines) in the step's execution context.
 */
public record Stage(RunParameters run, Settings settings, SparkSession spark, Storage input, StagePaths paths,
                    StepExecution stepExecution) {

    public LocalDate planningDate() {
        return run.planningDate();
    }

    /** A staged dataset of this or an earlier step. */
    public Dataset<Row> read(String dataset) {
        return spark.read().parquet(paths.uri(dataset));
    }

    /**
     * Overwrites {@code dataset} with {@code rows} and returns how many rows were written, and, in
     * the same pass, how many of them meet each condition (keys as given), observed on the
     * write itself. Each condition costs every row its evaluation and a sum: a few are cheap,
     * dozens are not (the ingest's per-file counts read back the file column instead).
     */
    public Map<String, Long> write(Dataset<Row> rows, String dataset, Map<String, Column> conditions) {
        return write(rows, dataset, conditions, new String[0]);
    }

    /** As {@link #write(Dataset, String, Map)}, the dataset partitioned by the columns given. */
    public Map<String, Long> write(Dataset<Row> rows, String dataset, Map<String, Column> conditions,
                                   String... partitionBy) {
        return write(rows, dataset, conditions, Map.of(), partitionBy);
    }

    private Map<String, Long> write(Dataset<Row> rows, String dataset, Map<String, Column> conditions,
                                    Map<String, String> options, String... partitionBy) {
        Observation observation = new Observation("written " + dataset);
        List<Column> metrics = new ArrayList<>();
        metrics.add(count(lit(1)).as("rows"));
        conditions.forEach((name, condition) -> metrics.add(sum(when(condition, 1L).otherwise(0L)).as(name)));
        rows.observe(observation, metrics.get(0), metrics.subList(1, metrics.size()).toArray(Column[]::new))
                .write().mode(SaveMode.Overwrite).options(options).partitionBy(partitionBy).parquet(paths.uri(dataset));
        return RowCounter.metrics(observation);
    }

    /** Overwrites {@code dataset} with {@code rows} and returns how many rows were written. */
    public long write(Dataset<Row> rows, String dataset) {
        return write(rows, dataset, Map.of()).get("rows");
    }

    /**
     * As {@link #write(Dataset, String)}, without Parquet's dictionary encoding: for rows whose
     * values hardly ever repeat (serialized curves and distributions), where a dictionary would be
     * built for every column chunk only to be dropped.
     */
    public long writeWithoutDictionary(Dataset<Row> rows, String dataset) {
        return write(rows, dataset, Map.of(), Map.of("parquet.enable.dictionary", "false")).get("rows");
    }

    /**
     * Stages a small value computed on the driver (the validated master data) for the steps after
     * this one, as Java serialization: the exact object back, maps in their order.
     */
    public void stageValue(String dataset, Serializable value) throws IOException {
        Path file = paths.dataset(dataset);
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
            out.writeObject(value);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A value an earlier step staged with {@link #stageValue}. */
    public <T> T stagedValue(String dataset, Class<T> type) throws IOException {
        Path file = paths.dataset(dataset);
        try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            return type.cast(in.readObject());
        } catch (ClassNotFoundException | InvalidClassException e) {
            throw new IOException(file + " was staged by another version of Sparecast (" + e.getMessage()
                    + "); run the date again with --force", e);
        }
    }

    /**
     * {@code rows} hash-partitioned by {@code keys} into a few tasks per core, for work whose cost
     * is in the rows' computation rather than their bytes (forecasts, plan lines, PDFs): adaptive
     * execution sizes shuffles by bytes and would hand such work to one or two uneven tasks. A
     * repartition to a fixed number, which adaptive execution leaves as it is; which rows share a
     * task never changes a result.
     */
    public static Dataset<Row> spread(Dataset<Row> rows, Column... keys) {
        int tasks = Math.max(1, rows.sparkSession().sparkContext().defaultParallelism() * SparkSessions.TASKS_PER_CORE);
        return rows.repartition(tasks, keys);
    }


    /** Adds to the step's read count. */
    public void countRead(long rows) {
        stepExecution.setReadCount(stepExecution.getReadCount() + rows);
    }

    /** Adds to the step's write count. */
    public void countWritten(long rows) {
        stepExecution.setWriteCount(stepExecution.getWriteCount() + rows);
    }

    /** Adds rows set aside as bad input, each with its reason, to the step's skip count. */
    public void countRejected(long rows) {
        stepExecution.setProcessSkipCount(stepExecution.getProcessSkipCount() + rows);
    }

    /** Seconds since this job execution started (a resumed run counts from its own start). */
    public double secondsSinceRunStart() {
        LocalDateTime start = stepExecution.getJobExecution().getStartTime();
        return start == null ? 0 : Duration.between(start, LocalDateTime.now()).toMillis() / 1000.0;
    }

    /** The named counts a step flagged with {@link #countFlagged}, by name. */
    public static Map<String, Long> flaggedCounts(StepExecution step) {
        Map<String, Long> out = new TreeMap<>();
        step.getExecutionContext().entrySet().stream().filter(e -> e.getValue() instanceof Long)
                .forEach(e -> out.put(e.getKey(), (Long) e.getValue()));
        return out;
    }

    /** Adds to a named count of rows flagged for a person, such as {@code exceptions} or {@code held}. */
    public void countFlagged(String name, long rows) {
        stepExecution.getExecutionContext().putLong(name, stepExecution.getExecutionContext().getLong(name, 0) + rows);
    }
}
