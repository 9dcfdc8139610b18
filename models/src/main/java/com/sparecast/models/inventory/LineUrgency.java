package com.sparecast.models.inventory;

import com.sparecast.models.distribution.DemandDistribution;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * How urgent a plan line is, in the units a planner ranks a queue by: the demand expected to go
 * unfilled, the weeks the position covers and the day the stock on hand runs out. All three are
 * read at the line's mean demand and its distribution over lead time plus review period; none
 * changes the plan.
 */
public final class LineUrgency {

    private static final double DAYS_PER_WEEK = 7;

    private LineUrgency() {
    }

    /**
     * Units of demand expected to go unfilled over the coming lead time plus review period when
     * nothing more is ordered: {@code E[(D_{L+R} - IP)+]}, the first-order loss of {@code D_{L+R}}
     * at the inventory position {@code IP} before the line's order (on hand + on order + expected
     * returns). A position at or below zero leaves all of {@code E[D_{L+R}]} (and more) at risk.
     */
    public static double unfilledUnits(DemandDistribution protectionDemand, double inventoryPosition) {
        return Math.max(0, protectionDemand.expectedShortage(inventoryPosition));
    }

    /**
     * Weeks the inventory position covers at the mean weekly demand, {@code IP / mu}; empty when
     * the mean demand is zero (no demand, no cover to speak of).
     */
    public static OptionalDouble weeksOfCover(double inventoryPosition, double meanPerWeek) {
        return meanPerWeek > 0 ? OptionalDouble.of(inventoryPosition / meanPerWeek) : OptionalDouble.empty();
    }

    /**
     * Days from the planning date until the stock on hand runs out at the mean weekly demand,
     * {@code floor(7 * onHand / mu)} (0: it is out already), or empty when the mean demand is zero
     * or the day falls beyond {@code horizonWeeks} weeks.
     */
    public static OptionalLong daysUntilStockOut(double onHand, double meanPerWeek, int horizonWeeks) {
        if (!(meanPerWeek > 0)) {
            return OptionalLong.empty();
        }
        double days = Math.floor(DAYS_PER_WEEK * Math.max(0, onHand) / meanPerWeek);
        return days <= DAYS_PER_WEEK * horizonWeeks ? OptionalLong.of((long) days) : OptionalLong.empty();
    }

    /**
     * Weeks before a line runs out, as the queue ranks it and transfers serve it: the smaller of its
     * weeks of cover and the weeks from {@code planningDate} to its stock-out date; null when both
     * are unknown.
     */
    public static Double weeksLeft(Double weeksOfCover, LocalDate stockoutDate, LocalDate planningDate) {
        Double toStockout = stockoutDate == null ? null : ChronoUnit.DAYS.between(planningDate, stockoutDate) / DAYS_PER_WEEK;
        if (weeksOfCover == null) {
            return toStockout;
        }
        return toStockout == null ? weeksOfCover : Math.min(weeksOfCover, toStockout);
    }
}
