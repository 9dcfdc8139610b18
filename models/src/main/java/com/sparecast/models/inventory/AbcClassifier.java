package com.sparecast.models.inventory;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ABC classes by cumulative share of annual demand value (Pareto analysis; Silver, Pyke &amp;
 * Thomas, 2017).
 *
 * <p>Items are sorted by value, largest first (ties by key, so the result does not depend on
 * input order); an item is A while the cumulative share <em>before</em> it is below the A
 * cut-off, B while it is below the B cut-off, C otherwise. So the item that crosses a cut-off
 * belongs to the higher class, and any demand at all makes at least one A item. Items with
 * zero value are always C. Defaults: 80% and 95%.
 *
 * <p>Immutable and thread-safe.
 */
public final class AbcClassifier implements Serializable {

    private static final long serialVersionUID = 1L;

    private final double aCutoff;
    private final double bCutoff;

    private AbcClassifier(double aCutoff, double bCutoff) {
        if (!(aCutoff > 0 && aCutoff <= bCutoff && bCutoff <= 1)) {
            throw new IllegalArgumentException("cut-offs must satisfy 0 < A <= B <= 1, got A " + aCutoff
                    + ", B " + bCutoff);
        }
        this.aCutoff = aCutoff;
        this.bCutoff = bCutoff;
    }

    /** Cut-offs 0.80 and 0.95 of cumulative value. */
    public static AbcClassifier withDefaults() {
        return new AbcClassifier(0.80, 0.95);
    }

    /** The given cut-offs, shares in (0, 1] with {@code a <= b}. */
    public static AbcClassifier of(double aCutoff, double bCutoff) {
        return new AbcClassifier(aCutoff, bCutoff);
    }

    /**
     * The class of every key from its annual demand value (demand times unit cost).
     *
     * @return a map in value order, largest first
     * @throws IllegalArgumentException if a value is negative or not finite
     */
    public <K extends Comparable<? super K>> Map<K, AbcClass> classify(Map<K, Double> annualValue) {
        List<Map.Entry<K, Double>> items = new ArrayList<>(annualValue.entrySet());
        double total = 0;
        for (Map.Entry<K, Double> e : items) {
            double v = e.getValue();
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("annual value of " + e.getKey() + " must be finite and >= 0, got " + v);
            }
            total += v;
        }
        items.sort(Comparator.<Map.Entry<K, Double>>comparingDouble(Map.Entry::getValue).reversed()
                .thenComparing(Map.Entry::getKey));
        Map<K, AbcClass> out = new LinkedHashMap<>();
        double before = 0;
        for (Map.Entry<K, Double> e : items) {
            double share = total > 0 ? before / total : 1;
            AbcClass c;
            if (e.getValue() <= 0) {
                c = AbcClass.C;
            } else if (share < aCutoff) {
                c = AbcClass.A;
            } else if (share < bCutoff) {
                c = AbcClass.B;
            } else {
                c = AbcClass.C;
            }
            out.put(e.getKey(), c);
            before += e.getValue();
        }
        return out;
    }
}
