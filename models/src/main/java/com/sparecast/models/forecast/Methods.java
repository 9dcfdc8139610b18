package com.sparecast.models.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The standard set of methods, by alias. */
public final class Methods {

    /** Window of the standard {@link MovingAverage}, in periods. */
    public static final int MOVING_AVERAGE_WINDOW = 12;

    private Methods() {
    }

    /**
     * Every method that needs nothing but the demand history, in a fixed order (ties in the
     * automatic choice go to the earlier): Naive, HistoricAverage, MovingAverage (12 periods),
     * SimpleExponentialSmoothing (optimised), HoltDamped (optimised), CrostonClassic,
     * CrostonOptimized, CrostonSBA, TSB (optimised), ADIDA, IMAPA.
     */
    public static List<ForecastMethod> standard() {
        return List.of(
                Naive.create(),
                HistoricAverage.create(),
                MovingAverage.of(MOVING_AVERAGE_WINDOW),
                SimpleExponentialSmoothing.optimized(),
                HoltDamped.optimized(),
                CrostonClassic.withDefaults(),
                CrostonOptimized.create(),
                CrostonSBA.withDefaults(),
                TSB.optimized(),
                ADIDA.create(),
                IMAPA.create());
    }

    /** The aliases of {@link #standard()}. */
    public static List<String> standardAliases() {
        List<String> out = new ArrayList<>();
        for (ForecastMethod m : standard()) {
            out.add(m.alias());
        }
        return out;
    }

    /**
     * The standard method with this alias (case-insensitive).
     *
     * @throws IllegalArgumentException naming the known aliases if there is none
     */
    public static ForecastMethod byAlias(String alias) {
        for (ForecastMethod m : standard()) {
            if (m.alias().toLowerCase(Locale.ROOT).equals(alias.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown method '" + alias + "', expected one of " + standardAliases());
    }
}
