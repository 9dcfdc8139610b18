package com.sparecast.models.bench;

import java.util.SplittableRandom;

/** The benchmarks' demand series: seeded, intermittent to smooth, so every SBC class occurs. */
final class SyntheticSeries {

    private SyntheticSeries() {
    }

    /**
     * {@code count} series of {@code periods} periods, seed 20261122: demand in a period with a
     * probability drawn in [0.05, 0.9] per series, a geometric size with a mean drawn in [1, 10].
     */
    static double[][] of(int count, int periods) {
        SplittableRandom random = new SplittableRandom(20261122L);
        double[][] series = new double[count][periods];
        for (double[] y : series) {
            double p = 0.05 + 0.85 * random.nextDouble();
            double meanSize = 1 + 9 * random.nextDouble();
            for (int t = 0; t < periods; t++) {
                if (random.nextDouble() < p) {
                    y[t] = 1 + Math.floor(Math.log(random.nextDouble()) / Math.log(1 - 1 / meanSize));
                }
            }
        }
        return series;
    }

    /**
     * {@code count} smooth or erratic series (seed 20261206): demand in a period with a probability
     * drawn in [0.8, 1], a geometric size with a mean drawn in [1, 8]; their lead-time demand is
     * overdispersed and not intermittent, so it takes the negative binomial.
     */
    static double[][] overdispersed(int count, int periods) {
        SplittableRandom random = new SplittableRandom(20261206L);
        double[][] series = new double[count][periods];
        for (double[] y : series) {
            double p = 0.8 + 0.2 * random.nextDouble();
            double meanSize = 1 + 7 * random.nextDouble();
            for (int t = 0; t < periods; t++) {
                if (random.nextDouble() < p) {
                    y[t] = 1 + Math.floor(Math.log(random.nextDouble()) / Math.log(1 - 1 / meanSize));
                }
            }
        }
        return series;
    }
}
