package com.sparecast.models.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.models.distribution.DemandDistribution;
import com.sparecast.models.distribution.NormalDemand;
import com.sparecast.models.distribution.PoissonDemand;
import org.junit.jupiter.api.Test;

/**
 * The randomised PIT at or below a quantile, on Poisson(3) worked by hand from its cdf
 * (Python 3, summing exp(-3) 3^k / k!): F(2) = 0.423190, F(3) = 0.647232, F(5) = 0.916082,
 * F(6) = 0.966491. An outcome of 3 sits on the atom that holds the median: it is at or below
 * the 50% level with probability (0.5 - F(2)) / (F(3) - F(2)) = 0.342837.
 */
class LeadTimeDemandCalibrationTest {

    private static final DemandDistribution POISSON_3 = PoissonDemand.of(3);

    @Test
    void anOutcomeOnTheQuantilesAtomCountsByItsShare() {
        assertEquals(0.3428374359097405, LeadTimeDemandCalibration.atOrBelow(POISSON_3, 3, 0.5), 1e-9);
        assertEquals(1, LeadTimeDemandCalibration.atOrBelow(POISSON_3, 3, 0.8));
        assertEquals(0.6728494587933644, LeadTimeDemandCalibration.atOrBelow(POISSON_3, 6, 0.95), 1e-9);
        assertEquals(0, LeadTimeDemandCalibration.atOrBelow(POISSON_3, 6, 0.8));
        assertEquals(1, LeadTimeDemandCalibration.atOrBelow(POISSON_3, 0, 0.5));
    }

    @Test
    void continuousDistributionCountsPlainly() {
        DemandDistribution normal = NormalDemand.of(10, 4);
        assertEquals(1, LeadTimeDemandCalibration.atOrBelow(normal, 9.5, 0.5));
        assertEquals(0, LeadTimeDemandCalibration.atOrBelow(normal, 10.5, 0.5));
    }

    @Test
    void sharesOfACalibratedForecastAreNominal() {
        // Every outcome of a Poisson(3) weighted by its probability: the expected shares are exact.
        LeadTimeDemandCalibration sum = LeadTimeDemandCalibration.EMPTY;
        double weight = 0;
        double s50 = 0;
        double s80 = 0;
        double s95 = 0;
        for (int y = 0; y < 60; y++) {
            double p = POISSON_3.cdf(y) - POISSON_3.cdf(y - 1);
            LeadTimeDemandCalibration one = LeadTimeDemandCalibration.of(POISSON_3, y);
            weight += p;
            s50 += p * one.atOrBelow50();
            s80 += p * one.atOrBelow80();
            s95 += p * one.atOrBelow95();
            sum = sum.plus(one);
        }
        assertEquals(0.5, s50 / weight, 1e-9);
        assertEquals(0.8, s80 / weight, 1e-9);
        assertEquals(0.95, s95 / weight, 1e-9);
        assertEquals(60, sum.plans());
        assertTrue(Double.isNaN(LeadTimeDemandCalibration.EMPTY.share50()));
    }
}
