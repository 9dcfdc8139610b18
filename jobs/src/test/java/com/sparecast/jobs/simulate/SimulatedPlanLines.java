package com.sparecast.jobs.simulate;

import com.sparecast.models.inventory.PlanLine;
import com.sparecast.models.inventory.PolicyDecision;
import com.sparecast.models.distribution.LeadTime;
import com.sparecast.models.selection.SeriesForecast;
import java.util.ArrayList;
import java.util.List;

/** Opens {@code simulate}'s planning of a class of lines to tests of other packages. */
public final class SimulatedPlanLines {

    private SimulatedPlanLines() {
    }

    /**
     * The decisions {@code simulate} takes for one class's lines, in order: each line planned
     * from its forecast and history as {@link PolicyComparison} plans it (with this stock cap, in periods
     * of mean demand, {@code +Infinity} for none), then allocated.
     */
    public static List<PolicyDecision> decide(List<SeriesForecast> forecasts, List<double[]> histories,
                                              LeadTime leadTime, int review, List<Long> seeds, double target,
                                              boolean classWide, double stockCapPeriods) {
        PlanLine planLine = PlanLine.withDefaults().withStockCap(stockCapPeriods);
        List<PlanLine.Planned> lines = new ArrayList<>();
        for (int i = 0; i < forecasts.size(); i++) {
            lines.add(planLine.plan(PolicyComparison.planInput(forecasts.get(i), histories.get(i), leadTime,
                    review, seeds.get(i))).withTarget(target));
        }
        return PolicyComparison.decide(planLine, lines, target,
                classWide ? PolicyComparison.Allocation.CLASS : PolicyComparison.Allocation.LINE);
    }
}
