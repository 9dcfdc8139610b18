package com.sparecast.jobs.generate;

/**
 * The knobs behind a {@link Profile}; package-private so tests can generate small sets with
 * the shape of a large one (several partitions, short history).
 *
 * @param id                 the profile name written to the summary
 * @param families           parts before supersession (each chain adds one or two successor parts)
 * @param presenceScale      multiplies each region's probability that a part sells there
 * @param volumeScale        multiplies every series' mean weekly demand
 * @param weeks              history length in ISO weeks, the last one possibly partial
 * @param installedBaseShare share of part families with rows in {@code installed_base.csv}
 * @param partitions         event files per feed and year, written in parallel
 *                           ({@code shipments-2025-p1.csv} ...); fixed, so bytes do not depend on cores
 * @param eventCopies        each drawn order line (with its failure and return) is written this many
 *                           times, so the same series carry this many times the rows and demand
 */
record Scale(String id, int families, double presenceScale, double volumeScale, int weeks,
             double installedBaseShare, int partitions, int eventCopies) {

    Scale {
        if (families < 70 || weeks < 52 || partitions < 1 || partitions > 9 || eventCopies < 1 || eventCopies > 8) {
            throw new IllegalArgumentException("scale out of range: " + this);
        }
    }

    Scale(String id, int families, double presenceScale, double volumeScale, int weeks, double installedBaseShare,
          int partitions) {
        this(id, families, presenceScale, volumeScale, weeks, installedBaseShare, partitions, 1);
    }

    /**
     * This scale with {@code copies} times the events over the same series: every order line,
     * failure and return the generator draws is written {@code copies} times (new ids), so each
     * series' demand is {@code copies} times as large with the same occurrences and shape (its
     * demand class does not change), and the ground truth is scaled with it. Benchmarks use it to
     * grow the rows and nothing else. Named {@code <id>-x<copies>} unless {@code copies} is 1.
     */
    Scale withEventCopies(int copies) {
        return copies == 1 ? this : new Scale(id + "-x" + copies, families, presenceScale, volumeScale, weeks,
                installedBaseShare, partitions, eventCopies * copies);
    }
}
