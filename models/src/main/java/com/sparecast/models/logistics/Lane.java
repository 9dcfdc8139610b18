package com.sparecast.models.logistics;

import com.sparecast.models.trade.Incoterm;
import com.sparecast.models.trade.LineChecks;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A transport lane from {@code master/lanes.csv}, with the countries of its two warehouses.
 *
 * @param originWarehouse the shipping warehouse
 * @param destinationWarehouse the receiving warehouse
 * @param originCountry country of the origin warehouse, ISO 3166-1 alpha-2
 * @param destinationCountry country of the destination warehouse, ISO 3166-1 alpha-2
 * @param mode one of {@link #MODES}
 * @param transitDaysMean mean transit time in days, &gt;= 0
 * @param transitDaysSd its standard deviation, &gt;= 0
 * @param customsDaysMean mean customs clearance time in days, &gt;= 0
 * @param customsDaysSd its standard deviation, &gt;= 0
 * @param incoterm an Incoterms 2020 term, DAP or DDP in practice
 * @param departureWeekdays days a shipment leaves; empty means Monday to Friday
 * @param maxWeightKg largest gross weight of one shipment in kg, or null for unlimited
 */
public record Lane(
        String originWarehouse,
        String destinationWarehouse,
        String originCountry,
        String destinationCountry,
        String mode,
        double transitDaysMean,
        double transitDaysSd,
        double customsDaysMean,
        double customsDaysSd,
        String incoterm,
        Set<DayOfWeek> departureWeekdays,
        Double maxWeightKg) implements Serializable {

    /** The transport modes of {@code lanes.csv}. */
    public static final Set<String> MODES =
            Set.of("ROAD", "RAIL", "SEA", "AIR_CARGO", LineChecks.AIR_PASSENGER);

    private static final Set<DayOfWeek> WORKDAYS = Collections.unmodifiableSet(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    public Lane {
        originWarehouse = required(originWarehouse, "origin warehouse");
        destinationWarehouse = required(destinationWarehouse, "destination warehouse");
        originCountry = required(originCountry, "origin country").toUpperCase(Locale.ROOT);
        destinationCountry = required(destinationCountry, "destination country").toUpperCase(Locale.ROOT);
        mode = required(mode, "mode").toUpperCase(Locale.ROOT);
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("unknown mode '" + mode + "', expected one of " + MODES);
        }
        nonNegative(transitDaysMean, "transit days mean");
        nonNegative(transitDaysSd, "transit days sd");
        nonNegative(customsDaysMean, "customs days mean");
        nonNegative(customsDaysSd, "customs days sd");
        incoterm = Incoterm.parse(incoterm);
        departureWeekdays = departureWeekdays == null || departureWeekdays.isEmpty()
                ? WORKDAYS : Collections.unmodifiableSet(EnumSet.copyOf(departureWeekdays));
        if (maxWeightKg != null && (!(maxWeightKg > 0) || maxWeightKg.isInfinite())) {
            throw new IllegalArgumentException("max weight must be finite and > 0, got " + maxWeightKg);
        }
    }

    /**
     * The days of {@code departure_weekdays}: a {@code ;}-separated list of {@code MON..SUN}
     * (case-insensitive, full names accepted too). Blank or null means Monday to Friday.
     *
     * @throws IllegalArgumentException naming a token that is not a day
     */
    public static Set<DayOfWeek> parseWeekdays(String text) {
        if (text == null || text.isBlank()) {
            return WORKDAYS;
        }
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String token : text.split(";")) {
            String t = token.trim().toUpperCase(Locale.ROOT);
            if (t.isEmpty()) {
                continue;
            }
            DayOfWeek match = null;
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d.name().equals(t) || d.name().substring(0, 3).equals(t)) {
                    match = d;
                }
            }
            if (match == null) {
                throw new IllegalArgumentException("'" + token.trim() + "' in departure_weekdays '" + text
                        + "' is not a weekday (MON..SUN)");
            }
            days.add(match);
        }
        return days.isEmpty() ? WORKDAYS : Collections.unmodifiableSet(days);
    }

    /** The departure days as {@code lanes.csv} writes them: {@code MON;WED;FRI}. */
    public static String formatWeekdays(Set<DayOfWeek> days) {
        StringJoiner j = new StringJoiner(";");
        EnumSet.copyOf(days).forEach(d -> j.add(d.name().substring(0, 3)));
        return j.toString();
    }

    /** True when the two warehouses are in different countries. */
    public boolean crossBorder() {
        return LineChecks.crossBorder(originCountry, destinationCountry);
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value.trim();
    }

    private static void nonNegative(double value, String what) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be finite and >= 0, got " + value);
        }
    }
}
