package com.sparecast.models.distribution;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The bootstrap of Willemain, Smart &amp; Schwarz (2004), "A new approach to forecasting
 * intermittent demand for service parts inventories", IJF 20(3), 375-387, over an uncertain
 * lead time.
 *
 * <p>Each replicate:
 * <ol>
 *   <li>draws the span {@code T} = lead time + review periods, the lead time from a gamma
 *       distribution with the lead time's mean and standard deviation (fixed when the sd is 0);
 *       the span covers {@code floor(T)} periods and one more with probability {@code T - floor(T)};</li>
 *   <li>walks a two-state Markov chain (zero / non-zero demand) over those periods, with the
 *       transition probabilities counted in the history, starting from the last period's state;</li>
 *   <li>gives each non-zero period a size drawn from the history's non-zero sizes, jittered:
 *       {@code x* = 1 + round(x + Z sqrt(x))} with {@code Z} standard normal, and {@code x} if
 *       {@code x* <= 0};</li>
 *   <li>sums the period demands.</li>
 * </ol>
 * The sums are scaled by {@code forecast mean / history mean} so that the distribution's level
 * follows the forecast while its shape follows the history. The generator is XO_RO_SHI_RO_128_PP
 * seeded with the caller's seed: the same inputs and seed give the same sample.
 */
final class WillemainBootstrap {

    private WillemainBootstrap() {
    }

    static double[] sample(double[] history, double forecastMeanPerPeriod, LeadTime leadTime,
                           double reviewPeriods, int replicates, long seed) {
        int n = history.length;
        int nonZero = 0;
        double sum = 0;
        for (double v : history) {
            if (v > 0) {
                nonZero++;
                sum += v;
            }
        }
        double[] out = new double[replicates];
        if (nonZero == 0) {
            return out;
        }
        double[] sizes = new double[nonZero];
        int i = 0;
        // Transition counts: from zero (z) or non-zero (d) to non-zero.
        int fromZero = 0;
        int zeroToDemand = 0;
        int fromDemand = 0;
        int demandToDemand = 0;
        for (int t = 0; t < n; t++) {
            if (history[t] > 0) {
                sizes[i++] = history[t];
            }
            if (t > 0) {
                if (history[t - 1] > 0) {
                    fromDemand++;
                    demandToDemand += history[t] > 0 ? 1 : 0;
                } else {
                    fromZero++;
                    zeroToDemand += history[t] > 0 ? 1 : 0;
                }
            }
        }
        double overall = (double) nonZero / n;
        double pZeroToDemand = fromZero > 0 ? (double) zeroToDemand / fromZero : overall;
        double pDemandToDemand = fromDemand > 0 ? (double) demandToDemand / fromDemand : overall;
        boolean lastDemand = history[n - 1] > 0;
        double scale = forecastMeanPerPeriod / (sum / n);

        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ContinuousSampler gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        ContinuousSampler leadTimes = null;
        if (leadTime.sd() > 0 && leadTime.mean() > 0) {
            double shape = leadTime.mean() * leadTime.mean() / (leadTime.sd() * leadTime.sd());
            double gammaScale = leadTime.sd() * leadTime.sd() / leadTime.mean();
            leadTimes = AhrensDieterMarsagliaTsangGammaSampler.of(rng, shape, gammaScale);
        }
        for (int r = 0; r < replicates; r++) {
            double span = (leadTimes == null ? leadTime.mean() : leadTimes.sample()) + reviewPeriods;
            int periods = (int) Math.floor(span);
            if (rng.nextDouble() < span - periods) {
                periods++;
            }
            boolean state = lastDemand;
            double total = 0;
            for (int p = 0; p < periods; p++) {
                state = rng.nextDouble() < (state ? pDemandToDemand : pZeroToDemand);
                if (state) {
                    double x = sizes[rng.nextInt(nonZero)];
                    double jittered = 1 + Math.round(x + gaussian.sample() * Math.sqrt(x));
                    total += jittered <= 0 ? x : jittered;
                }
            }
            out[r] = total * scale;
        }
        return out;
    }
}
