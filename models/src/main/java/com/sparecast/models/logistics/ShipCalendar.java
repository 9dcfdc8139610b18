package com.sparecast.models.logistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Ship dates and arrival dates of a lane, on one calendar rule: a working day of a country is a
 * Monday to Friday that is not one of its holidays ({@code master/holidays.csv}). A shipment leaves
 * on a working day of the origin and is expected on a working day of the destination.
 */
public final class ShipCalendar {

    /** How far ahead a departure is searched for before giving up. */
    public static final int SEARCH_DAYS = 366;

    private ShipCalendar() {
    }

    /** Whether {@code date} is a working day: Monday to Friday and not one of {@code holidays}. */
    public static boolean isWorkingDay(LocalDate date, Set<LocalDate> holidays) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    /**
     * The first working day on or after {@code date} ({@link #isWorkingDay}).
     *
     * @throws IllegalArgumentException when there is none within {@link #SEARCH_DAYS} days
     */
    public static LocalDate nextWorkingDay(LocalDate date, Set<LocalDate> holidays) {
        LocalDate d = date;
        for (int i = 0; i < SEARCH_DAYS; i++, d = d.plusDays(1)) {
            if (isWorkingDay(d, holidays)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no working day within " + SEARCH_DAYS + " days of " + date);
    }

    /**
     * The first date on or after {@code earliest} that is one of the lane's departure weekdays
     * and a working day of the origin country ({@link #isWorkingDay}: a departure weekday on a
     * Saturday or Sunday is never used).
     *
     * @throws IllegalArgumentException when no such date exists within {@link #SEARCH_DAYS} days
     */
    public static LocalDate nextDeparture(LocalDate earliest, Set<DayOfWeek> departureWeekdays,
                                          Set<LocalDate> originHolidays) {
        LocalDate d = earliest;
        for (int i = 0; i < SEARCH_DAYS; i++, d = d.plusDays(1)) {
            if (departureWeekdays.contains(d.getDayOfWeek()) && isWorkingDay(d, originHolidays)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no departure on " + departureWeekdays + " within "
                + SEARCH_DAYS + " days of " + earliest);
    }

    /**
     * The day a shipment is expected: {@link #expectedArrival(LocalDate, double, double)}, moved on
     * to the destination's next working day ({@link #nextWorkingDay}).
     */
    public static LocalDate expectedArrival(LocalDate shipDate, double transitDays, double customsDays,
                                            Set<LocalDate> destinationHolidays) {
        return nextWorkingDay(expectedArrival(shipDate, transitDays, customsDays), destinationHolidays);
    }

    /**
     * The day an order is expected after a lead time of {@code leadTimeDays} days from
     * {@code orderDate} (rounded up to whole days), on the destination's next working day.
     */
    public static LocalDate arrivalAfter(LocalDate orderDate, double leadTimeDays, Set<LocalDate> destinationHolidays) {
        return expectedArrival(orderDate, leadTimeDays, 0, destinationHolidays);
    }

    /**
     * The ship date plus transit plus customs clearance, in calendar days (any day of the week), the sum of the two
     * means rounded up to whole days (2.5 + 1.2 = 3.7 days arrives on the 4th day). The sum is
     * taken in decimal, so 2.1 + 0.9 is exactly 3.
     */
    public static LocalDate expectedArrival(LocalDate shipDate, double transitDays, double customsDays) {
        long days = BigDecimal.valueOf(transitDays).add(BigDecimal.valueOf(customsDays))
                .setScale(0, RoundingMode.CEILING).longValueExact();
        return shipDate.plusDays(days);
    }
}
