package com.sparecast.jobs.generate;

import com.sparecast.models.series.DemandClass;
import java.util.SplittableRandom;

/**
 * The known process behind one (part family, region) demand series. Each week demand occurs
 * with probability {@code p} (so ADI = 1/p); when it occurs its size is
 * {@code 1 + X}, X gamma-Poisson with mean {@code size - 1} and variance {@code cv2 * size²}
 * (Poisson when that is below the mean),
 * where {@code size = max(1, meanSize * level(week))} and the level carries an optional linear
 * trend and an annual seasonal swing, both equal to 1 at the planning date. Expected demand in a
 * week is therefore {@code p * size(week)}.
 */
final class DemandSeries {

    final int index;
    final Family family;
    final int region;
    final DemandClass demandClass;
    final double p;
    final double cv2;
    final double meanSize;
    /** Relative change per year of the size level, 0 for most series. */
    final double trendPerYear;
    final double seasonAmplitude;
    final double seasonPhase;
    /** First week with demand (new product introductions start late). */
    final int startWeek;
    /** First week without demand any more (discontinued), or {@code Integer.MAX_VALUE}. */
    final int stopWeek;
    /** The history length in weeks: the level is 1 at this week. */
    private final int planningWeek;
    private final double[] seasonByWeek;
    final SplittableRandom rng;
    final int[] realisedFuture;
    /** Set while generating: the series drew demand at least once in the history. */
    boolean hadHistory;

    DemandSeries(int index, Family family, int region, DemandClass demandClass, double p, double cv2,
                 double meanSize, double trendPerYear, double seasonAmplitude, double seasonPhase, int startWeek,
                 int stopWeek, int planningWeek, double[] yearFractionByWeek, SplittableRandom rng, int horizon) {
        this.index = index;
        this.family = family;
        this.region = region;
        this.demandClass = demandClass;
        this.p = p;
        this.cv2 = cv2;
        this.meanSize = meanSize;
        this.trendPerYear = trendPerYear;
        this.seasonAmplitude = seasonAmplitude;
        this.seasonPhase = seasonPhase;
        this.startWeek = startWeek;
        this.stopWeek = stopWeek;
        this.planningWeek = planningWeek;
        this.rng = rng;
        this.realisedFuture = new int[horizon];
        if (seasonAmplitude != 0) {
            seasonByWeek = new double[yearFractionByWeek.length];
            for (int w = 0; w < seasonByWeek.length; w++) {
                seasonByWeek[w] = 1 + seasonAmplitude * StrictMath.sin(2 * StrictMath.PI * yearFractionByWeek[w] + seasonPhase);
            }
        } else {
            seasonByWeek = null;
        }
    }

    boolean active(int week) {
        return week >= startWeek && week < stopWeek;
    }

    /** The trend part of the level: 1 at the planning date, never below 0.3. */
    double trend(int week) {
        return Math.max(0.3, 1 + trendPerYear * (week - planningWeek) / 52.0);
    }

    /** The multiplier of the mean demand size at a week: trend times season. */
    double level(int week) {
        double trend = trend(week);
        return seasonByWeek == null ? trend : trend * seasonByWeek[week];
    }

    double size(int week) {
        return Math.max(1, meanSize * level(week));
    }

    /** Expected demand in a week: zero outside the active weeks. */
    double expected(int week) {
        return active(week) ? p * size(week) : 0;
    }

    /** Draws the week's demand; consumes the series' generator whether or not the series is active. */
    int draw(int week) {
        double u = rng.nextDouble();
        if (!active(week) || u >= p) {
            return 0;
        }
        double s = size(week);
        long x = Draws.gammaPoisson(rng, s - 1, cv2 * s * s);
        return (int) Math.min(1 + x, 1_000_000);
    }

    /**
     * CV² of the non-zero demand sizes at a week: the requested {@code cv2}, or more when the
     * gamma-Poisson falls back to a Poisson (variance {@code size - 1}), or 0 at size 1.
     */
    double effectiveCv2(int week) {
        double s = size(week);
        if (s <= 1) {
            return 0;
        }
        return Math.max(cv2 * s * s, s - 1) / (s * s);
    }

    /** ADI implied by the occurrence probability. */
    double adi() {
        return 1 / p;
    }
}
