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
 */
record Scale(String id, int families, double presenceScale, double volumeScale, int weeks,
             double installedBaseShare, int partitions) {

    Scale {
        if (families < 70 || weeks < 52 || partitions < 1 || partitions > 9) {
            throw new IllegalArgumentException("scale out of range: " + this);
        }
    }
}
