package com.sparecast.models.distribution;

import com.sparecast.models.selection.SeriesForecast;
import com.sparecast.models.series.DemandClass;
import java.io.Serializable;
import java.util.Locale;

/**
 * Demand over an uncertain lead time plus a review period, and the per-period forecast
 * distributions behind forecast quantiles.
 *
 * <p>With per-period demand mean {@code mu} and variance {@code s2}, and lead time plus review
 * {@code T = L + R} with {@code L} of mean {@code mL} and sd {@code sL}, the classical compound
 * moments are {@code E = mu * (mL + R)} and {@code Var = (mL + R) * s2 + mu^2 * sL^2}
 * (Silver, Pyke &amp; Thomas, 2017, sec. 6.10). For a forecast series, {@code mu} is the
 * forecast's mean over the span and {@code (mL + R) * s2} is the forecast's error variance of
 * demand summed over the span ({@link SeriesForecast#spanErrorVariance(double)}): errors that
 * persist from period to period (a level the method lags) widen it beyond the sum of one-step
 * variances.
 *
 * <p>The family is chosen from those moments (Syntetos, Babai &amp; Altay 2012, IJPR 50(8)):
 * <ul>
 *   <li>mean 0: no demand (a point mass at 0);</li>
 *   <li>mean at or above {@code normalLevel} (default 30 units) and coefficient of variation at
 *       most {@code normalMaxCv} (default 0.5): normal, the central-limit regime where the
 *       discrete families and the normal agree. Above a coefficient of variation of about 0.5
 *       the normal puts visible probability on negative demand and too little in the right
 *       tail, where the fill rate is decided; a skewed family fits better (Silver, Pyke &amp;
 *       Thomas 2017 take the gamma there; its count counterpart is the negative binomial). On
 *       the generated medium profile the normal for such A lines fell 3 points short of its
 *       expected fill rate (docs/simulate-medium.md);</li>
 *   <li>variance-to-mean ratio at most {@code 1 + poissonTolerance} (default 1.1): Poisson,
 *       whose variance equals its mean (an under-dispersed series is given Poisson's spread);</li>
 *   <li>otherwise: negative binomial with those two moments.</li>
 * </ul>
 * With a {@link SeriesForecast} and its history, an {@link DemandClass#INTERMITTENT} or
 * {@link DemandClass#LUMPY} series gets the seeded compound bootstrap of {@link CompoundBootstrap}
 * instead: occurrences at the forecast's rate blended with the history's, sizes resampled from the
 * history and jittered. On validation splits of RAF and of the medium profile it was the remedy
 * that brought the realised demand over lead time plus review closest to the plan's 50/80/95%
 * quantiles; the moments' negative binomial, the Willemain bootstrap (the previous choice for
 * lumpy series) and the others tried are compared in docs/ltd-calibration.md.
 *
 * <p>Immutable, thread-safe and serializable.
 */
