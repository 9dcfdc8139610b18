package com.sparecast.jobs.generate;

import java.util.Locale;

/**
 * Size of a generated input set. The numbers are the knobs the generator uses; the resulting
 * row counts are measured, not promised exactly (see {@code ground_truth/summary.json}).
 *
 * <ul>
 *   <li>{@code families}: parts before supersession (each chain adds one or two successor parts);
 *   <li>{@code presenceScale}: multiplies each region's probability that a part sells there;
 *   <li>{@code volumeScale}: multiplies every series' mean weekly demand;
 *   <li>{@code weeks}: history length in ISO weeks, the last one possibly partial.
 * </ul>
 */
public enum Profile {
    /** A few hundred part-region series, ~10-30k event rows: the committed sample. */
    SMALL(90, 0.85, 0.10, 156, 0.10),
    /** About 10k series and 1-2M event rows. */
    MEDIUM(2_250, 1.0, 0.30, 156, 0.10),
    /** At least 200k series and 30M event rows, streamed. */
    LARGE(46_000, 1.0, 0.40, 156, 0.04);

    private final int families;
    private final double presenceScale;
    private final double volumeScale;
    private final int weeks;
    private final double installedBaseShare;

    Profile(int families, double presenceScale, double volumeScale, int weeks, double installedBaseShare) {
        this.families = families;
        this.presenceScale = presenceScale;
        this.volumeScale = volumeScale;
        this.weeks = weeks;
        this.installedBaseShare = installedBaseShare;
    }

    public int families() {
        return families;
    }

    public double presenceScale() {
        return presenceScale;
    }

    public double volumeScale() {
        return volumeScale;
    }

    public int weeks() {
        return weeks;
    }

    /** Share of part families that get rows in {@code installed_base.csv}. */
    public double installedBaseShare() {
        return installedBaseShare;
    }

    /** The lower-case name used on the command line and in the summary. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
