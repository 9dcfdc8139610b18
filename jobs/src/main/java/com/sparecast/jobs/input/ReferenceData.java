package com.sparecast.jobs.input;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Set;

/**
 * What event rows are checked against: the codes master data knows, the planning date and the
 * plausibility limits.
 *
 * @param parts part numbers of parts.csv
 * @param countries countries of regions.csv
 * @param warehouses warehouse ids of warehouses.csv
 * @param planningDate events dated after it are rejected
 * @param limits values beyond them are rejected
 */
public record ReferenceData(Set<String> parts, Set<String> countries, Set<String> warehouses, LocalDate planningDate,
                            InputLimits limits) implements Serializable {

    /** With the default limits. */
    public ReferenceData(Set<String> parts, Set<String> countries, Set<String> warehouses, LocalDate planningDate) {
        this(parts, countries, warehouses, planningDate, InputLimits.DEFAULTS);
    }
}
