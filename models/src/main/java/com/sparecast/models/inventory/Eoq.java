package com.sparecast.models.inventory;

/**
 * The economic order quantity (Harris, 1913, "How many parts to make at once", Factory 10(2);
 * Wilson, 1934, HBR 13): the batch that balances fixed ordering cost against holding cost,
 * <pre>  Q* = sqrt(2 D K / h),  h = r v</pre>
 * with {@code D} demand per year, {@code K} the fixed cost of one order, {@code r} the yearly
 * holding rate and {@code v} the unit cost (Silver, Pyke &amp; Thomas, 2017, the EOQ chapter).
 * Zero demand gives 0.
 */
public final class Eoq {

    private Eoq() {
    }

    /**
     * Wilson's EOQ in units.
     *
     * @param annualDemand expected demand per year, &gt;= 0
     * @param orderCost fixed cost per order, &gt; 0
     * @param holdingRate yearly holding cost as a fraction of the unit cost, &gt; 0
     * @param unitCost cost of one unit, &gt; 0
     * @throws IllegalArgumentException if an argument is out of range or not finite
     */
    public static double of(double annualDemand, double orderCost, double holdingRate, double unitCost) {
        require("annual demand", annualDemand, true);
        require("order cost", orderCost, false);
        require("holding rate", holdingRate, false);
        require("unit cost", unitCost, false);
        return Math.sqrt(2 * annualDemand * orderCost / (holdingRate * unitCost));
    }

    /**
     * The EOQ where ordering and holding costs are configured, else 0 (no EOQ: the policy
     * orders what lifts the position to the order-up-to level). Costs that are {@code NaN} or
     * not positive count as not configured.
     */
    public static double ifConfigured(double annualDemand, double orderCost, double holdingRate, double unitCost) {
        if (!(orderCost > 0) || !(holdingRate > 0) || !(unitCost > 0) || !(annualDemand > 0)) {
            return 0;
        }
        return of(annualDemand, orderCost, holdingRate, unitCost);
    }

    private static void require(String what, double v, boolean zeroAllowed) {
        boolean ok = Double.isFinite(v) && (zeroAllowed ? v >= 0 : v > 0);
        if (!ok) {
            throw new IllegalArgumentException(what + " must be finite and " + (zeroAllowed ? ">= 0" : "> 0")
                    + ", got " + v);
        }
    }
}
