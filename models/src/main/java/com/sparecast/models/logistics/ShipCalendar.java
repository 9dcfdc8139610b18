package com.sparecast.models.logistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Ship dates and arrival dates of a lane.
 */
public final class ShipCalendar {

    /** How far ahead a departure is searched for before giving up. */
    public static final int SEARCH_DAYS = 366;

    private ShipCalendar() {
    }

    /**
     * The first date on or after {@code earliest} that is one of the lane's departure weekdays
     * and not a holiday in the origin country.
     *
     * @throws IllegalArgumentException when no such date exists within {@link #SEARCH_DAYS} days
     */
    public static LocalDate nextDeparture(LocalDate earliest, Set<DayOfWeek> departureWeekdays,
                                          Set<LocalDate> originHolidays) {
        LocalDate d = earliest;
        for (int i = 0; i < SEARCH_DAYS; i++, d = d.plusDays(1)) {
            if (departureWeekdays.contains(d.getDayOfWeek()) && !originHolidays.contains(d)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no departure on " + departureWeekdays + " within "
                + SEARCH_DAYS + " days of " + earliest);
    }

    /**
     * The ship date plus transit plus customs clearance, in calendar days, the sum of the two
     * means rounded up to whole days (2.5 + 1.2 = 3.7 days arrives on the 4th day). The sum is
     * taken in decimal, so 2.1 + 0.9 is exactly 3.
     */
    public static LocalDate expectedArrival(LocalDate shipDate, double transitDays, double customsDays) {
        long days = BigDecimal.valueOf(transitDays).add(BigDecimal.valueOf(customsDays))
                .setScale(0, RoundingMode.CEILING).longValueExact();
        return shipDate.plusDays(days);
    }
}
