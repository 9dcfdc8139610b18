package com.sparecast.models.inventory;

import com.sparecast.models.distribution.DemandDistribution;
import java.util.HashMap;
import java.util.Map;

/**
 * Periodic review with a reorder point {@code s} and an order-up-to level {@code S}, set for a
 * target fill rate from the lead-time demand distribution (Silver, Pyke &amp; Thomas, 2017,
 * Inventory and Production Management in Supply Chains, 4th ed.).
 *
 * <p><b>Fill rate of a level.</b> If the inventory position after a review is {@code y}, the
 * expected shortage in the periods covered by the order placed then (ESPRC) is
 * <pre>  ESPRC(y) = E[(D_{L+R} - y)+] - E[(D_L - y)+]</pre>
 * and the fill rate {@code beta(y) = 1 - ESPRC(y) / E[D_R]} (Silver, Pyke &amp; Thomas, the form for
 * full backordering). Without the lead-time-only distribution {@code D_L} the second term is
 * dropped, the classic approximation that slightly understates the fill rate.
 *
 * <p><b>Levels.</b> Orders are whole batches of {@code Q}, the largest of the pack size, the
 * MOQ and the EOQ, rounded up to a multiple of the pack size: at a review where the position is
 * at or below {@code s}, the smallest number of batches that lifts it above {@code s} (an
 * (R, s, nQ) policy). The position after a review then lies in {@code s+1 .. s+Q} and is taken
 * as uniform there (exact in the long run for integer demand: Hadley &amp; Whitin, 1963,
 * Analysis of Inventory Systems; Axsäter, Inventory Control); {@code s} is the smallest whole
 * number whose fill rate, averaged over that band, reaches the target, and {@code S = s + Q}.
 * With {@code Q = 1} (pack 1, no MOQ, no EOQ) this is the plain (R, S) policy, {@code s = S - 1}.
 * Bands wider than 32 units are averaged over 32 evenly spaced levels.
 *
 * <p><b>Average on hand.</b> For a position {@code y}, on hand runs from {@code E[(y - D_L)+]}
 * when an order arrives to {@code E[(y - D_{L+R})+]} just before the next one; the cycle
 * average is taken as the mean of the two, with {@code E[(y - D)+] = y - E[D] + E[(D - y)+]}.
 * Without {@code D_L}: {@code y - E[D_{L+R}] + E[D_R]/2 + E[(D_{L+R} - y)+]} (the
 * usual approximation). The simulator ({@link PolicySimulator}) measures the same quantity: per period, the
 * mean of on hand after receipts and at the end of the period.
 *
 * <p><b>Stock cap.</b> With {@link PolicyInput#maxOrderUpTo()} finite, no level is chosen whose
 * {@code S} exceeds it ({@link #maxBandStart}); a target that needs more is not reached, and the
 * decision's expected fill rate is the one the capped level gives ({@link #heldBackByCap}).
 *
 * <p>Checked against {@link PolicySimulator} over 200,000 periods of Poisson demand (0.1 to 10
 * a period, pack sizes, MOQ and EOQ): expected and simulated fill rates agree within 0.2
 * points and average on hand within 0.5%. Zero expected demand gives {@code s = S = 0}: only
 * backorders are replaced.
 *
 * <p>Immutable and thread-safe.
 */
public final class OrderUpToPolicy {

    private static final int MAX_BAND_POINTS = 32;
    private static final long MAX_LEVEL = 1L << 40;

    private OrderUpToPolicy() {
    }

    /** The default policy. */
    public static OrderUpToPolicy withDefaults() {
        return new OrderUpToPolicy();
    }

    /** Decides the policy and the order for one (warehouse, part), for the line's target fill rate. */
    public PolicyDecision decide(PolicyInput input) {
        if (input.reviewPeriodDemand() <= 0) {
            return decideAt(input, 0);
        }
        Levels levels = new Levels(input);
        return decideAt(input, smallestBandStart(input, levels, input.targetFillRate()), levels);
    }

