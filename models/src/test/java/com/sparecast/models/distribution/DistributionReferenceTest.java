package com.sparecast.models.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.models.reference.Reference;
import org.junit.jupiter.api.Test;

/** Quantiles, distribution functions and loss functions pinned to R (qpois, qnbinom, qnorm, sums, integrate). */
class DistributionReferenceTest {

    private static final double[] P = {0.1, 0.5, 0.8, 0.9, 0.95, 0.99};
    private static final double[] S = {0, 1, 2.5, 4, 10};

    private static void check(DemandDistribution d, String key, boolean discrete) {
        double[] q = Reference.get(key + ".quantile");
        for (int i = 0; i < P.length; i++) {
            assertEquals(q[i], d.quantile(P[i]), discrete ? 0 : 1e-9, key + " quantile " + P[i]);
        }
        if (discrete) {
            double[] cdf = Reference.get(key + ".cdf");
            for (int x = 0; x < cdf.length; x++) {
                assertEquals(cdf[x], d.cdf(x), 1e-12, key + " cdf " + x);
                assertEquals(cdf[x], d.cdf(x + 0.5), 1e-12, key + " cdf " + (x + 0.5));
            }
            double[] loss = Reference.get(key + ".loss");
            for (int i = 0; i < S.length; i++) {
                assertEquals(loss[i], d.expectedShortage(S[i]), 1e-10 * Math.max(1, loss[i]), key + " loss " + S[i]);
            }
        }
    }

    @Test
    void poissonMatchesR() {
        for (double lambda : new double[] {0.3, 2.5, 14}) {
            check(PoissonDemand.of(lambda), "poisson." + (lambda == 14 ? "14" : String.valueOf(lambda)), true);
        }
    }

    @Test
    void negativeBinomialMatchesR() {
        check(NegativeBinomialDemand.of(0.4, 2), "negbin.0.4.2", true);
        check(NegativeBinomialDemand.of(3, 7.5), "negbin.3.7.5", true);
        check(NegativeBinomialDemand.of(12, 60), "negbin.12.60", true);
    }

    /**
     * The loss function over runs of whole levels ({@link NegativeBinomialDemand#expectedShortages},
     * by recurrence between closed forms) is R's at the whole levels of {@link #S}, and the closed
     * form's at every level of long runs: small and large means, runs starting at 0, inside a
     * block and in the far right tail, where the values fall by many orders of magnitude.
     */
    @Test
    void negativeBinomialLossOverRunsOfLevelsMatchesRAndTheClosedForm() {
        java.util.Map<String, NegativeBinomialDemand> pinned = java.util.Map.of(
                "negbin.0.4.2", NegativeBinomialDemand.of(0.4, 2), "negbin.3.7.5", NegativeBinomialDemand.of(3, 7.5),
                "negbin.12.60", NegativeBinomialDemand.of(12, 60));
        pinned.forEach((key, d) -> {
            double[] run = d.expectedShortages(-2, 14);
            double[] loss = Reference.get(key + ".loss");
            for (int i = 0; i < S.length; i++) {
                if (S[i] == Math.rint(S[i])) {
                    assertEquals(loss[i], run[(int) S[i] + 2], 1e-10 * Math.max(1, loss[i]), key + " loss " + S[i]);
                }
            }
        });
        double[][] moments = {{0.4, 2}, {3, 7.5}, {12, 60}, {50, 60}, {5, 5.01}, {300, 3000}, {2000, 1.6e6}};
        for (double[] m : moments) {
            NegativeBinomialDemand d = NegativeBinomialDemand.of(m[0], m[1]);
            long far = (long) Math.ceil(d.quantile(0.999999));
            for (long first : new long[] {0, 5, (long) m[0], far}) {
                double[] run = d.expectedShortages(first, 300);
                for (int i = 0; i < run.length; i++) {
                    double exact = d.expectedShortage(first + i);
                    assertEquals(exact, run[i], 1e-12 * Math.max(1, m[0]),
                            "mean " + m[0] + ", variance " + m[1] + ", level " + (first + i));
                }
            }
        }
    }

