package com.sparecast.jobs.batch;

import com.sparecast.jobs.customs.PlanShipmentsTasklet;
import com.sparecast.jobs.demand.AggregateDemandTasklet;
import com.sparecast.jobs.forecasting.ForecastDemandTasklet;
import com.sparecast.jobs.ingest.IngestEventsTasklet;
import com.sparecast.jobs.publish.PublishPlansTasklet;
import com.sparecast.jobs.replenishment.PlanReplenishmentTasklet;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code nightlyPlanningJob}: ingest, aggregate, forecast, plan replenishment, plan shipments,
 * publish. Each step reads the previous step's Parquet and overwrites its own, so a restart
 * resumes at the failed step and a completed step is not redone.
 */
@Configuration
public class NightlyPlanningJobConfiguration {

    public static final String JOB_NAME = "nightlyPlanningJob";

    @Bean
    public SparkSessionHolder sparkSession(RunRequest request) {
        return new SparkSessionHolder(request);
    }

    @Bean
    public Job nightlyPlanningJob(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                  RunRequest request, SparkSessionHolder spark) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(step("ingestEvents", new IngestEventsTasklet(request, spark), jobRepository, transactionManager))
                .next(step("aggregateDemand", new AggregateDemandTasklet(request, spark), jobRepository, transactionManager))
                .next(step("forecastDemand", new ForecastDemandTasklet(request, spark), jobRepository, transactionManager))
                .next(step("planReplenishment", new PlanReplenishmentTasklet(request, spark), jobRepository,
                        transactionManager))
                .next(step("planShipments", new PlanShipmentsTasklet(request, spark), jobRepository, transactionManager))
                .next(step("publishPlans", new PublishPlansTasklet(request, spark), jobRepository, transactionManager))
                .build();
    }

    private static Step step(String name, Tasklet tasklet, JobRepository jobRepository,
                             PlatformTransactionManager transactionManager) {
        return new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager).build();
    }
}
