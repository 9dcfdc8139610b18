package com.sparecast.jobs.stage;

import com.sparecast.jobs.config.Settings;
import com.sparecast.jobs.storage.Storage;
import com.sparecast.jobs.storage.StorageSettings;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * A step of the nightly job: reads what the steps before it staged (see {@link Datasets}),
 * overwrites its own datasets, and counts its rows on the step execution. What it plans comes
 * from the job parameters ({@link RunParameters}), never from the process that built it, so
 * a restart by Spring Batch runs it as the first execution did.
 */
public abstract class StageTasklet implements Tasklet {

    private final Settings settings;
    private final Supplier<SparkSession> spark;

    protected StageTasklet(Settings settings, Supplier<SparkSession> spark) {
        this.settings = settings;
        this.spark = spark;
    }

    @Override
    public final RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution stepExecution = chunkContext.getStepContext().getStepExecution();
        RunParameters run = RunParameters.of(stepExecution.getJobParameters());
        long instanceId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
        StagePaths paths = StagePaths.of(settings.workDir(), run.planningDate().toString(), instanceId);
        Storage input = Storage.of(run.input(), StorageSettings.from(settings));
        run(new Stage(run, settings, spark.get(), input, paths, stepExecution));
        return RepeatStatus.FINISHED;
    }

    /** Does the stage's work. */
    protected abstract void run(Stage stage) throws Exception;
}