    /**
     * At the central warehouse's levels (thousands of units) the closed forms (incomplete beta)
     * agree with the probabilities summed one by one, here in the test by the recurrence
     * {@code P(x) = P(x - 1) (x - 1 + r) / x (1 - p)}, in the body and in the right tail.
     */
    @Test
    void negativeBinomialClosedFormsAgreeWithTheSumAtLargeMeans() {
        double mean = 2000;
        double variance = 1.6e6;
        NegativeBinomialDemand d = NegativeBinomialDemand.of(mean, variance);
        double r = mean * mean / (variance - mean);
        double q = 1 - mean / variance;
        double prob = Math.pow(mean / variance, r);
        double cdf = prob;
        double belowTimesX = 0;
        for (long x = 1; x <= 12_000; x++) {
            prob *= (x - 1 + r) / x * q;
            cdf += prob;
            belowTimesX += x * prob;
            if (x == 500 || x == 2000 || x == 6000 || x == 12_000) {
                assertEquals(cdf, d.cdf(x), 1e-9, "cdf " + x);
                // E[(X - s)+] at s = x + 1: mu - s + s F(x) - sum_{y <= x} y P(y)
                double s = x + 1;
                double loss = mean - s + s * cdf - belowTimesX;
                assertEquals(loss, d.expectedShortage(s), 1e-6 * Math.max(1, loss), "loss " + s);
            }
        }
        // A level between whole numbers: the loss is linear between them.
        assertEquals((d.expectedShortage(2000) + d.expectedShortage(2001)) / 2, d.expectedShortage(2000.5), 1e-9);
    }

    /**
     * Issue 16, no computation's cost grows with a value: past {@link NegativeBinomialDemand#SUMMED_TERMS}
     * terms the quantile bisects on the CDF. Just past the switch it equals the sum one by one (here
     * in the test, by the recurrence); at 10^10 units a week, where the sum would take minutes (about
     * 17 ns a term, 3 * 10^10 terms for the 95% quantile), it is the least x with F(x) >= 0.95.
     */
    @Test
    void negativeBinomialQuantileCostsTheSameAtAnyLevel() {
        // mean 50,000, variance mean^2 (r = 1, geometric-like): the 95% quantile is near 3 * mean = 150,000.
        double mean = 50_000;
        double variance = mean * mean + mean;
        NegativeBinomialDemand d = NegativeBinomialDemand.of(mean, variance);
        double r = mean * mean / (variance - mean);
        double q = 1 - mean / variance;
        double prob = Math.pow(mean / variance, r);
        double cum = prob;
        long x = 0;
        while (cum < 0.95) {
            x++;
            prob *= (x - 1 + r) / x * q;
            cum += prob;
        }
        assertTrue(x > NegativeBinomialDemand.SUMMED_TERMS, "the case is past the switch: " + x);
        assertEquals(x, d.quantile(0.95), 0);

        NegativeBinomialDemand huge = NegativeBinomialDemand.of(1e10, 1e20);
        long started = System.nanoTime();
        double q95 = huge.quantile(0.95);
        double seconds = (System.nanoTime() - started) / 1e9;
        assertTrue(huge.cdf(q95) >= 0.95 && huge.cdf(q95 - 1) < 0.95, "least x with F(x) >= 0.95: " + q95);
        // Geometric-like (r = 1): F(x) = 1 - (1 - p)^(x + 1), so q95 = ln(0.05) / ln(1 - p) - 1, about 3.0e10.
        assertEquals(Math.log(0.05) / Math.log1p(-1e-10), q95, 1e-6 * q95);
        assertTrue(seconds < 5, "the 95% quantile at 10^10 units took " + seconds + " s");
    }

    @Test
    void normalMatchesR() {
        NormalDemand d = NormalDemand.of(40, 90);
        check(d, "normal.40.90", false);
        double[] loss = Reference.get("normal.40.90.loss");
        double[] s = {30, 40, 55};
        for (int i = 0; i < s.length; i++) {
            assertEquals(loss[i], d.expectedShortage(s[i]), 1e-6, "loss " + s[i]);
        }
    }

