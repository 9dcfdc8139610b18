package com.sparecast.jobs.input;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Set;

/**
 * What event rows are checked against: the codes master data knows and the planning date.
 *
 * @param parts part numbers of parts.csv
 * @param countries countries of regions.csv
 * @param warehouses warehouse ids of warehouses.csv
 * @param planningDate events dated after it are rejected
 */
public record ReferenceData(Set<String> parts, Set<String> countries, Set<String> warehouses, LocalDate planningDate)
        implements Serializable {
}
