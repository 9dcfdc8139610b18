package com.sparecast.models.inventory;

import java.io.Serializable;

/**
 * What a policy achieved over a demand path (or, summed with {@link #plus}, over many).
 *
 * @param periods periods measured (after the warm-up), summed over series
 * @param demand total demand in the measured periods
 * @param filledFromStock demand met from stock on hand in the period it arose
 * @param onHandSum sum over measured periods of the period's average on hand (mean of on hand
 *     after receipts and at the end of the period)
 * @param orders orders placed in the measured periods
 * @param unitsOrdered units ordered in the measured periods
 */
public record SimulationResult(long periods, double demand, double filledFromStock, double onHandSum,
                               long orders, double unitsOrdered) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Nothing measured: the identity of {@link #plus}. */
    public static final SimulationResult EMPTY = new SimulationResult(0, 0, 0, 0, 0, 0);

    /** Achieved fill rate: demand met from stock over total demand; {@code NaN} without demand. */
    public double fillRate() {
        return demand > 0 ? filledFromStock / demand : Double.NaN;
    }

    /** Average on hand per period (per series and period, when summed over series). */
    public double averageOnHand() {
        return periods > 0 ? onHandSum / periods : Double.NaN;
    }

    /** Both results together: totals add, so rates become demand- and period-weighted. */
    public SimulationResult plus(SimulationResult other) {
        return new SimulationResult(periods + other.periods, demand + other.demand,
                filledFromStock + other.filledFromStock, onHandSum + other.onHandSum,
                orders + other.orders, unitsOrdered + other.unitsOrdered);
    }
}