    @Test
    void lossFunctionIsMeanMinusStockBelowZeroAndDecreasing() {
        DemandDistribution[] all = {PoissonDemand.of(1.7), NegativeBinomialDemand.of(2, 9), NormalDemand.of(50, 100),
            EmpiricalDemand.of("Bootstrap", new double[] {0, 0, 1, 3, 7}), ZeroDemand.of()};
        for (DemandDistribution d : all) {
            assertEquals(d.mean() + 2, d.expectedShortage(-2), 1e-6, d.name());
            double previous = Double.POSITIVE_INFINITY;
            for (double s = 0; s < 80; s += 0.5) {
                double l = d.expectedShortage(s);
                assertTrue(l >= 0 && l <= previous + 1e-12, d.name() + " loss at " + s);
                previous = l;
            }
        }
    }

    @Test
    void empiricalDistributionOfASample() {
        EmpiricalDemand d = EmpiricalDemand.of("Bootstrap", new double[] {4, 0, 1, 0, 10});
        assertEquals(3, d.mean(), 1e-12);
        assertEquals(0, d.quantile(0.4), 0);
        assertEquals(1, d.quantile(0.41), 0);
        assertEquals(10, d.quantile(0.99), 0);
        assertEquals(0.4, d.cdf(0), 1e-12);
        assertEquals(0.6, d.cdf(3.9), 1e-12);
        // E[(X - 2)+] = (2 + 8) / 5.
        assertEquals(2, d.expectedShortage(2), 1e-12);
    }

    @Test
    void anEmpiricalDistributionSerializesAsItsRunsAndReadsBackTheSame() throws Exception {
        // A bootstrap-like sample: 1,000 counts with 12 distinct values, a negative zero and a fraction.
        double[] sample = new double[1000];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = i % 97 == 0 ? 0.5 : (i * 7919) % 11;
        }
        sample[3] = -0.0;
        EmpiricalDemand d = EmpiricalDemand.of("Bootstrap", sample);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(d);
        }
        EmpiricalDemand back;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            back = (EmpiricalDemand) in.readObject();
        }
        // The runs, not the 8,000 bytes of the sample itself.
        assertTrue(bytes.size() < 1000, bytes.size() + " bytes");
        assertEquals(d.name(), back.name());
        assertEquals(Double.doubleToLongBits(d.mean()), Double.doubleToLongBits(back.mean()));
        assertEquals(Double.doubleToLongBits(d.variance()), Double.doubleToLongBits(back.variance()));
        for (int i = 0; i <= 1000; i++) {
            double p = Math.min(0.999999, i / 1000.0 + 1e-9);
            assertEquals(Double.doubleToLongBits(d.quantile(p)), Double.doubleToLongBits(back.quantile(p)), "p " + p);
        }
        for (double s = -1; s <= 12; s += 0.25) {
            assertEquals(Double.doubleToLongBits(d.expectedShortage(s)), Double.doubleToLongBits(back.expectedShortage(s)),
                    "loss at " + s);
            assertEquals(d.cdf(s), back.cdf(s), 0, "cdf at " + s);
        }
    }

    @Test
    void invalidArgumentsThrowWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PoissonDemand.of(0));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NegativeBinomialDemand.of(2, 1));
        assertTrue(e.getMessage().contains("variance 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PoissonDemand.of(2).quantile(1));
        assertTrue(e.getMessage().contains("got 1"), e.getMessage());
        // r log p = 1000^2 / (1001 - 1000) * log(1000 / 1001) = -999.5 < -700: P(0) underflows.
        e = assertThrows(IllegalArgumentException.class, () -> NegativeBinomialDemand.of(1000, 1001));
        assertTrue(e.getMessage().contains("mean 1000.0 and variance 1001.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NormalDemand.of(10, -1));
        assertTrue(e.getMessage().contains("got -1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EmpiricalDemand.of("Bootstrap", new double[0]));
        assertTrue(e.getMessage().contains("at least one value"), e.getMessage());
    }
}
