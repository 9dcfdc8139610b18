package com.sparecast.models.inventory;

import java.io.Serializable;
import java.util.Arrays;

/**
 * How one line's expected filled demand grows with its stock: the upper concave hull of the
 * points (weight &times; expected on hand, expected filled demand per review period) over its
 * candidate levels, from {@link FillRateAllocation#curve}. Along the hull the marginal filled
 * demand per unit of weighted stock (the slope) falls, so a class-wide multiplier picks one
 * vertex per line.
 *
 * @param demand expected demand per review period, {@code E[D_R]}
 * @param weight holding weight per unit of stock (1 to count units, the unit cost to count value)
 * @param levels band starts of the hull vertices, increasing (see {@link OrderUpToPolicy})
 * @param filled expected demand filled from stock per review period at each vertex
 * @param onHand expected on hand at each vertex
 */
public record ResponseCurve(double demand, double weight, long[] levels, double[] filled, double[] onHand)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public ResponseCurve {
        if (levels.length == 0 || levels.length != filled.length || levels.length != onHand.length) {
            throw new IllegalArgumentException("a curve needs at least one vertex and arrays of equal length, got "
                    + levels.length + ", " + filled.length + ", " + onHand.length);
        }
        levels = levels.clone();
        filled = filled.clone();
        onHand = onHand.clone();
    }

    @Override
    public long[] levels() {
        return levels.clone();
    }

    @Override
    public double[] filled() {
        return filled.clone();
    }

    @Override
    public double[] onHand() {
        return onHand.clone();
    }

    /** Number of segments (vertices minus one). */
    public int segments() {
        return levels.length - 1;
    }

    /** Slope of segment {@code k} (from vertex {@code k} to {@code k + 1}): filled gained per weighted unit. */
    public double slope(int k) {
        double cost = weight * (onHand[k + 1] - onHand[k]);
        double gain = filled[k + 1] - filled[k];
        return cost > 0 ? gain / cost : Double.POSITIVE_INFINITY;
    }

    /** Filled demand gained along segment {@code k}. */
    public double gain(int k) {
        return filled[k + 1] - filled[k];
    }

    /** The vertex chosen at {@code multiplier}: the last one reached through segments of slope &gt;= it. */
    public int vertexAt(double multiplier) {
        int k = 0;
        while (k < segments() && slope(k) >= multiplier) {
            k++;
        }
        return k;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseCurve c && demand == c.demand && weight == c.weight
                && Arrays.equals(levels, c.levels) && Arrays.equals(filled, c.filled) && Arrays.equals(onHand, c.onHand);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(levels) * 31 + Arrays.hashCode(filled);
    }

    @Override
    public String toString() {
        return "ResponseCurve[demand=" + demand + ", weight=" + weight + ", levels=" + Arrays.toString(levels) + "]";
    }
}
