package com.sparecast.models.inventory;

import java.io.Serializable;

/**
 * Refurbishable returns as supply: of the units returned in condition REFURBISHABLE, a share
 * {@code yield} becomes serviceable stock {@code delayPeriods} after it is received.
 *
 * <p>Expected supply within a lead time of {@code L} periods, from units already received and
 * still in refurbishment ({@code inRefurbishment}, all of which finish within the delay) and
 * from a returns forecast of {@code r} units per period:
 * <pre>  yield * (inRefurbishment + r * max(0, L - delay))</pre>
 * counted in the inventory position (it lowers what is ordered). Units in refurbishment are
 * counted only when the delay itself fits in the lead time, since they finish at the latest
 * {@code delay} periods from now.
 *
 * @param yield share of refurbishable returns that become serviceable, in [0, 1]
 * @param delayPeriods refurbishment delay in planning periods, &gt;= 0
 */
public record RefurbishedReturns(double yield, double delayPeriods) implements Serializable {

    private static final long serialVersionUID = 1L;

    public RefurbishedReturns {
        if (!(yield >= 0 && yield <= 1)) {
            throw new IllegalArgumentException("refurbishment yield must be in [0, 1], got " + yield);
        }
        if (!(delayPeriods >= 0) || Double.isInfinite(delayPeriods)) {
            throw new IllegalArgumentException("refurbishment delay must be finite and >= 0, got " + delayPeriods);
        }
    }

    /**
     * Expected serviceable units from returns within {@code leadTimePeriods}.
     *
     * @param returnsPerPeriod forecast of refurbishable returns per period, &gt;= 0
     * @param leadTimePeriods the lead time (mean) in periods, &gt;= 0
     * @param inRefurbishment units received and still being refurbished, &gt;= 0
     */
    public double expectedWithin(double returnsPerPeriod, double leadTimePeriods, double inRefurbishment) {
        if (!(returnsPerPeriod >= 0) || !(leadTimePeriods >= 0) || !(inRefurbishment >= 0)
                || Double.isInfinite(returnsPerPeriod + leadTimePeriods + inRefurbishment)) {
            throw new IllegalArgumentException("returns, lead time and units in refurbishment must be finite and >= 0, got "
                    + returnsPerPeriod + ", " + leadTimePeriods + ", " + inRefurbishment);
        }
        double future = returnsPerPeriod * Math.max(0, leadTimePeriods - delayPeriods);
        double pipeline = leadTimePeriods >= delayPeriods ? inRefurbishment : 0;
        return yield * (future + pipeline);
    }

    /** Expected serviceable units from future returns only (nothing in refurbishment now). */
    public double expectedWithin(double returnsPerPeriod, double leadTimePeriods) {
        return expectedWithin(returnsPerPeriod, leadTimePeriods, 0);
    }
}
