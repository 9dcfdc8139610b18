package com.sparecast.models.forecast;

/** Argument checks shared by the methods. */
final class Series {

    private Series() {
    }

    static void requireValid(double[] y) {
        if (y == null || y.length == 0) {
            throw new IllegalArgumentException("Demand series is empty");
        }
        for (int t = 0; t < y.length; t++) {
            if (!(y[t] >= 0) || Double.isInfinite(y[t])) {
                throw new IllegalArgumentException("Demand must be finite and >= 0, got " + y[t] + " at period " + t);
            }
        }
    }
}
