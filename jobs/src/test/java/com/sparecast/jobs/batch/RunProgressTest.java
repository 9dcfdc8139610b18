package com.sparecast.jobs.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;

class RunProgressTest {

    private static final Map<String, Double> PREVIOUS = Map.of("ingestEvents", 20.0, "aggregateDemand", 10.0,
            "forecastDemand", 60.0, "planReplenishment", 30.0, "planShipments", 15.0, "publishPlans", 25.0);

    @Test
    void currentStepRateAndTimeLeftFromTheLastCompletedRun() {
        List<RunProgress.StepView> steps = List.of(
                new RunProgress.StepView("ingestEvents", BatchStatus.COMPLETED, 20_000, 16.0),
                new RunProgress.StepView("aggregateDemand", BatchStatus.COMPLETED, 4_000, 4.0),
                new RunProgress.StepView("forecastDemand", BatchStatus.STARTED, 0, 45.0));
        // left: 60 - 45 of the current step, then 30 + 15 + 25
        assertEquals("step 3 of 7 forecastDemand, 45 s; 24,000 rows written by 2 finished steps, 1,200 rows/s;"
                + " about 85 s left (last completed run)", RunProgress.describe(steps, PREVIOUS, LocalDateTime.now()));
    }

    @Test
    void aStepRunningLongerThanLastTimeLeavesOnlyTheStepsAfterIt() {
        List<RunProgress.StepView> steps = List.of(
                new RunProgress.StepView("ingestEvents", BatchStatus.STARTED, 0, 130.0));
        assertEquals("step 1 of 7 ingestEvents, 2 min 10 s; about 2 min 20 s left (last completed run)",
                RunProgress.describe(steps, PREVIOUS, LocalDateTime.now()));
    }

    @Test
    void noEstimateWithoutACompletedRun() {
        assertEquals("step 1 of 7 ingestEvents, 3 s", RunProgress.describe(
                List.of(new RunProgress.StepView("ingestEvents", BatchStatus.STARTED, 0, 3.0)), Map.of(), LocalDateTime.now()));
    }
}
