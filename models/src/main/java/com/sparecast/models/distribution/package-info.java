/**
 * Lead-time demand for the planner: {@link com.sparecast.models.distribution.LeadTimeDemandModel}
 * picks Poisson, negative binomial or normal by variance-to-mean ratio and level, or a seeded
 * Willemain bootstrap for lumpy series, over a lead time with a mean and a standard deviation
 * ({@link com.sparecast.models.distribution.LeadTime}); every family answers quantiles, the
 * distribution function and the expected shortage {@code E[(X - s)+]} through
 * {@link com.sparecast.models.distribution.DemandDistribution}. Each family is built by its
 * factory: {@code PoissonDemand.of(mean)}, {@code NegativeBinomialDemand.of(mean, variance)},
 * {@code NormalDemand.of(mean, variance)}, {@code EmpiricalDemand.of(name, sample)},
 * {@code ZeroDemand.of()}.
 */
package com.sparecast.models.distribution;
