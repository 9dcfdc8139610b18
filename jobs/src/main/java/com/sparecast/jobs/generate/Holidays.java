package com.sparecast.jobs.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Public holidays of the warehouse countries, computed from their rules (fixed dates, Easter,
 * n-th weekday of a month). Real-ish: regional holidays and most substitute-day rules are left out.
 */
final class Holidays {

    /** The countries whose warehouses ship: the central one and one per region. */
    static final String[] COUNTRIES = {"BR", "DE", "GB", "JP", "NL", "SE", "US"};

    record Holiday(String country, LocalDate date, String name) {
    }

    private Holidays() {
    }

    /** All holidays of {@link #COUNTRIES} between the two dates inclusive, by country then date. */
    static List<Holiday> between(LocalDate from, LocalDate to) {
        List<Holiday> all = new ArrayList<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            for (String country : COUNTRIES) {
                for (Holiday h : of(country, year)) {
                    if (!h.date().isBefore(from) && !h.date().isAfter(to)) {
                        all.add(h);
                    }
                }
            }
        }
        all.sort(Comparator.comparing(Holiday::country).thenComparing(Holiday::date).thenComparing(Holiday::name));
        return all;
    }

    static List<Holiday> of(String c, int y) {
        List<Holiday> h = new ArrayList<>();
        LocalDate easter = easter(y);
        switch (c) {
            case "NL" -> {
                add(h, c, y, 1, 1, "New Year's Day");
                h.add(new Holiday(c, easter.minusDays(2), "Good Friday"));
                h.add(new Holiday(c, easter.plusDays(1), "Easter Monday"));
                LocalDate kings = LocalDate.of(y, 4, 27);
                h.add(new Holiday(c, kings.getDayOfWeek() == DayOfWeek.SUNDAY ? kings.minusDays(1) : kings, "King's Day"));
                h.add(new Holiday(c, easter.plusDays(39), "Ascension Day"));
                h.add(new Holiday(c, easter.plusDays(50), "Whit Monday"));
                add(h, c, y, 12, 25, "Christmas Day");
                add(h, c, y, 12, 26, "Second Day of Christmas");
            }
            case "DE" -> {
                add(h, c, y, 1, 1, "Neujahr");
                h.add(new Holiday(c, easter.minusDays(2), "Karfreitag"));
                h.add(new Holiday(c, easter.plusDays(1), "Ostermontag"));
                add(h, c, y, 5, 1, "Tag der Arbeit");
                h.add(new Holiday(c, easter.plusDays(39), "Christi Himmelfahrt"));
                h.add(new Holiday(c, easter.plusDays(50), "Pfingstmontag"));
                add(h, c, y, 10, 3, "Tag der Deutschen Einheit");
                add(h, c, y, 12, 25, "Erster Weihnachtstag");
                add(h, c, y, 12, 26, "Zweiter Weihnachtstag");
            }
            case "SE" -> {
                add(h, c, y, 1, 1, "Nyårsdagen");
                add(h, c, y, 1, 6, "Trettondedag jul");
                h.add(new Holiday(c, easter.minusDays(2), "Långfredagen"));
                h.add(new Holiday(c, easter.plusDays(1), "Annandag påsk"));
                add(h, c, y, 5, 1, "Första maj");
                h.add(new Holiday(c, easter.plusDays(39), "Kristi himmelsfärdsdag"));
                add(h, c, y, 6, 6, "Sveriges nationaldag");
                h.add(new Holiday(c, LocalDate.of(y, 6, 19).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY)), "Midsommarafton"));
                add(h, c, y, 12, 24, "Julafton");
                add(h, c, y, 12, 25, "Juldagen");
                add(h, c, y, 12, 26, "Annandag jul");
                add(h, c, y, 12, 31, "Nyårsafton");
            }
            case "GB" -> {
                h.add(new Holiday(c, weekdayOrNext(LocalDate.of(y, 1, 1)), "New Year's Day"));
                h.add(new Holiday(c, easter.minusDays(2), "Good Friday"));
                h.add(new Holiday(c, easter.plusDays(1), "Easter Monday"));
                h.add(new Holiday(c, nth(y, 5, DayOfWeek.MONDAY, 1), "Early May bank holiday"));
                h.add(new Holiday(c, last(y, 5, DayOfWeek.MONDAY), "Spring bank holiday"));
                h.add(new Holiday(c, last(y, 8, DayOfWeek.MONDAY), "Summer bank holiday"));
                LocalDate christmas = weekdayOrNext(LocalDate.of(y, 12, 25));
                h.add(new Holiday(c, christmas, "Christmas Day"));
                h.add(new Holiday(c, weekdayOrNext(christmas.plusDays(1)), "Boxing Day"));
            }
            case "US" -> {
                add(h, c, y, 1, 1, "New Year's Day");
                h.add(new Holiday(c, nth(y, 1, DayOfWeek.MONDAY, 3), "Martin Luther King Jr. Day"));
                h.add(new Holiday(c, nth(y, 2, DayOfWeek.MONDAY, 3), "Washington's Birthday"));
                h.add(new Holiday(c, last(y, 5, DayOfWeek.MONDAY), "Memorial Day"));
                add(h, c, y, 6, 19, "Juneteenth");
                add(h, c, y, 7, 4, "Independence Day");
                h.add(new Holiday(c, nth(y, 9, DayOfWeek.MONDAY, 1), "Labor Day"));
                h.add(new Holiday(c, nth(y, 10, DayOfWeek.MONDAY, 2), "Columbus Day"));
                add(h, c, y, 11, 11, "Veterans Day");
                h.add(new Holiday(c, nth(y, 11, DayOfWeek.THURSDAY, 4), "Thanksgiving Day"));
                add(h, c, y, 12, 25, "Christmas Day");
            }
            case "JP" -> {
                add(h, c, y, 1, 1, "Ganjitsu");
                add(h, c, y, 1, 2, "Bank holiday");
                add(h, c, y, 1, 3, "Bank holiday");
                h.add(new Holiday(c, nth(y, 1, DayOfWeek.MONDAY, 2), "Seijin no Hi"));
                add(h, c, y, 2, 11, "Kenkoku Kinen no Hi");
                add(h, c, y, 2, 23, "Tenno Tanjobi");
                add(h, c, y, 3, 20, "Shunbun no Hi");
                add(h, c, y, 4, 29, "Showa no Hi");
                add(h, c, y, 5, 3, "Kenpo Kinenbi");
                add(h, c, y, 5, 4, "Midori no Hi");
                add(h, c, y, 5, 5, "Kodomo no Hi");
                h.add(new Holiday(c, nth(y, 7, DayOfWeek.MONDAY, 3), "Umi no Hi"));
                add(h, c, y, 8, 11, "Yama no Hi");
                h.add(new Holiday(c, nth(y, 9, DayOfWeek.MONDAY, 3), "Keiro no Hi"));
                add(h, c, y, 9, 23, "Shubun no Hi");
                h.add(new Holiday(c, nth(y, 10, DayOfWeek.MONDAY, 2), "Supotsu no Hi"));
                add(h, c, y, 11, 3, "Bunka no Hi");
                add(h, c, y, 11, 23, "Kinro Kansha no Hi");
                add(h, c, y, 12, 31, "Bank holiday");
            }
            case "BR" -> {
                add(h, c, y, 1, 1, "Confraternização Universal");
                h.add(new Holiday(c, easter.minusDays(48), "Carnaval"));
                h.add(new Holiday(c, easter.minusDays(47), "Carnaval"));
                h.add(new Holiday(c, easter.minusDays(2), "Sexta-feira Santa"));
                add(h, c, y, 4, 21, "Tiradentes");
                add(h, c, y, 5, 1, "Dia do Trabalho");
                h.add(new Holiday(c, easter.plusDays(60), "Corpus Christi"));
                add(h, c, y, 9, 7, "Independência do Brasil");
                add(h, c, y, 10, 12, "Nossa Senhora Aparecida");
                add(h, c, y, 11, 2, "Finados");
                add(h, c, y, 11, 15, "Proclamação da República");
                if (y >= 2024) {
                    add(h, c, y, 11, 20, "Dia da Consciência Negra");
                }
                add(h, c, y, 12, 25, "Natal");
            }
            default -> throw new IllegalArgumentException("no holiday rules for country " + c);
        }
        return h;
    }

    /** Easter Sunday, anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easter(int y) {
        int a = y % 19;
        int b = y / 100;
        int c = y % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(y, month, day);
    }

    private static void add(List<Holiday> h, String country, int year, int month, int day, String name) {
        h.add(new Holiday(country, MonthDay.of(month, day).atYear(year), name));
    }

    private static LocalDate nth(int year, int month, DayOfWeek dow, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
    }

    private static LocalDate last(int year, int month, DayOfWeek dow) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(dow));
    }

    private static LocalDate weekdayOrNext(LocalDate d) {
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }
}
