package com.sparecast.models.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sparecast.models.inventory.PolicySimulator.Levels;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The expected fill rate and on hand that {@link OrderUpToPolicy} reports, against the policy
 * run by {@link PolicySimulator} over 200,000 periods of Poisson demand (lead time 3, review
 * 1, target 0.95), with and without pack sizes, MOQ and EOQ batches: fill rates within 0.3
 * points, on hand within 1%.
 */
class PolicyFormulaSimulationTest {

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (double mean : new double[] {0.1, 0.5, 2, 10}) {
            b.add(Arguments.of(mean, 1, 0, 0.0));
            b.add(Arguments.of(mean, 1, 10, 0.0));
            b.add(Arguments.of(mean, 5, 0, 0.0));
            b.add(Arguments.of(mean, 1, 0, 30.0));
        }
        return b.build();
    }

    @ParameterizedTest(name = "mean {0}, pack {1}, MOQ {2}, EOQ {3}")
    @MethodSource("cases")
    void expectedValuesMatchTheSimulation(double mean, int pack, int moq, double eoq) {
        int lead = 3;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(Double.doubleToLongBits(mean) ^ pack ^ moq);
        var sampler = PoissonDistribution.of(mean).createSampler(rng);
        double[] path = new double[200_000];
        for (int t = 0; t < path.length; t++) {
            path[t] = sampler.sample();
        }
        PolicyInput in = new PolicyInput(DiscreteTestDemand.poisson(mean * (lead + 1)), mean, 0.95, 0, 0, 0, 0, pack,
                moq).withLeadTimeDemand(DiscreteTestDemand.poisson(mean * lead)).withEconomicOrderQuantity(eoq);
        PolicyDecision d = OrderUpToPolicy.withDefaults().decide(in);
        SimulationResult r = PolicySimulator.withDefaults().simulate(path, Levels.of(d, in), lead, 100);
        assertEquals(d.expectedFillRate(), r.fillRate(), 0.003, "fill rate");
        assertEquals(d.expectedOnHand(), r.averageOnHand(), 0.01 * d.expectedOnHand(), "on hand");
    }
}
