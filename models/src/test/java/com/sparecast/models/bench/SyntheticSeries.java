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
        return geometric(count, periods, 20261122L, 0.05, 0.85, 1, 9);
    }

    /**
     * {@code count} smooth or erratic series (seed 20261206): demand in a period with a probability
     * drawn in [0.8, 1], a geometric size with a mean drawn in [1, 8]; their lead-time demand is
     * overdispersed and not intermittent, so it takes the negative binomial.
     */
    static double[][] overdispersed(int count, int periods) {
        return geometric(count, periods, 20261206L, 0.8, 0.2, 1, 7);
    }

    /**
     * Per series, a probability of demand in a period drawn in {@code [p0, p0 + pSpan]} and a
     * geometric size whose mean is drawn in {@code [size0, size0 + sizeSpan]}.
     */
    private static double[][] geometric(int count, int periods, long seed, double p0, double pSpan, double size0,
                                        double sizeSpan) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] series = new double[count][periods];
        for (double[] y : series) {
            double p = p0 + pSpan * random.nextDouble();
            double meanSize = size0 + sizeSpan * random.nextDouble();
            for (int t = 0; t < periods; t++) {
                if (random.nextDouble() < p) {
                    y[t] = 1 + Math.floor(Math.log(random.nextDouble()) / Math.log(1 - 1 / meanSize));
                }
            }
        }
        return series;
    }
}
