package com.sparecast.jobs.input;

import com.sparecast.jobs.config.Settings;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * Plausibility limits of input values: a value beyond them is rejected as
 * {@link RejectReason#OUT_OF_RANGE} rather than planned with. Each has a {@code sparecast.input.*}
 * setting; the defaults are generous for spare parts and tight enough that no sum can overflow
 * and no computation grows with the size of a value.
 *
 * @param maxQuantity largest event quantity of one row ({@code sparecast.input.max-quantity})
 * @param maxStock largest on_hand or on_order of one inventory row ({@code sparecast.input.max-stock})
 * @param minDate earliest event date ({@code sparecast.input.min-date})
 * @param maxUnitCost largest unit_cost in parts.csv ({@code sparecast.input.max-unit-cost})
 * @param maxUnitWeightKg largest unit_weight_kg in parts.csv ({@code sparecast.input.max-unit-weight-kg})
 */
public record InputLimits(long maxQuantity, long maxStock, LocalDate minDate, double maxUnitCost,
                          double maxUnitWeightKg) implements Serializable {

    /** The defaults, as in {@code sparecast-defaults.properties}. */
    public static final InputLimits DEFAULTS =
            new InputLimits(100_000, 10_000_000, LocalDate.of(2000, 1, 1), 10_000_000, 100_000);

    /** The limits of {@code settings} (checked by {@link Settings#validate()}); defaults for absent keys. */
    public static InputLimits from(Settings settings) {
        return new InputLimits(
                settings.get("sparecast.input.max-quantity").isEmpty() ? DEFAULTS.maxQuantity
                        : settings.getInt("sparecast.input.max-quantity"),
                settings.get("sparecast.input.max-stock").isEmpty() ? DEFAULTS.maxStock
                        : Long.parseLong(settings.get("sparecast.input.max-stock")),
                settings.get("sparecast.input.min-date").isEmpty() ? DEFAULTS.minDate
                        : LocalDate.parse(settings.get("sparecast.input.min-date")),
                settings.get("sparecast.input.max-unit-cost").isEmpty() ? DEFAULTS.maxUnitCost
                        : settings.getDouble("sparecast.input.max-unit-cost"),
                settings.get("sparecast.input.max-unit-weight-kg").isEmpty() ? DEFAULTS.maxUnitWeightKg
                        : settings.getDouble("sparecast.input.max-unit-weight-kg"));
    }
}
