package com.sparecast.jobs.batch;

import com.sparecast.jobs.config.Settings;
import com.sparecast.jobs.demand.AggregateDemandTasklet;
import com.sparecast.jobs.forecasting.ForecastDemandTasklet;
import com.sparecast.jobs.ingest.IngestEventsTasklet;
import com.sparecast.jobs.publish.PublishPlansTasklet;
import com.sparecast.jobs.replenishment.PlanReplenishmentTasklet;
import com.sparecast.jobs.report.WriteReportTasklet;
import com.sparecast.jobs.shipments.PlanShipmentsTasklet;
import java.util.List;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code nightlyPlanningJob}: ingest, aggregate, forecast, plan replenishment, plan shipments,
 * write the review report, publish. Each step reads the previous step's Parquet and overwrites its own, so a restart
 * resumes at the failed step and a completed step is not redone.
 *
 * <p>The tasklets are step-scoped: each is made when its step starts and reads what it plans
 * from the job parameters, so Spring Batch's {@code JobOperator.restart} resumes an execution
 * as well as running the date again does (the job is registered by name, with the
 * {@code JobOperator}, by {@code @EnableBatchProcessing}). The context needs a {@link Settings} and a
 * {@link SparkSessionHolder}; a {@link RunProgress} bean, if there is one, hears every step.
 */
@Configuration
public class NightlyPlanningJobConfiguration {

    public static final String JOB_NAME = "nightlyPlanningJob";

    /** The steps in the order they run. */
    public static final List<String> STEPS = List.of("ingestEvents", "aggregateDemand", "forecastDemand",
            "planReplenishment", "planShipments", "writeReport", "publishPlans");

    @Bean
    public Job nightlyPlanningJob(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                  ObjectProvider<RunProgress> progress, BeanFactory beans) {
        RunProgress listener = progress.getIfAvailable();
        JobBuilder job = new JobBuilder(JOB_NAME, jobRepository);
        if (listener != null) {
            job.listener(listener);
        }
        // Each step's tasklet is the step-scoped bean of the step's name, in the order of STEPS.
        SimpleJobBuilder chain = null;
        for (String name : STEPS) {
            StepBuilder step = new StepBuilder(name, jobRepository);
            if (listener != null) {
                step.listener(listener);
            }
            Step built = step.tasklet(beans.getBean(name, Tasklet.class), transactionManager).build();
            chain = chain == null ? job.start(built) : chain.next(built);
        }
        return chain.build();
    }

    @Bean
    @StepScope
    public Tasklet ingestEvents(Settings settings, SparkSessionHolder spark) {
        return new IngestEventsTasklet(settings, spark);
    }

    @Bean
    @StepScope
    public Tasklet aggregateDemand(Settings settings, SparkSessionHolder spark) {
        return new AggregateDemandTasklet(settings, spark);
    }

    @Bean
    @StepScope
    public Tasklet forecastDemand(Settings settings, SparkSessionHolder spark) {
        return new ForecastDemandTasklet(settings, spark);
    }

    @Bean
    @StepScope
    public Tasklet planReplenishment(Settings settings, SparkSessionHolder spark) {
        return new PlanReplenishmentTasklet(settings, spark);
    }

    @Bean
    @StepScope
    public Tasklet planShipments(Settings settings, SparkSessionHolder spark) {
        return new PlanShipmentsTasklet(settings, spark);
    }

    @Bean
    @StepScope
    public Tasklet writeReport(Settings settings, SparkSessionHolder spark) {
        return new WriteReportTasklet(settings, spark);
    }

    @Bean
    @StepScope
    public Tasklet publishPlans(Settings settings, SparkSessionHolder spark) {
        return new PublishPlansTasklet(settings, spark);
    }
}
