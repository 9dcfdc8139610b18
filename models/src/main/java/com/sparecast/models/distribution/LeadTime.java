package com.sparecast.models.distribution;

/**
 * An uncertain lead time, in planning periods.
 *
 * @param mean mean lead time, &gt;= 0
 * @param sd standard deviation, &gt;= 0
 */
public record LeadTime(double mean, double sd) {

    public LeadTime {
        if (!(mean >= 0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("lead time mean must be finite and >= 0, got " + mean);
        }
        if (!(sd >= 0) || Double.isInfinite(sd)) {
            throw new IllegalArgumentException("lead time sd must be finite and >= 0, got " + sd);
        }
    }

    /**
     * The lead time of a lane: transit plus customs clearance, each independent with its own
     * mean and standard deviation in days, converted to periods of {@code daysPerPeriod} days.
     */
    public static LeadTime ofLane(double transitMeanDays, double transitSdDays,
                                  double customsMeanDays, double customsSdDays, double daysPerPeriod) {
        double mean = (transitMeanDays + customsMeanDays) / daysPerPeriod;
        double sd = Math.sqrt(transitSdDays * transitSdDays + customsSdDays * customsSdDays) / daysPerPeriod;
        return new LeadTime(mean, sd);
    }
}
