package com.sparecast.jobs.replenishment;

import com.sparecast.jobs.config.ConfigurationException;
import com.sparecast.jobs.config.Settings;
import com.sparecast.jobs.config.TradeRulesSettings;
import com.sparecast.jobs.demand.Supersession;
import com.sparecast.jobs.input.Decisions;
import com.sparecast.jobs.input.MasterData;
import com.sparecast.models.inventory.ExceptionRules;
import com.sparecast.models.inventory.FillRateAllocation;
import com.sparecast.models.inventory.PlanLine;
import com.sparecast.models.trade.TradeRules;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What every plan line is computed with besides its own row: master data, the policy settings
 * and the planning date. Broadcast once to the executors.
 *
 * @param master master data
 * @param supersessionLoops parts on a superseded_by cycle
 * @param planningDate the date planned for
 * @param policy the policy settings
 * @param review what the plan line shows a planner besides the policy: money in the reporting currency
 */
public record PlanningContext(MasterData master, Set<String> supersessionLoops, LocalDate planningDate, Policy policy,
                              Review review, Map<String, LineDecision> decisions) implements Serializable {

    /** A context with the default review settings (reporting in EUR at the default trade FX rates) and no decisions. */
    public PlanningContext(MasterData master, Set<String> supersessionLoops, LocalDate planningDate, Policy policy) {
        this(master, supersessionLoops, planningDate, policy, Review.defaults(), Map.of());
    }

    /**
     * A planner's decision on a line, with what an ACCEPT was given on.
     *
     * @param decision the decision ({@code decisions/overrides.csv})
     * @param accepted for an ACCEPT, the line as the last published plan of this output showed it
     *     (the plan the planner reviewed); null for other kinds, or when no earlier plan has the line
     */
    public record LineDecision(Decisions.Decision decision, AcceptedLine accepted) implements Serializable {
    }

    /**
     * The inputs of a line an ACCEPT was given on, and its exception then.
     *
     * @param exception the exception code then (null when it had none)
     * @param meanPerWeek mean weekly demand then
     * @param inventoryPosition the inventory position then
     * @param leadTimeWeeks the mean lead time then, in weeks
     */
    public record AcceptedLine(String exception, double meanPerWeek, double inventoryPosition, double leadTimeWeeks)
            implements Serializable {

        /**
         * Whether an ACCEPT of this line still holds for a line now showing {@code exception} from
         * these inputs: the same exception, and each input within {@code tolerance} of its value
         * then as a share of it ({@code |now - then| <= tolerance * max(|then|, 1)}; the floor of
         * one unit keeps a value that was 0 from making every change infinite). Returns the first
         * input that moved too far, as text, or null when the ACCEPT holds.
         */
        public String movedBeyond(double tolerance, String exceptionNow, double meanNow, double positionNow,
                                  double leadTimeNow) {
            if (!java.util.Objects.equals(exception, exceptionNow)) {
                return "the exception was " + (exception == null ? "none" : exception);
            }
            String moved = moved("mean_per_week", meanPerWeek, meanNow, tolerance);
            moved = moved != null ? moved : moved("inventory_position", inventoryPosition, positionNow, tolerance);
            return moved != null ? moved : moved("lead_time_weeks_mean", leadTimeWeeks, leadTimeNow, tolerance);
        }

        private static String moved(String what, double then, double now, double tolerance) {
            return Math.abs(now - then) <= tolerance * Math.max(Math.abs(then), 1) ? null
                    : String.format(Locale.ROOT, "%s moved from %.4g to %.4g", what, then, now);
        }
    }

    /** The decision on a line, or null. */
    public LineDecision decisionOn(String warehouseId, String partNo) {
        return decisions.get(Decisions.key(warehouseId, partNo));
    }

    /**
     * What a plan line shows a planner besides its policy.
     *
     * @param reportingCurrency the currency every money column's {@code _reporting} twin is in
     *     ({@code sparecast.reporting-currency}); the trade FX rates must know it
     * @param trade the trade rules whose FX rates convert money ({@code sparecast.trade.fx.*})
     * @param belowTargetMargin a line whose expected fill rate is below its class's target by more
     *     than this is a {@code BELOW_TARGET} exception ({@code sparecast.plan.below-target-margin})
     * @param acceptTolerance an ACCEPT holds while the line's inputs move by no more than this share
     *     ({@code sparecast.decisions.accept-tolerance})
     */
    public record Review(String reportingCurrency, TradeRules trade, double belowTargetMargin, double acceptTolerance)
            implements Serializable {

        public Review {
            if (!(belowTargetMargin >= 0 && belowTargetMargin <= 1)) {
                throw new ConfigurationException("sparecast.plan.below-target-margin must be in [0, 1], got "
                        + belowTargetMargin);
            }
            if (reportingCurrency == null || !trade.knowsCurrency(reportingCurrency)) {
                throw new ConfigurationException("sparecast.reporting-currency " + reportingCurrency
                        + " has no FX rate in the trade rules (sparecast.trade.fx.*; known: "
                        + String.join(", ", trade.fxRates().keySet()) + ")");
            }
            reportingCurrency = reportingCurrency.trim().toUpperCase(Locale.ROOT);
        }

        /** EUR at the default trade rules, below target by more than 0.10, ACCEPT within 20%. */
        public static Review defaults() {
            return new Review("EUR", TradeRules.defaults(), ExceptionRules.DEFAULT_BELOW_TARGET_MARGIN, 0.2);
        }

        /**
         * The settings' review; the nightly run reads it before it starts.
         *
         * @throws ConfigurationException naming the key of an invalid value
         */
        public static Review from(Settings settings) {
            return new Review(settings.get("sparecast.reporting-currency"), TradeRulesSettings.of(settings),
                    settings.getDouble("sparecast.plan.below-target-margin"),
                    settings.getDouble("sparecast.decisions.accept-tolerance"));
        }

        /**
         * {@code amount} in {@code currency} in the reporting currency, to the cent (the trade
         * rules' conversion); null when the currency is null or has no FX rate.
         */
        public Double reporting(double amount, String currency) {
            if (currency == null || !trade.knowsCurrency(currency) || !Double.isFinite(amount)) {
                return null;
            }
            return trade.convert(BigDecimal.valueOf(amount), currency, reportingCurrency).doubleValue();
        }
    }

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

    public static PlanningContext of(MasterData master, LocalDate planningDate, Settings settings,
                                     Map<String, LineDecision> decisions) {
        return new PlanningContext(master, Supersession.of(master.parts()).loops(), planningDate,
                Policy.from(settings), Review.from(settings), Map.copyOf(decisions));
    }

    /** The target fill rate of an ABC class. */
    public double targetFillRate(String abcClass) {
        return master.serviceLevels().getOrDefault(abcClass, policy.defaultFillRate());
    }
}
