package com.sparecast.models.logistics;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Public holidays per country, from {@code master/holidays.csv}; no shipment leaves on one.
 *
 * @param byCountry holiday dates by ISO 3166-1 alpha-2 country code
 */
public record HolidayCalendar(Map<String, Set<LocalDate>> byCountry) implements Serializable {

    public HolidayCalendar {
        TreeMap<String, Set<LocalDate>> copy = new TreeMap<>();
        if (byCountry != null) {
            byCountry.forEach((country, dates) -> copy.merge(country.trim().toUpperCase(Locale.ROOT),
                    Collections.unmodifiableSet(new TreeSet<>(dates)), (a, b) -> {
                        TreeSet<LocalDate> both = new TreeSet<>(a);
                        both.addAll(b);
                        return Collections.unmodifiableSet(both);
                    }));
        }
        byCountry = Collections.unmodifiableMap(copy);
    }

    /** A calendar without holidays. */
    public static HolidayCalendar empty() {
        return new HolidayCalendar(Map.of());
    }

    /** The holidays of a country; empty when it has none. */
    public Set<LocalDate> holidaysOf(String country) {
        return byCountry.getOrDefault(country.trim().toUpperCase(Locale.ROOT), Set.of());
    }

    /** This calendar with one more holiday. */
    public HolidayCalendar with(String country, LocalDate date) {
        TreeMap<String, Set<LocalDate>> copy = new TreeMap<>(byCountry);
        copy.merge(country.trim().toUpperCase(Locale.ROOT), Set.of(date), (a, b) -> {
            TreeSet<LocalDate> both = new TreeSet<>(a);
            both.addAll(b);
            return both;
        });
        return new HolidayCalendar(copy);
    }
}
