package com.sparecast.jobs.replenishment;

import com.sparecast.jobs.config.ConfigurationException;
import com.sparecast.jobs.config.Settings;
import com.sparecast.jobs.demand.Supersession;
import com.sparecast.jobs.input.MasterData;
import com.sparecast.models.inventory.FillRateAllocation;
import com.sparecast.models.inventory.PlanLine;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * What every plan line is computed with besides its own row: master data, the policy settings
 * and the planning date. Broadcast once to the executors.
 *
 * @param master master data
 * @param supersessionLoops parts on a superseded_by cycle
 * @param planningDate the date planned for
 * @param policy the policy settings
 */
public record PlanningContext(MasterData master, Set<String> supersessionLoops, LocalDate planningDate, Policy policy)
        implements Serializable {

    /**
     * The replenishment settings ({@code sparecast.plan.*}, {@code sparecast.returns.*}).
     *
     * @param reviewWeeks review period of the periodic-review policy
     * @param supplierLeadTimeDaysMean lead time of a central warehouse's suppliers
     * @param supplierLeadTimeDaysSd its standard deviation
     * @param defaultFillRate target where service_levels.csv has no row for the class
     * @param overstockCoverWeeks position above order-up-to by more than this many weeks of demand is overstock
     * @param refurbishYield share of refurbishable returns that come back usable
     * @param refurbishDelayDays days a return spends in refurbishment
     * @param orderCost fixed cost of one order for the EOQ, NaN when not configured
     * @param holdingRate yearly holding cost as a fraction of unit cost, NaN when not configured
     * @param classWide whether each warehouse's ABC class meets its target with the least stock
     *     ({@code sparecast.plan.allocation=class}) rather than every line meeting it ({@code line})
     * @param lineFloor with the class-wide allocation, no line's expected fill rate is planned
     *     below this ({@code sparecast.plan.line-floor})
     * @param stockCapPeriods no line's order-up-to level above this many weeks of its mean demand
     *     ({@code sparecast.plan.stock-cap-periods}; {@code +Infinity}: no cap; {@link PlanLine#withStockCap})
     */
    public record Policy(double reviewWeeks, double supplierLeadTimeDaysMean, double supplierLeadTimeDaysSd,
                         double defaultFillRate, double overstockCoverWeeks, double refurbishYield,
                         double refurbishDelayDays, double orderCost, double holdingRate, boolean classWide,
                         double lineFloor, double stockCapPeriods) implements Serializable {

        public Policy {
            try {
                allocation(lineFloor);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("sparecast.plan.line-floor must be in [0, 0.999), got " + lineFloor);
            }
            if (!(stockCapPeriods > 0)) {
                throw new ConfigurationException("sparecast.plan.stock-cap-periods must be > 0, got " + stockCapPeriods);
            }
        }

        /** The plan line with this allocation and stock cap: the code every line is planned with. */
        public PlanLine planLine() {
            return PlanLine.withDefaults().withAllocation(allocation()).withStockCap(stockCapPeriods);
        }

        /** The class-wide allocation with this floor. */
        public FillRateAllocation allocation() {
            return allocation(lineFloor);
        }

        private static FillRateAllocation allocation(double lineFloor) {
            return FillRateAllocation.withDefaults().withLineFloor(lineFloor);
        }

        /**
         * The settings' policy; the nightly run reads it before it starts, so that a bad value is a
         * configuration error before any step runs.
         *
         * @throws ConfigurationException naming the key of a missing or invalid value
         */
        public static Policy from(Settings settings) {
            return new Policy(
                    settings.getDouble("sparecast.plan.review-period-weeks"),
                    settings.getDouble("sparecast.plan.supplier-lead-time-days-mean"),
                    settings.getDouble("sparecast.plan.supplier-lead-time-days-sd"),
                    settings.getDouble("sparecast.plan.default-fill-rate"),
                    settings.getDouble("sparecast.plan.overstock-cover-weeks"),
                    settings.getDouble("sparecast.returns.refurbish-yield"),
                    settings.getDouble("sparecast.returns.refurbish-delay-days"),
                    settings.getOptionalDouble("sparecast.plan.order-cost"),
                    settings.getOptionalDouble("sparecast.plan.holding-rate"),
                    classWide(settings.get("sparecast.plan.allocation")),
                    settings.getDouble("sparecast.plan.line-floor"),
                    stockCap(settings.get("sparecast.plan.stock-cap-periods")));
        }

        /** {@code none} (no cap, {@code +Infinity}) or a number of weeks. */
        private static double stockCap(String value) {
            if (value.trim().equalsIgnoreCase("none")) {
                return Double.POSITIVE_INFINITY;
            }
            try {
                return Double.parseDouble(value.trim());
            } catch (NumberFormatException e) {
                throw new ConfigurationException("sparecast.plan.stock-cap-periods must be a number of weeks > 0 or"
                        + " none, got '" + value + "'");
            }
        }

        private static boolean classWide(String allocation) {
            return switch (allocation.trim().toLowerCase(Locale.ROOT)) {
                case "class" -> true;
                case "line" -> false;
                default -> throw new ConfigurationException(
                        "sparecast.plan.allocation must be class or line, got '" + allocation + "'");
            };
        }
    }

    public static PlanningContext of(MasterData master, LocalDate planningDate, Settings settings) {
        return new PlanningContext(master, Supersession.of(master.parts()).loops(), planningDate,
                Policy.from(settings));
    }

    /** The target fill rate of an ABC class. */
    public double targetFillRate(String abcClass) {
        return master.serviceLevels().getOrDefault(abcClass, policy.defaultFillRate());
    }
}
