package com.sparecast.jobs.config;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every {@code sparecast.*} key Sparecast knows, with its type and range. {@link #check} runs
 * before anything starts: an unknown key (with the nearest known key suggested) or a value of
 * the wrong type or out of range is a {@link ConfigurationException}, exit code 2.
 *
 * <p>Keys under {@code sparecast.spark.conf.} are passed to Spark as they are; keys under
 * {@code sparecast.trade.} are checked by {@link TradeRulesSettings}. Keys marked "checked by its
 * step" have rules of their own that the nightly run applies at start as well.
 */
public final class SettingKeys {

    /** How a value is checked. */
    private enum Type { TEXT, NONEMPTY, INT, LONG, DOUBLE, BOOLEAN, ZONE, DATE, MEMORY }

    /**
     * One key.
     *
     * @param optional whether an empty value is allowed
     * @param min smallest value (numbers; for dates, epoch day), inclusive
     * @param max largest value, inclusive
     * @param minExclusive whether {@code min} itself is refused
     */
    private record Key(String name, Type type, boolean optional, double min, double max, boolean minExclusive) {
    }

    private static final Map<String, Key> KEYS = new LinkedHashMap<>();
    private static final List<String> PREFIXES = List.of("sparecast.spark.conf.", "sparecast.trade.");
    private static final Pattern MEMORY = Pattern.compile("[0-9]+[kKmMgGtT]?");

    static {
        text("sparecast.zone", Type.ZONE, false);
        text("sparecast.work-dir", Type.NONEMPTY, false);
        text("sparecast.job-repository.url", Type.TEXT, true);
        text("sparecast.job-repository.username", Type.TEXT, true);
        text("sparecast.job-repository.password", Type.TEXT, true);
        text("sparecast.spark.master", Type.NONEMPTY, false);
        number("sparecast.spark.shuffle-partitions", Type.INT, false, 1, 100_000, false);
        text("sparecast.spark.driver-memory", Type.MEMORY, true);
        number("sparecast.quality.max-rejected-share", Type.DOUBLE, false, 0, 1, false);
        text("sparecast.privacy.hash-key", Type.TEXT, true);
        number("sparecast.forecast.history-weeks", Type.INT, false, 1, 1040, false);
        number("sparecast.forecast.horizon-weeks", Type.INT, false, 1, 520, false);
        text("sparecast.forecast.default-method", Type.NONEMPTY, false); // checked by its step
        number("sparecast.forecast.default-trial-series", Type.INT, false, 0, Integer.MAX_VALUE, false);
        number("sparecast.plan.review-period-weeks", Type.DOUBLE, false, 0, 52, true);
        number("sparecast.plan.supplier-lead-time-days-mean", Type.DOUBLE, false, 0, 3650, false);
        number("sparecast.plan.supplier-lead-time-days-sd", Type.DOUBLE, false, 0, 3650, false);
        number("sparecast.plan.default-fill-rate", Type.DOUBLE, false, 0, 1, true);
        text("sparecast.plan.allocation", Type.NONEMPTY, false); // checked by its step: class or line
        number("sparecast.plan.line-floor", Type.DOUBLE, false, 0, 1, false); // its step: [0, 0.999)
        text("sparecast.plan.stock-cap-periods", Type.NONEMPTY, false); // its step: weeks > 0 or none
        number("sparecast.plan.order-cost", Type.DOUBLE, true, 0, 1e9, false);
        number("sparecast.plan.holding-rate", Type.DOUBLE, true, 0, 100, true);
        number("sparecast.plan.overstock-cover-weeks", Type.DOUBLE, false, 0, 1040, true);
        number("sparecast.plan.below-target-margin", Type.DOUBLE, false, 0, 1, false);
        number("sparecast.plan.transfer-cost", Type.DOUBLE, false, 0, 1e9, false);
        number("sparecast.plan.transfer-cost-per-kg", Type.DOUBLE, false, 0, 1e9, false);
        number("sparecast.decisions.accept-tolerance", Type.DOUBLE, false, 0, 100, false);
        text("sparecast.reporting-currency", Type.NONEMPTY, false); // checked by its step: a trade FX currency
        number("sparecast.returns.refurbish-yield", Type.DOUBLE, false, 0, 1, false);
        number("sparecast.returns.refurbish-delay-days", Type.DOUBLE, false, 0, 3650, false);
        number("sparecast.ingest.progress-seconds", Type.INT, false, 1, 86_400, false);
        number("sparecast.ingest.split-bytes", Type.LONG, false, 1024, 1e12, false);
        text("sparecast.ingest.personal-columns", Type.TEXT, true); // checked by its step: no required column
        number("sparecast.report.part-pages", Type.INT, false, 0, 100_000, false);
        number("sparecast.report.change-share", Type.DOUBLE, false, 0, 1000, false);
        number("sparecast.schedule.stale-after-seconds", Type.INT, false, 1, 86_400 * 7, false);
        number("sparecast.schedule.heartbeat-seconds", Type.INT, false, 1, 86_400, false);
        text("sparecast.s3.endpoint", Type.TEXT, true);
        text("sparecast.s3.region", Type.TEXT, true);
        text("sparecast.s3.path-style", Type.BOOLEAN, true);
        number("sparecast.input.max-quantity", Type.INT, false, 1, 1_000_000_000, false);
        number("sparecast.input.max-stock", Type.LONG, false, 1, 1e12, false);
        number("sparecast.input.min-date", Type.DATE, false, LocalDate.of(1900, 1, 1).toEpochDay(),
                LocalDate.of(2100, 1, 1).toEpochDay(), false);
        number("sparecast.input.max-unit-cost", Type.DOUBLE, false, 0, 1e12, true);
        number("sparecast.input.max-unit-weight-kg", Type.DOUBLE, false, 0, 1e7, true);
        text("sparecast.generate.timing", Type.BOOLEAN, true);
        // the trade keys of the defaults file: values checked by TradeRulesSettings, as every sparecast.trade.* key
        text("sparecast.trade.customs-union.EU", Type.TEXT, true);
        text("sparecast.trade.eori-countries", Type.TEXT, true);
        text("sparecast.trade.fx-date", Type.TEXT, true);
        for (String country : List.of("US", "GB", "EU", "BR", "JP")) {
            text("sparecast.trade.national-code-digits." + country, Type.TEXT, true);
        }
        text("sparecast.trade.national-code-warn-only", Type.TEXT, true);
        text("sparecast.trade.max-declaration-items", Type.TEXT, true);
        text("sparecast.trade.carton.max-kg", Type.TEXT, true);
        text("sparecast.trade.carton.tare-kg", Type.TEXT, true);
    }

    private SettingKeys() {
    }

    private static void text(String name, Type type, boolean optional) {
        KEYS.put(name, new Key(name, type, optional, 0, 0, false));
    }

    private static void number(String name, Type type, boolean optional, double min, double max, boolean minExclusive) {
        KEYS.put(name, new Key(name, type, optional, min, max, minExclusive));
    }

    /**
     * Whether {@code name} is a key of a family checked by its own reader rather than by this
     * catalogue ({@code sparecast.spark.conf.*}, passed to Spark; {@code sparecast.trade.*}, checked by
     * {@link TradeRulesSettings}, unknown keys included).
     */
    static boolean inFamily(String name) {
        return PREFIXES.stream().anyMatch(name::startsWith);
    }

    /** The known keys, in catalogue order. */
    public static List<String> names() {
        return List.copyOf(KEYS.keySet());
    }

    /**
     * Checks every {@code sparecast.*} entry of {@code values}.
     *
     * @throws ConfigurationException with one line naming the first bad key
     */
    static void check(Map<String, String> values) {
        for (Map.Entry<String, String> e : values.entrySet()) {
            String name = e.getKey();
            if (!name.startsWith("sparecast.") || inFamily(name)) {
                continue;
            }
            Key key = KEYS.get(name);
            if (key == null) {
                throw new ConfigurationException("Unknown configuration key " + name + "; did you mean "
                        + nearest(name) + "?");
            }
            checkValue(key, e.getValue() == null ? "" : e.getValue().trim());
        }
    }

    private static void checkValue(Key key, String value) {
        if (value.isEmpty()) {
            if (!key.optional() && key.type() != Type.TEXT) {
                throw new ConfigurationException("Configuration value " + key.name() + " is empty");
            }
            return;
        }
        double number;
        switch (key.type()) {
            case TEXT, NONEMPTY -> {
                return;
            }
            case BOOLEAN -> {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw bad(key, value, "true or false");
                }
                return;
            }
            case ZONE -> {
                try {
                    ZoneId.of(value);
                } catch (DateTimeException ex) {
                    throw bad(key, value, "a time zone such as UTC or Europe/Amsterdam");
                }
                return;
            }
            case MEMORY -> {
                if (!MEMORY.matcher(value).matches()) {
                    throw bad(key, value, "a size such as 4g or 512m");
                }
                return;
            }
            case DATE -> {
                try {
                    number = LocalDate.parse(value).toEpochDay();
                } catch (DateTimeException ex) {
                    throw bad(key, value, "an ISO-8601 date such as 2000-01-01");
                }
            }
            case INT, LONG -> {
                if (!value.matches("-?[0-9]{1,18}")) {
                    throw bad(key, value, "a whole number");
                }
                number = Long.parseLong(value);
            }
            default -> {
                if (!value.matches("-?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]{1,3})?")) {
                    throw bad(key, value, "a number");
                }
                number = Double.parseDouble(value);
            }
        }
        boolean below = key.minExclusive() ? number <= key.min() : number < key.min();
        if (below || number > key.max()) {
            throw new ConfigurationException("Configuration value " + key.name() + "=" + value + " is out of range "
                    + range(key));
        }
    }

    private static String range(Key key) {
        if (key.type() == Type.DATE) {
            return "[" + LocalDate.ofEpochDay((long) key.min()) + ", " + LocalDate.ofEpochDay((long) key.max()) + "]";
        }
        return (key.minExclusive() ? "(" : "[") + plain(key.min()) + ", " + plain(key.max()) + "]";
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    private static ConfigurationException bad(Key key, String value, String expected) {
        return new ConfigurationException("Configuration value " + key.name() + " is not " + expected + ": '"
                + value + "'");
    }

    /** The known key closest to {@code name} by edit distance. */
    static String nearest(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        List<String> candidates = new ArrayList<>(KEYS.keySet());
        for (String candidate : candidates) {
            int d = distance(name.toLowerCase(Locale.ROOT), candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
