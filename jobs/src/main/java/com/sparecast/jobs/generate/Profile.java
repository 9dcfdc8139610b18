package com.sparecast.jobs.generate;

import java.util.Locale;

/**
 * Size of a generated input set. The numbers are the knobs the generator uses (see {@link Scale});
 * the resulting row counts are measured, not promised exactly ({@code ground_truth/summary.json}).
 */
public enum Profile {
    /** A few hundred part-region series, 10-30k event rows: the committed sample. */
    SMALL(90, 0.85, 0.10, 156, 0.10, 1),
    /** About 10k series and 1-2M event rows. */
    MEDIUM(2_350, 1.0, 0.30, 156, 0.10, 1),
    /** At least 200k series and 30M event rows, streamed by four parallel partitions. */
    LARGE(48_500, 1.0, 0.35, 156, 0.04, 4);

    private final Scale scale;

    Profile(int families, double presenceScale, double volumeScale, int weeks, double installedBaseShare, int partitions) {
        this.scale = new Scale(name().toLowerCase(Locale.ROOT), families, presenceScale, volumeScale, weeks,
                installedBaseShare, partitions);
    }

    Scale scale() {
        return scale;
    }

    /** History length in ISO weeks. */
    public int weeks() {
        return scale.weeks();
    }

    /** The lower-case name used on the command line and in the summary. */
    public String id() {
        return scale.id();
    }
}
