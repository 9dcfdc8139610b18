package com.sparecast.models.logistics;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ShipCalendarTest {

    // 2026-11-23 is a Monday
    private static final LocalDate MON = LocalDate.of(2026, 11, 23);

    @Test
    void firstDepartureWeekdayOnOrAfterTheEarliestDate() {
        Set<DayOfWeek> wedFri = Lane.parseWeekdays("WED;FRI");
        assertEquals(LocalDate.of(2026, 11, 25), ShipCalendar.nextDeparture(MON, wedFri, Set.of()));
        assertEquals(MON, ShipCalendar.nextDeparture(MON, Lane.parseWeekdays(""), Set.of()));
        // Saturday 28th with Mon-Fri departures: Monday 30th
        assertEquals(LocalDate.of(2026, 11, 30),
                ShipCalendar.nextDeparture(LocalDate.of(2026, 11, 28), Lane.parseWeekdays(null), Set.of()));
    }

    @Test
    void holidaysInTheOriginCountryAreSkipped() {
        // Wednesday 25th is a holiday: next departure Friday 27th
        assertEquals(LocalDate.of(2026, 11, 27), ShipCalendar.nextDeparture(MON, Lane.parseWeekdays("WED;FRI"),
                Set.of(LocalDate.of(2026, 11, 25))));
    }

    @Test
    void noDepartureWithinAYearThrows() {
        Set<LocalDate> everyMonday = new java.util.HashSet<>();
        for (int i = 0; i < 60; i++) {
            everyMonday.add(MON.plusWeeks(i));
        }
        assertThrows(IllegalArgumentException.class,
                () -> ShipCalendar.nextDeparture(MON, EnumSet.of(DayOfWeek.MONDAY), everyMonday));
    }

    @Test
    void arrivalIsShipDatePlusTransitPlusCustomsRoundedUp() {
        // 2.5 + 1.2 = 3.7 days -> 4 days: Friday 27th
        assertEquals(LocalDate.of(2026, 11, 27), ShipCalendar.expectedArrival(MON, 2.5, 1.2));
        // 2.1 + 0.9 = 3.0 exactly (decimal sum, no 3.0000000000000004) -> Thursday 26th
        assertEquals(LocalDate.of(2026, 11, 26), ShipCalendar.expectedArrival(MON, 2.1, 0.9));
        assertEquals(MON, ShipCalendar.expectedArrival(MON, 0, 0));
    }

    @Test
    void aDepartureWeekdayOnAWeekendIsNotAWorkingDay() {
        // a lane that departs on Saturday and Tuesday leaves on Tuesday 24th, never on Saturday 28th
        assertEquals(LocalDate.of(2026, 11, 24), ShipCalendar.nextDeparture(MON, Lane.parseWeekdays("SAT;TUE"), Set.of()));
        assertEquals(LocalDate.of(2026, 12, 1),
                ShipCalendar.nextDeparture(LocalDate.of(2026, 11, 25), Lane.parseWeekdays("SAT;TUE"), Set.of()));
    }

    @Test
    void arrivalFallsOnAWorkingDayOfTheDestination() {
        Set<LocalDate> nl = Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28));
        // Monday 21 Dec + 4 days = Friday 25th, a holiday; Sat, Sun; Monday 28th a holiday too: Tuesday 29th
        assertEquals(LocalDate.of(2026, 12, 29), ShipCalendar.expectedArrival(LocalDate.of(2026, 12, 21), 3.5, 0.5, nl));
        // MON + 5 days = Saturday 28th: Monday 30th
        assertEquals(LocalDate.of(2026, 11, 30), ShipCalendar.expectedArrival(MON, 4.2, 0.8, Set.of()));
        // a working day stays
        assertEquals(LocalDate.of(2026, 11, 27), ShipCalendar.expectedArrival(MON, 2.5, 1.2, nl));
        // a supplier order of 35 days from Friday 20 Nov: Friday 25 Dec, a holiday: Monday 28th is one too: 29th
        assertEquals(LocalDate.of(2026, 12, 29), ShipCalendar.arrivalAfter(LocalDate.of(2026, 11, 20), 35, nl));
        assertEquals(true, ShipCalendar.isWorkingDay(MON, nl));
        assertEquals(false, ShipCalendar.isWorkingDay(LocalDate.of(2026, 11, 29), Set.of()));
    }

    @Test
    void holidayCalendarByCountry() {
        HolidayCalendar c = HolidayCalendar.empty().with("nl", LocalDate.of(2026, 12, 25)).with("NL", LocalDate.of(2026, 12, 26));
        assertEquals(Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26)), c.holidaysOf("NL"));
        assertEquals(Set.of(), c.holidaysOf("DE"));
    }
}
