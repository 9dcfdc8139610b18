package com.sparecast.models.inventory;

import java.io.Serializable;
import java.util.Collection;

/**
 * The two-level plan: a central warehouse replenishes itself from suppliers for the sum of what
 * its regional warehouses draw from it. Regions are taken as independent, so per period the
 * means and the variances of their demand add, and what they order now is the central's
 * immediate requirement. The central's own policy is then decided like any other line, from
 * {@code LeadTimeDemandModel.over(meanPerPeriod, variancePerPeriod, supplierLeadTime, review)}
 * (installation stock: regional stock is not counted in the central's position).
 *
 * @param meanPerPeriod expected demand on the central warehouse per period
 * @param variancePerPeriod its variance per period
 * @param ordersNow units the regions order from the central warehouse in this plan
 * @param regions number of regional lines summed
 */
public record CentralWarehouseDemand(double meanPerPeriod, double variancePerPeriod, long ordersNow, int regions)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * What one regional warehouse draws on the central one for a part.
     *
     * @param meanPerPeriod expected regional demand per period, &gt;= 0
     * @param variancePerPeriod variance of regional demand per period, &gt;= 0
     * @param orderQuantity what the regional plan orders now, &gt;= 0
     */
    public record RegionalDraw(double meanPerPeriod, double variancePerPeriod, long orderQuantity)
            implements Serializable {

        private static final long serialVersionUID = 1L;

        public RegionalDraw {
            if (!(meanPerPeriod >= 0) || !(variancePerPeriod >= 0) || orderQuantity < 0
                    || Double.isInfinite(meanPerPeriod) || Double.isInfinite(variancePerPeriod)) {
                throw new IllegalArgumentException("regional mean, variance and order must be finite and >= 0, got "
                        + meanPerPeriod + ", " + variancePerPeriod + ", " + orderQuantity);
            }
        }
    }

    /** The sum of the regional draws (an empty collection gives zero demand). */
    public static CentralWarehouseDemand sum(Collection<RegionalDraw> draws) {
        double mean = 0;
        double variance = 0;
        long orders = 0;
        for (RegionalDraw d : draws) {
            mean += d.meanPerPeriod();
            variance += d.variancePerPeriod();
            orders += d.orderQuantity();
        }
        return new CentralWarehouseDemand(mean, variance, orders, draws.size());
    }
}