    /**
     * The highest band start the stock cap allows ({@link PolicyInput#maxOrderUpTo()}): the order-up-to
     * level {@code S = bandStart - 1 + Q} is at most the cap, and the band starts at 0 at least (an order
     * is one batch {@code Q} even where the cap is below it); {@link Long#MAX_VALUE} without a cap.
     */
    static long maxBandStart(PolicyInput input) {
        double max = input.maxOrderUpTo();
        if (Double.isInfinite(max)) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, (long) Math.floor(max + 1e-9) - bandWidth(input) + 1);
    }

    /**
     * Whether the stock cap holds this decision back from its target: its band starts at the cap's
     * highest band start ({@link #maxBandStart}) and its expected fill rate is below the target, so the
     * line will reach only {@link PolicyDecision#expectedFillRate()} ({@code TARGET_UNREACHABLE}).
     */
    public static boolean heldBackByCap(PolicyInput input, PolicyDecision decision) {
        return input.reviewPeriodDemand() > 0 && !Double.isInfinite(input.maxOrderUpTo())
                && (long) decision.reorderPoint() + 1 >= maxBandStart(input)
                && decision.expectedFillRate() < input.targetFillRate();
    }

    /**
     * The decision when the lowest inventory position after a review is {@code bandStart}
     * ({@code s + 1}). Used by {@link FillRateAllocation}, which chooses it from a class-wide
     * trade-off.
     */
    PolicyDecision decideAt(PolicyInput input, long bandStart) {
        return decideAt(input, bandStart, new Levels(input));
    }

    /** {@link #decideAt(PolicyInput, long)} with the line's levels already evaluated in {@code levels}. */
    private PolicyDecision decideAt(PolicyInput input, long bandStart, Levels levels) {
        DemandDistribution x = input.protectionDemand();
        DemandDistribution lead = input.leadTimeDemand();
        double reviewDemand = input.reviewPeriodDemand();
        double leadMean = lead != null ? lead.mean() : Math.max(0, x.mean() - reviewDemand);
        double position = input.inventoryPosition();
        double target = input.targetFillRate();

        if (reviewDemand <= 0) {
            long order = position < 0 ? roundToPack(-position, input.packSize(), input.minOrderQty()) : 0;
            return new PolicyDecision(0, 0, 0, position, order, 1, Math.max(0, position), target, leadMean);
        }

        long bandWidth = bandWidth(input);
        long reorderPoint = bandStart - 1;
        long orderUpTo = reorderPoint + bandWidth;
        long order = orderQuantity(position, reorderPoint, orderUpTo, input.packSize(), input.minOrderQty(),
                bandWidth);
        Band band = levels.band(bandStart);
        double meanLevel = bandStart + (bandWidth - 1) / 2.0;
        return new PolicyDecision(meanLevel - x.mean(), reorderPoint, orderUpTo, position, order, band.fillRate(),
                band.onHand(), target, leadMean);
    }

    /**
     * What to order at a review. If the position is above {@code s} (or not below {@code S}),
     * nothing. Otherwise, with {@code batch > 0} (as {@link #decide} sets it: a multiple of the
     * pack, at least the MOQ and the EOQ): the smallest whole number of batches that lifts the
     * position above {@code s}, so it ends in {@code s+1 .. S}. With {@code batch == 0} (plain
     * levels): {@code S - position} rounded up to the pack and to at least the MOQ.
     */
    public static long orderQuantity(double position, double reorderPoint, double orderUpTo, int packSize, int moq,
                                     long batch) {
        if (position > reorderPoint || position >= orderUpTo) {
            return 0;
        }
        if (batch > 0) {
            long batches = (long) Math.floor((reorderPoint - position) / batch) + 1;
            return batches * batch;
        }
        return roundToPack(orderUpTo - position, packSize, moq);
    }

    /** The batch {@code Q}, which is also the width of the band of positions after a review. */
    static long bandWidth(PolicyInput input) {
        return batchQuantity(input.packSize(), input.minOrderQty(), input.economicOrderQuantity());
    }

    /** Fill rate and expected on hand, each averaged over a band of positions after a review. */
    record Band(double fillRate, double onHand) {
    }

    /**
     * A line's fill rate and on hand over bands of positions, each whole level's two loss functions
     * evaluated once however many bands and searches ask for it. They are the costly part of a
     * level (the negative binomial's are two incomplete betas each), and a response curve asks for
     * up to 256 consecutive band starts of width {@code Q}, the widths of real plans run to 10 and
     * more, and the searches for the curve's ends pass through its levels too. Not thread-safe: one
     * per line and thread.
     */
    static final class Levels {

        private final DemandDistribution x;
        private final DemandDistribution lead;
        private final double reviewDemand;
        private final long width;
        /** Per level: its fill rate and its expected on hand. */
        private final Map<Long, double[]> terms = new HashMap<>();

        Levels(PolicyInput input) {
            this(input.protectionDemand(), input.leadTimeDemand(), input.reviewPeriodDemand(), bandWidth(input));
        }

        private Levels(DemandDistribution x, DemandDistribution lead, double reviewDemand, long width) {
            this.x = x;
            this.lead = lead;
            this.reviewDemand = reviewDemand;
            this.width = width;
        }

        /**
         * The band starting at {@code start}: fill rate and on hand averaged over its whole levels
         * {@code start .. start+width-1} (32 evenly spaced ones at most).
         */
        Band band(long start) {
            int points = (int) Math.min(width, MAX_BAND_POINTS);
            double fill = 0;
            double onHand = 0;
            for (int k = 0; k < points; k++) {
                long y = width <= MAX_BAND_POINTS ? start + k
                        : start + Math.round(k * (width - 1) / (double) (MAX_BAND_POINTS - 1));
                double[] level = at(y);
                fill += level[0];
                onHand += level[1];
            }
            return new Band(fill / points, onHand / points);
        }

        /**
         * Evaluates every level of the consecutive bands starting at {@code from .. to} at once,
         * through {@link DemandDistribution#expectedShortages}: a response curve's walk, which
         * the negative binomial steps through by recurrence. Bands wider than 32 points are
         * sampled, not walked, and are left to {@link #band}.
         */
        void evaluateBands(long from, long to) {
            if (width > MAX_BAND_POINTS || to < from) {
                return;
            }
            int count = (int) (to - from + width);
            double[] protection = x.expectedShortages(from, count);
            double[] leadTime = lead == null ? null : lead.expectedShortages(from, count);
            for (int i = 0; i < count; i++) {
                terms.putIfAbsent(from + i, level(from + i, protection[i], leadTime == null ? 0 : leadTime[i]));
            }
        }

        private double[] at(long y) {
            double[] level = terms.get(y);
            if (level == null) {
                level = level(y, x.expectedShortage(y), shortageOf(lead, y));
                terms.put(y, level);
            }
            return level;
        }

        /** A level's fill rate and expected on hand, from its two expected shortages. */
        private double[] level(long y, double protectionShortage, double leadShortage) {
            return new double[] {reviewDemand <= 0 ? 1 : fillRate(protectionShortage, leadShortage, reviewDemand),
                    expectedOnHand(x, protectionShortage, lead, leadShortage, reviewDemand, y)};
        }

        /** The smallest band start whose fill rate reaches {@code target}, by doubling then bisection. */
        long smallestBandStart(double target) {
            long lo = 0;
            long hi = Math.max(1, (long) Math.ceil(x.quantile(0.999999)));
            while (band(hi).fillRate() < target) {
                if (hi > MAX_LEVEL) {
                    throw new IllegalArgumentException("no order-up-to level reaches fill rate " + target
                            + " for demand " + x.name() + " with mean " + x.mean());
                }
                lo = hi;
                hi *= 2;
            }
            while (lo < hi) {
                long mid = (lo + hi) >>> 1;
                if (band(mid).fillRate() >= target) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }
    }

    /**
     * The smallest band start whose averaged fill rate reaches {@code target} (0 without demand),
     * or the stock cap's highest band start ({@link #maxBandStart}) if that is lower.
     */
    static long smallestBandStart(PolicyInput input, double target) {
        return smallestBandStart(input, new Levels(input), target);
    }

    /** {@link #smallestBandStart(PolicyInput, double)} on the line's {@code levels}. */
    static long smallestBandStart(PolicyInput input, Levels levels, double target) {
        if (input.reviewPeriodDemand() <= 0) {
            return 0;
        }
        long cap = maxBandStart(input);
        return cap == 0 ? 0 : Math.min(cap, levels.smallestBandStart(target));
    }

    /**
     * The classic fill rate of order-up-to level {@code s}: {@code 1 - E[(X - s)+] / E[D_R]},
     * with {@code X} demand over lead time plus review; 1 when {@code reviewDemand <= 0}.
     */
    public static double fillRate(DemandDistribution x, double reviewDemand, double s) {
        return fillRate(x, null, reviewDemand, s);
    }

    /**
     * The fill rate of order-up-to level {@code s} for full backordering,
     * {@code 1 - (E[(D_{L+R} - s)+] - E[(D_L - s)+]) / E[D_R]} (Silver, Pyke &amp; Thomas), clipped to
     * [0, 1]; with {@code leadTimeOnly == null} the second term is dropped.
     */
    public static double fillRate(DemandDistribution protection, DemandDistribution leadTimeOnly,
                                  double reviewDemand, double s) {
        if (reviewDemand <= 0) {
            return 1;
        }
        return fillRate(protection.expectedShortage(s), shortageOf(leadTimeOnly, s), reviewDemand);
    }

    /** The fill rate from the two expected shortages at a level ({@code leadShortage} 0 without {@code D_L}). */
    private static double fillRate(double protectionShortage, double leadShortage, double reviewDemand) {
        return Math.min(1, Math.max(0, 1 - (protectionShortage - leadShortage) / reviewDemand));
    }

    /** {@code E[(D - s)+]}, 0 without a distribution. */
    private static double shortageOf(DemandDistribution d, double s) {
        return d == null ? 0 : d.expectedShortage(s);
    }

    /**
     * Expected on hand averaged over a review cycle when the position after a review is
     * {@code y}: {@code (E[(y - D_L)+] + E[(y - D_{L+R})+]) / 2}, or without {@code D_L}
     * {@code y - E[D_{L+R}] + E[D_R]/2 + E[(D_{L+R} - y)+]}; never negative.
     */
    public static double expectedOnHand(DemandDistribution protection, DemandDistribution leadTimeOnly,
                                        double reviewDemand, double y) {
        return expectedOnHand(protection, protection.expectedShortage(y), leadTimeOnly, shortageOf(leadTimeOnly, y),
                reviewDemand, y);
    }

    /** {@link #expectedOnHand(DemandDistribution, DemandDistribution, double, double)} from the shortages at {@code y}. */
    private static double expectedOnHand(DemandDistribution protection, double protectionShortage,
                                         DemandDistribution leadTimeOnly, double leadShortage, double reviewDemand,
                                         double y) {
        double endOfCycle = y - protection.mean() + protectionShortage;
        double value;
        if (leadTimeOnly != null) {
            double startOfCycle = y - leadTimeOnly.mean() + leadShortage;
            value = (startOfCycle + endOfCycle) / 2;
        } else {
            value = endOfCycle + reviewDemand / 2;
        }
        return Math.max(0, value);
    }

    /** The smallest whole {@code S >= 0} with {@code fillRate(S) >= target} (classic form). */
    static double orderUpToFor(DemandDistribution x, double reviewDemand, double target) {
        if (reviewDemand <= 0) {
            return 0;
        }
        return new Levels(x, null, reviewDemand, 1).smallestBandStart(target);
    }

    /**
     * The smallest order-up-to level {@code S >= 0} whose fill rate reaches {@code target}, for a
     * plain (R, S) policy with pack size 1.
     */
    public static long orderUpToFor(DemandDistribution protection, DemandDistribution leadTimeOnly,
                                    double reviewDemand, double target) {
        if (!(target > 0 && target < 1)) {
            throw new IllegalArgumentException("target fill rate must be in (0, 1), got " + target);
        }
        if (reviewDemand <= 0) {
            return 0;
        }
        return new Levels(protection, leadTimeOnly, reviewDemand, 1).smallestBandStart(target);
    }

    /** The batch size {@code Q}: max(pack, MOQ, EOQ, 1) rounded up to a multiple of the pack. */
    static long batchQuantity(int packSize, int moq, double eoq) {
        double q = Math.max(Math.max(1, packSize), Math.max(moq, eoq));
        return roundToPack(q, packSize, 0);
    }

    /** {@code need} rounded up to a multiple of {@code packSize}, and at least {@code moq}. */
    public static long roundToPack(double need, int packSize, int moq) {
        long units = (long) Math.ceil(need - 1e-9);
        long packs = (units + packSize - 1) / packSize;
        long qty = packs * packSize;
        if (qty < moq) {
            qty = ((moq + packSize - 1L) / packSize) * packSize;
        }
        return qty;
    }
}
