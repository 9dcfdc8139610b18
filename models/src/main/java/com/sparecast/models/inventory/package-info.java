/**
 * Replenishment policy per (warehouse, part): service targets, reorder point and order-up-to
 * levels, safety stock, EOQ, pack and MOQ rounding, exceptions, and the policy simulator.
 *
 * <h2>How a nightly plan uses it</h2>
 * <ol>
 *   <li>Master data, on the driver: {@link com.sparecast.models.inventory.SupersessionChains#of}
 *       (broadcast; {@code inLoop(part)} lines get
 *       {@link com.sparecast.models.inventory.ExceptionCode#SUPERSESSION_LOOP}, only
 *       {@code isLast(part)} parts are ordered, {@code pooled(...)} moves old stock onto the
 *       last part); {@link com.sparecast.models.inventory.AbcClassifier#classify} on annual
 *       demand value per part; {@link com.sparecast.models.inventory.ServiceLevels#of} from
 *       {@code service_levels.csv}.</li>
 *   <li>Per line, on executors: the forecast and {@code LeadTimeDemandModel.over(...)} twice,
 *       over lead time plus review ({@code D_{L+R}}) and over the lead time alone
 *       ({@code D_L}, review 0); expected refurbished returns from
 *       {@link com.sparecast.models.inventory.RefurbishedReturns#expectedWithin}; an EOQ from
 *       {@link com.sparecast.models.inventory.Eoq#ifConfigured}; then a
 *       {@link com.sparecast.models.inventory.PolicyInput} with
 *       {@code withLeadTimeDemand(dL)} and {@code withEconomicOrderQuantity(eoq)}.</li>
 *   <li>Levels, either per line, {@link com.sparecast.models.inventory.OrderUpToPolicy#decide}
 *       (every line at its class's target), or per class with
 *       {@link com.sparecast.models.inventory.FillRateAllocation} (the class reaches its target
 *       with less stock): {@code curve(input)} per line, {@code multiplier(curves, target)} per
 *       class, then {@code decide(input, curve, multiplier)} per line. In Spark the multiplier
 *       needs no collect: flat-map each curve into rows (class, {@code slope(k)},
 *       {@code gain(k)}) plus its base {@code filled()[0]} and {@code demand()}; per class, the
 *       multiplier is the slope at which the running sum of gains, by slope descending, first
 *       reaches {@code target * sum(demand) - sum(base)} ({@code +Infinity} if that is
 *       already &lt;= 0, 0 if never reached), exactly what {@code multiplier} computes.</li>
 *   <li>Exceptions: {@link com.sparecast.models.inventory.ExceptionRules#reason} for stock-out
 *       risk, dead stock and overstock; NO_FORECAST where no distribution could be made.</li>
 *   <li>Central warehouses: {@link com.sparecast.models.inventory.CentralWarehouseDemand#sum}
 *       of the regional draws, then the same steps with the supplier's lead time.</li>
 * </ol>
 *
 * <p>Everything here is a pure function of its arguments; values are immutable records or
 * final classes, serializable for Spark.
 */
package com.sparecast.models.inventory;
