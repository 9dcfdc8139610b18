package com.sparecast.models.distribution;

/** Argument checks shared by the distributions. */
final class Distributions {

    private Distributions() {
    }

    static void requireProbability(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must be in (0, 1), got " + p);
        }
    }
}
