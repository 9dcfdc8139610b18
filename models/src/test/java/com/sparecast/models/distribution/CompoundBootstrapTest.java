package com.sparecast.models.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link CompoundBootstrap} against its exact distribution, worked by hand. With a whole span of
 * {@code T} periods the number of demands is {@code N ~ Binomial(T, p)} and the demand is the sum
 * of {@code N} sizes drawn from the history's non-zero demands:
 * {@code P(D = d) = sum_n C(T, n) p^n (1 - p)^(T - n) P(Z_1 + ... + Z_n = d)} (a compound binomial;
 * Feller, An Introduction to Probability Theory and Its Applications, vol. 1, 3rd ed., sec. XII.1),
 * mean {@code T p E[Z]}, variance {@code T (p E[Z^2] - p^2 E[Z]^2)}.
 *
 * <p>History {@code 0, 2, 0, 4}: sizes 2 and 4 (mean 3), long-run rate 2/4; forecast 0.9 a period,
 * reached with these sizes at a rate 0.3: {@code p = (0.3 + 0.5) / 2 = 0.4}. Over {@code T = 2}:
 * <pre>
 *   N = 0 (0.36): 0
 *   N = 1 (0.48): 2 or 4, 0.24 each
 *   N = 2 (0.16): 4 (0.04), 6 (0.08), 8 (0.04)
 *   P(D = 0, 2, 4, 6, 8) = 0.36, 0.24, 0.28, 0.08, 0.04; mean 2.4, variance 5.12
 * </pre>
 * The sample has 200,000 replicates: the binomial standard error of a share is at most 0.0011,
 * so shares are checked to 0.005.
 */
class CompoundBootstrapTest {

    private static final double[] HISTORY = {0, 2, 0, 4};
    private static final int REPLICATES = 200_000;

    @Test
    void occurrenceIsTheMeanOfTheForecastsRateAndTheHistorysRate() {
        assertEquals(0.4, CompoundBootstrap.occurrence(0.9, 3, 0.5), 1e-15);
    }

    @Test
    void sampleIsTheCompoundBinomialOverAWholeSpan() {
        EmpiricalDemand d = EmpiricalDemand.of("Bootstrap",
                CompoundBootstrap.sample(HISTORY, 0.9, new LeadTime(2, 0), 0, REPLICATES, 11L));
        double[] values = {0, 2, 4, 6, 8};
        double[] cdf = {0.36, 0.60, 0.88, 0.96, 1.0};
        for (int i = 0; i < values.length; i++) {
            assertEquals(cdf[i], d.cdf(values[i]), 0.005, "P(D <= " + values[i] + ")");
            assertEquals(i == 0 ? 0 : cdf[i - 1], d.cdf(values[i] - 1), 0.005, "nothing between the sums");
        }
        assertEquals(2.4, d.mean(), 0.02);
        assertEquals(5.12, d.variance(), 0.05);
        // a lead time of 1 plus a review of 1 is the same span
        assertArrayEquals(sorted(CompoundBootstrap.sample(HISTORY, 0.9, new LeadTime(2, 0), 0, 1000, 3L)),
                sorted(CompoundBootstrap.sample(HISTORY, 0.9, new LeadTime(1, 0), 1, 1000, 3L)), 0);
    }

    @Test
    void aFractionalSpanMixesTheTwoWholeSpans() {
        // T = 1.5: one period or two, half the time each. P(D = 0) = (0.6 + 0.36) / 2 = 0.48;
        // P(D = 2) = (0.2 + 0.24) / 2 = 0.22; mean 1.5 * 0.4 * 3 = 1.8.
        EmpiricalDemand d = EmpiricalDemand.of("Bootstrap",
                CompoundBootstrap.sample(HISTORY, 0.9, new LeadTime(1.5, 0), 0, REPLICATES, 12L));
        assertEquals(0.48, d.cdf(0), 0.005);
        assertEquals(0.70, d.cdf(2), 0.005);
        assertEquals(1.8, d.mean(), 0.02);
    }

    @Test
    void anOccurrenceAboveOneScalesTheSizes() {
        // Sizes 5 at a rate 3/4, forecast 10: p = (10 / 5 + 0.75) / 2 = 1.375, so every period has a
        // demand, of 5 * 1.375 = 6.875.
        double[] sample = CompoundBootstrap.sample(new double[] {5, 5, 5, 0}, 10, new LeadTime(1, 0), 0, 100, 3L);
        double[] expected = new double[100];
        Arrays.fill(expected, 6.875);
        assertArrayEquals(expected, sample, 1e-12);
    }

    @Test
    void seededAndZeroWithoutDemand() {
        double[] history = {0, 3, 0, 0, 1, 0, 0, 7, 0, 0};
        LeadTime lt = new LeadTime(2, 0.5);
        assertArrayEquals(CompoundBootstrap.sample(history, 0.5, lt, 1, 500, 5L),
                CompoundBootstrap.sample(history, 0.5, lt, 1, 500, 5L), 0);
        assertArrayEquals(new double[100], CompoundBootstrap.sample(new double[5], 0.5, lt, 1, 100, 5L), 0);
        assertArrayEquals(new double[100], CompoundBootstrap.sample(history, 0, lt, 1, 100, 5L), 0);
    }

    private static double[] sorted(double[] x) {
        double[] y = x.clone();
        Arrays.sort(y);
        return y;
    }
}
