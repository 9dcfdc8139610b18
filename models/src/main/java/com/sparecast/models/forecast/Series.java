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

    static void requireUnitInterval(String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1], got " + value);
        }
    }

    static boolean allZero(double[] y) {
        for (double v : y) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    static double[] nanArray(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }
}
