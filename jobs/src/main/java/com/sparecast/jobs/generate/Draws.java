package com.sparecast.jobs.generate;

import java.util.SplittableRandom;

/**
 * Random variates on a {@link SplittableRandom}, written out here (with {@link StrictMath}) so
 * that the same seed gives the same numbers on every JVM: {@code SplittableRandom}'s
 * generator is specified, but {@code nextGaussian} and {@code Math.log} are not.
 */
final class Draws {

    private Draws() {
    }

    /** SplitMix64's finaliser: a well-mixed 64-bit hash, used to derive per-series seeds. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A seed derived from a master seed, a stream name and an index. */
    static long seed(long master, long stream, long index) {
        return mix(mix(master ^ mix(stream * 0x9E3779B97F4A7C15L)) + index * 0x632BE59BD9B4E019L);
    }

    static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    /** Standard normal by the Marsaglia polar method. */
    static double normal(SplittableRandom rng) {
        double u;
        double v;
        double s;
        do {
            u = 2 * rng.nextDouble() - 1;
            v = 2 * rng.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * StrictMath.sqrt(-2 * StrictMath.log(s) / s);
    }

    static double logNormal(SplittableRandom rng, double logMean, double logSd) {
        return StrictMath.exp(logMean + logSd * normal(rng));
    }

    /** Gamma(shape, scale) by Marsaglia and Tsang (2000), boosted for shape &lt; 1. */
    static double gamma(SplittableRandom rng, double shape, double scale) {
        if (shape < 1) {
            double u = rng.nextDouble();
            return gamma(rng, shape + 1, scale) * StrictMath.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / StrictMath.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = normal(rng);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x) {
                return d * v * scale;
            }
            if (StrictMath.log(u) < 0.5 * x * x + d * (1 - v + StrictMath.log(v))) {
                return d * v * scale;
            }
        }
    }

    /**
     * Poisson(mean): multiplication method below 30, PTRS transformed rejection above
     * (Hörmann 1993, "The transformed rejection method for generating Poisson random variables").
     */
    static long poisson(SplittableRandom rng, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean < 30) {
            double limit = StrictMath.exp(-mean);
            long k = 0;
            double p = rng.nextDouble();
            while (p > limit) {
                k++;
                p *= rng.nextDouble();
            }
            return k;
        }
        double slam = StrictMath.sqrt(mean);
        double loglam = StrictMath.log(mean);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) StrictMath.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (StrictMath.log(v) + StrictMath.log(invAlpha) - StrictMath.log(a / (us * us) + b)
                    <= -mean + k * loglam - logFactorial(k)) {
                return k;
            }
        }
    }

    /**
     * Gamma-Poisson (negative binomial) with the given mean and variance; Poisson when the
     * variance does not exceed the mean.
     */
    static long gammaPoisson(SplittableRandom rng, double mean, double variance) {
        if (mean <= 0) {
            return 0;
        }
        if (variance <= mean * 1.0001) {
            return poisson(rng, mean);
        }
        double shape = mean * mean / (variance - mean);
        return poisson(rng, gamma(rng, shape, mean / shape));
    }

    private static final double[] LOG_FACTORIAL = new double[32];

    static {
        for (int i = 1; i < LOG_FACTORIAL.length; i++) {
            LOG_FACTORIAL[i] = LOG_FACTORIAL[i - 1] + StrictMath.log(i);
        }
    }

    /** ln(k!), exact table below 32, Stirling series above (error below 1e-12). */
    static double logFactorial(long k) {
        if (k < LOG_FACTORIAL.length) {
            return LOG_FACTORIAL[(int) k];
        }
        double n = k + 1.0;
        double inv = 1 / n;
        double inv2 = inv * inv;
        return (n - 0.5) * StrictMath.log(n) - n + 0.5 * StrictMath.log(2 * StrictMath.PI)
                + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 / 1260));
    }

    /** An index drawn from cumulative weights (last entry is the total). */
    static int pick(SplittableRandom rng, double[] cumulative) {
        double u = rng.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    static double[] cumulative(double... weights) {
        double[] c = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            c[i] = sum;
        }
        return c;
    }
}