public final class LeadTimeDemandModel implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Default level (units over the span) from which demand is taken as normal. */
    public static final double DEFAULT_NORMAL_LEVEL = 30;
    /** Default tolerance of the variance-to-mean ratio above 1 that is still Poisson. */
    public static final double DEFAULT_POISSON_TOLERANCE = 0.1;
    /** Default largest coefficient of variation that is still normal. */
    public static final double DEFAULT_NORMAL_MAX_CV = 0.5;
    /** Default number of bootstrap replicates. */
    public static final int DEFAULT_REPLICATES = 1000;

    private final double normalLevel;
    private final double normalMaxCv;
    private final double poissonTolerance;
    private final int replicates;

    private LeadTimeDemandModel(double normalLevel, double normalMaxCv, double poissonTolerance, int replicates) {
        if (!(normalLevel > 0)) {
            throw new IllegalArgumentException("normal level must be > 0, got " + normalLevel);
        }
        if (!(normalMaxCv > 0)) {
            throw new IllegalArgumentException("largest coefficient of variation of the normal must be > 0, got "
                    + normalMaxCv);
        }
        if (!(poissonTolerance >= 0)) {
            throw new IllegalArgumentException("Poisson tolerance must be >= 0, got " + poissonTolerance);
        }
        if (replicates < 100) {
            throw new IllegalArgumentException("bootstrap replicates must be >= 100, got " + replicates);
        }
        this.normalLevel = normalLevel;
        this.normalMaxCv = normalMaxCv;
        this.poissonTolerance = poissonTolerance;
        this.replicates = replicates;
    }

    /**
     * The default model: normal from 30 units up to a coefficient of variation of 0.5, Poisson
     * up to a variance-to-mean ratio of 1.1, 1000 bootstrap replicates (as Willemain et al.).
     */
    public static LeadTimeDemandModel withDefaults() {
        return new LeadTimeDemandModel(DEFAULT_NORMAL_LEVEL, DEFAULT_NORMAL_MAX_CV, DEFAULT_POISSON_TOLERANCE,
                DEFAULT_REPLICATES);
    }

    /** This model with another level from which demand is normal. */
    public LeadTimeDemandModel withNormalLevel(double level) {
        return new LeadTimeDemandModel(level, normalMaxCv, poissonTolerance, replicates);
    }

    /** This model with another largest coefficient of variation that is still normal, {@code > 0}. */
    public LeadTimeDemandModel withNormalMaxCv(double cv) {
        return new LeadTimeDemandModel(normalLevel, cv, poissonTolerance, replicates);
    }

    /** This model with another number of bootstrap replicates, {@code >= 100}. */
    public LeadTimeDemandModel withReplicates(int count) {
        return new LeadTimeDemandModel(normalLevel, normalMaxCv, poissonTolerance, count);
    }

    /**
     * The distribution of demand over lead time plus {@code reviewPeriods}, the family chosen by
     * level and variance-to-mean ratio.
     *
     * @param meanPerPeriod expected demand per period, &gt;= 0
     * @param variancePerPeriod variance of demand per period, &gt;= 0
     */
    public LeadTimeDemand over(double meanPerPeriod, double variancePerPeriod, LeadTime leadTime, double reviewPeriods) {
        if (!(meanPerPeriod >= 0) || !(variancePerPeriod >= 0) || !(reviewPeriods >= 0)
                || Double.isInfinite(meanPerPeriod) || Double.isInfinite(variancePerPeriod)) {
            throw new IllegalArgumentException("mean, variance and review period must be finite and >= 0, got "
                    + meanPerPeriod + ", " + variancePerPeriod + ", " + reviewPeriods);
        }
        double span = leadTime.mean() + reviewPeriods;
        return overSpan(meanPerPeriod, span * variancePerPeriod, leadTime, span);
    }

    /** Demand over {@code span} periods of lead time plus review, from the error variance over the span. */
    private LeadTimeDemand overSpan(double meanPerPeriod, double spanVariance, LeadTime leadTime, double span) {
        double variance = spanVariance + meanPerPeriod * meanPerPeriod * leadTime.sd() * leadTime.sd();
        return byMoments(meanPerPeriod * span, variance, String.format(Locale.ROOT, " over %.3g periods", span));
    }

    /**
     * The lead-time demand of a forecast series: the forecast's mean over the span and its error
     * variance of demand summed over the span, as {@link #over(double, double, LeadTime, double)}
     * combines them with the lead time's spread; or, for an intermittent or lumpy series, the
     * seeded compound bootstrap of its history ({@link CompoundBootstrap}).
     *
     * <p>The error variance over the span {@code T} is capped at
     * {@code T mu E[y^2 | y > 0] / E[y | y > 0]} over the history's demand periods: demand that
     * occurs with probability {@code p} in sizes {@code z} has mean {@code mu = p E[z]} and
     * variance {@code p E[z^2] - mu^2 < mu E[z^2] / E[z]} per period, whatever {@code p}. The cap
     * binds only when the forecast level has fallen far below the level the errors were made at
     * (a smoothing method that followed a run of zeros to next to nothing): without it, a mean of
     * 1e-6 with an error variance of 0.3 is a negative binomial whose tail asks for an order-up-to
     * level in the millions to fill 90% of that next-to-nothing demand.
     *
     * @param forecast the series' forecast
     * @param history the demand history the forecast was made from
     * @param seed seed of the bootstrap (derive it from the planning date and the series key)
     */
    public LeadTimeDemand over(SeriesForecast forecast, double[] history, LeadTime leadTime, double reviewPeriods,
                               long seed) {
        if (!(reviewPeriods >= 0)) {
            throw new IllegalArgumentException("review period must be >= 0, got " + reviewPeriods);
        }
        double span = leadTime.mean() + reviewPeriods;
        double mu = forecast.meanPerPeriod(span);
        DemandClass demandClass = forecast.demandClass();
        if ((demandClass == DemandClass.LUMPY || demandClass == DemandClass.INTERMITTENT) && mu > 0
                && history.length > 1) {
            double[] sample = CompoundBootstrap.sample(history, mu, leadTime, reviewPeriods, replicates, seed);
            EmpiricalDemand d = EmpiricalDemand.of("Bootstrap", sample);
            return new LeadTimeDemand(d, String.format(Locale.ROOT,
                    "Bootstrap: %s demand (ADI %.2f, CV² %.2f), %d compound replicates over %.3g periods: "
                            + "occurrences at the forecast's and the history's rate, sizes from the history",
                    demandClass.name().toLowerCase(Locale.ROOT), forecast.statistics().adi(),
                    forecast.statistics().cv2(), replicates, leadTime.mean() + reviewPeriods));
        }
        double spanVariance = forecast.spanErrorVariance(span);
        if (mu > 0) {
            spanVariance = Math.min(spanVariance, span * mu * sizeBiasedMean(history));
        }
        return overSpan(mu, spanVariance, leadTime, span);
    }

    /** {@code E[y^2 | y > 0] / E[y | y > 0]} over the history; +Infinity without demand. */
    static double sizeBiasedMean(double[] history) {
        double sum = 0;
        double squares = 0;
        for (double y : history) {
            if (y > 0) {
                sum += y;
                squares += y * y;
            }
        }
        return sum > 0 ? squares / sum : Double.POSITIVE_INFINITY;
    }

    /**
     * The distribution of demand in each future period of the forecast: mean {@code mean[h]} and
     * the forecast's error variance, family by level and variance-to-mean ratio.
     */
    public DemandDistribution[] perPeriod(SeriesForecast forecast) {
        double[] mean = forecast.mean();
        DemandDistribution[] out = new DemandDistribution[mean.length];
        for (int h = 0; h < mean.length; h++) {
            // The distribution only: formatting byMoments' reason, thrown away here, was 17% of the
            // nightly forecast step (JFR, medium profile; BENCHMARKS.md).
            out[h] = distribution(Math.max(0, mean[h]), forecast.errorVariance());
        }
        return out;
    }

    /**
     * Quantiles of the demand in each future period: {@code out[h][i]} is the
     * {@code probabilities[i]} quantile of period {@code h + 1}.
     */
    public double[][] quantiles(SeriesForecast forecast, double... probabilities) {
        for (double p : probabilities) {
            Distributions.requireProbability(p);
        }
        DemandDistribution[] periods = perPeriod(forecast);
        double[][] out = new double[periods.length][probabilities.length];
        for (int h = 0; h < periods.length; h++) {
            for (int i = 0; i < probabilities.length; i++) {
                out[h][i] = periods[h].quantile(probabilities[i]);
            }
        }
        return out;
    }

    /** The families {@link #family} chooses from; a normal is chosen for two different reasons. */
    private enum Family { ZERO, NORMAL, POISSON, NORMAL_TOO_WIDE, NEGATIVE_BINOMIAL }

    /** The family for a mean and variance: the one rule behind {@link #byMoments} and {@link #distribution}. */
    private Family family(double mean, double variance) {
        if (mean <= 0) {
            return Family.ZERO;
        }
        if (mean >= normalLevel && Math.sqrt(variance) / mean <= normalMaxCv) {
            return Family.NORMAL;
        }
        if (variance / mean <= 1 + poissonTolerance) {
            return Family.POISSON;
        }
        return NegativeBinomialDemand.summable(mean, variance) ? Family.NEGATIVE_BINOMIAL : Family.NORMAL_TOO_WIDE;
    }

    /** The distribution for a mean and variance, without the reason (see {@link #byMoments}). */
    private DemandDistribution distribution(double mean, double variance) {
        return distribution(family(mean, variance), mean, variance);
    }

    private static DemandDistribution distribution(Family family, double mean, double variance) {
        return switch (family) {
            case ZERO -> ZeroDemand.of();
            case NORMAL, NORMAL_TOO_WIDE -> NormalDemand.of(mean, variance);
            case POISSON -> PoissonDemand.of(mean);
            case NEGATIVE_BINOMIAL -> NegativeBinomialDemand.of(mean, variance);
        };
    }

    /** The family for a mean and variance, with the reason. */
    LeadTimeDemand byMoments(double mean, double variance, String span) {
        double ratio = variance / mean;
        double cv = Math.sqrt(variance) / mean;
        Family family = family(mean, variance);
        return new LeadTimeDemand(distribution(family, mean, variance), switch (family) {
            case ZERO -> "Zero: no expected demand" + span;
            case NORMAL -> String.format(Locale.ROOT,
                    "Normal: mean %.3g >= %.3g units, coefficient of variation %.2f <= %.2f%s", mean, normalLevel,
                    cv, normalMaxCv, span);
            case POISSON -> String.format(Locale.ROOT,
                    "Poisson: variance-to-mean %.2f <= %.2f, mean %.3g%s", ratio, 1 + poissonTolerance, mean, span);
            case NORMAL_TOO_WIDE -> String.format(Locale.ROOT,
                    "Normal: variance-to-mean %.2f with mean %.3g is too far from zero for the negative binomial%s",
                    ratio, mean, span);
            case NEGATIVE_BINOMIAL -> String.format(Locale.ROOT, "NegativeBinomial: variance-to-mean %.2f > %.2f, %s%s",
                    ratio, 1 + poissonTolerance, mean < normalLevel
                            ? String.format(Locale.ROOT, "mean %.3g < %.3g", mean, normalLevel)
                            : String.format(Locale.ROOT, "coefficient of variation %.2f > %.2f", cv, normalMaxCv), span);
        });
    }
}
