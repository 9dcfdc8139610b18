package com.sparecast.models.inventory;

import com.sparecast.models.distribution.DemandDistribution;
import com.sparecast.models.distribution.EmpiricalDemand;
import com.sparecast.models.distribution.LeadTime;
import com.sparecast.models.inventory.PolicySimulator.Levels;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * An empirical baseline stock policy: periodic review, order up to {@code S}, where {@code S} is
 * the target quantile of the demand over lead time plus review bootstrapped from the series' own
 * history. No forecast, no fitted family and no fill-rate formula: the target is read as the
 * probability of not running out over the protected span (a cycle service level), as the
 * bootstrap is commonly used for service parts; its achieved fill rate is whatever simulation
 * shows. {@code simulate} draws its trade-off curve beside Sparecast's.
 *
 * <p><b>Resampling</b> (Willemain, Smart &amp; Schwarz 2004, "A new approach to forecasting
 * intermittent demand for service parts inventories", IJF 20(3), 375-387, without their
 * jitter, so that a replicate only sums sizes the series has had). Each replicate:
 * <ol>
 *   <li>draws the lead time {@code L = max(0, round(mean + sd Z))} whole periods, {@code Z}
 *       standard normal, as {@link PolicySimulator#sampleLeadTimes} draws the simulated ones;</li>
 *   <li>walks a two-state Markov chain (zero / non-zero demand) over {@code L + R} periods, the
 *       transition probabilities counted in the history (where a state never has a successor,
 *       the history's share of non-zero periods), starting from the history's last state;</li>
 *   <li>gives each non-zero period a size drawn with replacement from the history's non-zero
 *       demands;</li>
 *   <li>sums them.</li>
 * </ol>
 * {@code S} is the empirical quantile of the replicates (the smallest value {@code x} with
 * {@code F(x) >= target}, {@link EmpiricalDemand#quantile}) rounded up to a whole unit, and the
 * reorder point {@code s = S - 1}: an (R, S) policy. A history without demand gives {@code S = 0}.
 *
 * <p>The generator is XO_RO_SHI_RO_128_PP seeded with the caller's seed: the same history,
 * lead time, review period and seed give the same sample. Immutable and thread-safe.
 */
public final class BootstrapOrderUpToPolicy {

    /** Default number of bootstrap replicates (as Willemain et al.). */
    public static final int DEFAULT_REPLICATES = 1000;

    private final int replicates;

    private BootstrapOrderUpToPolicy(int replicates) {
        if (replicates < 1) {
            throw new IllegalArgumentException("bootstrap replicates must be >= 1, got " + replicates);
        }
        this.replicates = replicates;
    }

    /** 1000 replicates. */
    public static BootstrapOrderUpToPolicy withDefaults() {
        return new BootstrapOrderUpToPolicy(DEFAULT_REPLICATES);
    }

    /** This policy with another number of replicates, {@code >= 1}. */
    public BootstrapOrderUpToPolicy withReplicates(int count) {
        return new BootstrapOrderUpToPolicy(count);
    }

    /**
     * Demand over lead time plus review, bootstrapped from {@code history} (named "Bootstrap").
     *
     * @param history demand per period, each finite and &gt;= 0
     * @param reviewPeriods review period in whole periods, &gt;= 0
     * @param seed seed of the resampling
     */
    public EmpiricalDemand demand(double[] history, LeadTime leadTime, int reviewPeriods, long seed) {
        if (history == null || leadTime == null) {
            throw new IllegalArgumentException("history and lead time are required");
        }
        if (reviewPeriods < 0) {
            throw new IllegalArgumentException("review period must be >= 0, got " + reviewPeriods);
        }
        int n = history.length;
        int nonZero = 0;
        for (double v : history) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("demand must be finite and >= 0, got " + v);
            }
            nonZero += v > 0 ? 1 : 0;
        }
        double[] out = new double[replicates];
        if (nonZero == 0) {
            return EmpiricalDemand.of("Bootstrap", out);
        }
        double[] sizes = new double[nonZero];
        int fromZero = 0;
        int zeroToDemand = 0;
        int fromDemand = 0;
        int demandToDemand = 0;
        for (int t = 0, i = 0; t < n; t++) {
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
        boolean last = history[n - 1] > 0;

        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int r = 0; r < replicates; r++) {
            double l = leadTime.sd() == 0 ? leadTime.mean() : leadTime.mean() + leadTime.sd() * gauss.sample();
            long periods = Math.max(0, Math.round(l)) + reviewPeriods;
            boolean state = last;
            double total = 0;
            for (long p = 0; p < periods; p++) {
                state = rng.nextDouble() < (state ? pDemandToDemand : pZeroToDemand);
                if (state) {
                    total += sizes[rng.nextInt(nonZero)];
                }
            }
            out[r] = total;
        }
        return EmpiricalDemand.of("Bootstrap", out);
    }

    /**
     * The order-up-to level: the {@code target} quantile of {@code demand} rounded up to a whole
     * unit, never below 0.
     *
     * @param target in (0, 1)
     */
    public static long orderUpTo(DemandDistribution demand, double target) {
        if (!(target > 0 && target < 1)) {
            throw new IllegalArgumentException("target must be in (0, 1), got " + target);
        }
        return Math.max(0, (long) Math.ceil(demand.quantile(target) - 1e-9));
    }

    /** The (R, S) levels at {@code target}: {@code S} by {@link #orderUpTo}, {@code s = S - 1}. */
    public static Levels levels(DemandDistribution demand, double target) {
        long s = orderUpTo(demand, target);
        return Levels.of(s - 1, s);
    }
}
