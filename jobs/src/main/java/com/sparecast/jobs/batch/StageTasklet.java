package com.sparecast.jobs.batch;

import com.sparecast.jobs.config.Settings;
import com.sparecast.jobs.storage.Storage;
import com.sparecast.jobs.storage.StorageSettings;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * A step of the nightly job: reads the previous steps' Parquet under {@link StagePaths},
 * overwrites its own, and records its row counts on the step execution.
 */
public abstract class StageTasklet implements Tasklet {

    /** What a stage runs with. */
    public record Stage(RunRequest request, SparkSession spark, Storage input, StagePaths paths,
                        StepExecution stepExecution) {

        public Settings settings() {
            return request.settings();
        }

        public LocalDate planningDate() {
            return request.planningDate();
        }

        /** Adds to the step's read count, shown by {@code sparecast status}. */
        public void countRead(long rows) {
            stepExecution.setReadCount(stepExecution.getReadCount() + rows);
        }

        /** Adds to the step's write count. */
        public void countWritten(long rows) {
            stepExecution.setWriteCount(stepExecution.getWriteCount() + rows);
        }

        /** Adds to the step's reject (filter) count. */
        public void countRejected(long rows) {
            stepExecution.setFilterCount(stepExecution.getFilterCount() + rows);
        }
    }

    private final RunRequest request;
    private final Supplier<SparkSession> spark;

    protected StageTasklet(RunRequest request, Supplier<SparkSession> spark) {
        this.request = request;
        this.spark = spark;
    }

    @Override
    public final RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution stepExecution = chunkContext.getStepContext().getStepExecution();
        long instanceId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
        StagePaths paths = StagePaths.of(request.settings().workDir(), request.planningDate().toString(), instanceId);
        Storage input = Storage.of(request.input(), StorageSettings.from(request.settings()));
        run(new Stage(request, spark.get(), input, paths, stepExecution));
        return RepeatStatus.FINISHED;
    }

    /** Does the stage's work. */
    protected abstract void run(Stage stage) throws Exception;
}
