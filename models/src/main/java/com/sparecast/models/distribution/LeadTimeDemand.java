package com.sparecast.models.distribution;

/**
 * A lead-time demand distribution with the reason it was chosen.
 *
 * @param distribution demand over lead time plus review period
 * @param reason why this family, in a few words for the planner
 */
public record LeadTimeDemand(DemandDistribution distribution, String reason) implements java.io.Serializable {
}
