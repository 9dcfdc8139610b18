/**
 * Customs and trade rules: HS codes, tariffs by longest prefix, landed cost with de minimis and
 * currency conversion, incoterms, EEI, and the checks that put a shipment line on HOLD.
 *
 * <p>Entry points: {@link com.sparecast.models.trade.TradeRules} (configuration, exchange rates
 * as units of the base currency per unit, base USD by default),
 * {@link com.sparecast.models.trade.LineChecks} (hold reasons),
 * {@link com.sparecast.models.trade.LandedCost} (duty and VAT),
 * {@link com.sparecast.models.trade.ExportEntry} (EEI). The shipment planner in
 * {@code com.sparecast.models.logistics} combines them per lane. Money is {@code BigDecimal},
 * rounded half-up to cents; rates and amounts given as doubles are read through their decimal text.
 */
package com.sparecast.models.trade;
