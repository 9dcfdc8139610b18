package com.sparecast.jobs.input;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.Locale;

/** The bucket of a demand history: ISO weeks starting Monday, or calendar months. */
public enum Frequency {
    WEEK(52),
    MONTH(12);

    private final int periodsPerYear;

    Frequency(int periodsPerYear) {
        this.periodsPerYear = periodsPerYear;
    }

    /** Parses {@code week} or {@code month} (any case; also {@code weekly}, {@code w}, {@code monthly}, {@code m}). */
    public static Frequency parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "week", "weekly", "w" -> WEEK;
            case "month", "monthly", "m" -> MONTH;
            default -> throw new IllegalArgumentException("frequency must be week or month, got '" + text + "'");
        };
    }

    /**
     * The frequency of a set of periods: months when every period is the first of a month and
     * not every one is a Monday, weeks otherwise.
     */
    public static Frequency infer(Collection<LocalDate> periods) {
        boolean allFirst = true;
        boolean allMonday = true;
        for (LocalDate d : periods) {
            allFirst &= d.getDayOfMonth() == 1;
            allMonday &= d.getDayOfWeek() == DayOfWeek.MONDAY;
        }
        return allFirst && !allMonday ? MONTH : WEEK;
    }

    /** Buckets in a year: 52 weeks or 12 months. */
    public int periodsPerYear() {
        return periodsPerYear;
    }

    /** The first day of the bucket that holds {@code date}. */
    public LocalDate bucketOf(LocalDate date) {
        return this == WEEK ? date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : date.withDayOfMonth(1);
    }

    /** Whether {@code date} is the first day of a bucket: a Monday, or the first of a month. */
    public boolean isBucketStart(LocalDate date) {
        return bucketOf(date).equals(date);
    }

    /** Number of buckets from {@code from} to {@code to} (both bucket starts). */
    public int between(LocalDate from, LocalDate to) {
        return (int) (this == WEEK ? ChronoUnit.WEEKS.between(from, to) : ChronoUnit.MONTHS.between(from, to));
    }

    /** The bucket start {@code steps} buckets after {@code start}. */
    public LocalDate plus(LocalDate start, int steps) {
        return this == WEEK ? start.plusWeeks(steps) : start.plusMonths(steps);
    }

    /** Name as users write it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
