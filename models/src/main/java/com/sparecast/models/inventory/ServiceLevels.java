package com.sparecast.models.inventory;

import java.io.Serializable;

/**
 * Target fill rate per ABC class, as in {@code master/service_levels.csv}.
 *
 * @param a target for class A, in (0, 1)
 * @param b target for class B, in (0, 1)
 * @param c target for class C, in (0, 1)
 */
public record ServiceLevels(double a, double b, double c) implements Serializable {

    private static final long serialVersionUID = 1L;

    public ServiceLevels {
        check("A", a);
        check("B", b);
        check("C", c);
    }

    /** A 0.98, B 0.95, C 0.90. */
    public static ServiceLevels withDefaults() {
        return new ServiceLevels(0.98, 0.95, 0.90);
    }

    /**
     * From the rows of {@code service_levels.csv} (class to target fill rate).
     *
     * @throws IllegalArgumentException if a class is missing or a target is not in (0, 1)
     */
    public static ServiceLevels of(java.util.Map<AbcClass, Double> byClass) {
        for (AbcClass c : AbcClass.values()) {
            if (byClass.get(c) == null) {
                throw new IllegalArgumentException("service levels need a target for class " + c + ", got " + byClass);
            }
        }
        return new ServiceLevels(byClass.get(AbcClass.A), byClass.get(AbcClass.B), byClass.get(AbcClass.C));
    }

    /** The target fill rate of {@code abc}. */
    public double targetFor(AbcClass abc) {
        return switch (abc) {
            case A -> a;
            case B -> b;
            case C -> c;
        };
    }

    private static void check(String cls, double v) {
        if (!(v > 0 && v < 1)) {
            throw new IllegalArgumentException("target fill rate of class " + cls + " must be in (0, 1), got " + v);
        }
    }
}
