package com.sparecast.jobs.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * The calendar of a generated input set: ISO weeks from the history start to the end of the
 * ground-truth horizon, day indices from the history start, and the warehouses' holidays.
 * Week {@code weeks} is the first full week after the planning date.
 */
final class Timeline {

    /** History length in ISO weeks, the last one partial when the planning date is not a Monday. */
    final int weeks;
    /** The planning date: the history ends the day before. */
    final LocalDate end;
    /** Monday of the first history week. */
    final LocalDate start;
    /** Days of history: day indices {@code 0 .. historyDays - 1} are before the planning date. */
    final int historyDays;
    final String[] dayText;
    final int[] dayYear;
    final List<Holidays.Holiday> holidays;
    /** Per region, per day: the regional warehouse's country has a public holiday. */
    final boolean[][] warehouseHoliday;

    Timeline(int weeks, LocalDate end) {
        this.weeks = weeks;
        this.end = end;
        LocalDate lastDay = end.minusDays(1);
        LocalDate lastMonday = lastDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        this.start = lastMonday.minusWeeks(weeks - 1L);
        this.historyDays = (int) ChronoUnit.DAYS.between(start, end);
        int totalDays = (weeks + InputSetGenerator.HORIZON + 1) * 7;
        this.dayText = new String[totalDays];
        this.dayYear = new int[totalDays];
        for (int d = 0; d < totalDays; d++) {
            LocalDate date = start.plusDays(d);
            dayText[d] = date.toString();
            dayYear[d] = date.getYear();
        }
        this.holidays = Holidays.between(start, end.plusMonths(3));
        this.warehouseHoliday = new boolean[World.REGIONS.size()][totalDays];
        for (Holidays.Holiday h : holidays) {
            int d = (int) ChronoUnit.DAYS.between(start, h.date());
            if (d < 0 || d >= totalDays) {
                continue;
            }
            for (int r = 0; r < World.REGIONS.size(); r++) {
                if (World.REGIONS.get(r).warehouseCountry().equals(h.country())) {
                    warehouseHoliday[r][d] = true;
                }
            }
        }
    }

    /** The last day of history. */
    LocalDate historyEnd() {
        return end.minusDays(1);
    }

    /** Fraction of the year at each week's Monday, for seasonality. */
    double[] yearFractionByWeek() {
        double[] yearFraction = new double[weeks + InputSetGenerator.HORIZON + 1];
        for (int w = 0; w < yearFraction.length; w++) {
            yearFraction[w] = (start.plusWeeks(w).getDayOfYear() - 1) / 365.25;
        }
        return yearFraction;
    }
}
