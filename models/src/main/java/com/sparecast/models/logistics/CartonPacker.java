package com.sparecast.models.logistics;

import com.sparecast.models.trade.Packaging;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Packs the lines of a shipment into numbered cartons (the packing list's packages).
 *
 * <p>Each line is packed on its own, one part per carton:
 * <pre>
 *   allowance = maxCartonKg - tareKg
 *   capacity  = floor(allowance / unitWeightKg) units, cut to a multiple of the part's pack size
 *               when at least one pack fits; at least 1 (a unit, or a pack, heavier than the
 *               allowance goes in cartons of as many units as fit, at least one)
 *   cartons   = ceil(quantity / capacity): full cartons first, the rest in the last
 *   net       = round3(units * unitWeightKg), gross = net + tareKg, per carton
 * </pre>
 * A weightless part (unit weight 0) fills one carton. Cartons are numbered 1 to n over the
 * shipment in line order, and marked {@code "<shipment_id> <n>/<total>"}. The line's and the
 * shipment's net and gross weights are the sums over their cartons, so gross = net + tare per carton.
 *
 * <p>On a lane with a weight limit below the carton maximum, a carton holds no more than the
 * lane allows ({@link #limit}). Pure and deterministic.
 */
public final class CartonPacker {

    private CartonPacker() {
    }

    /** A line to pack: {@code quantity} units of a part weighing {@code unitWeightKg} each, in packs of {@code packSize}. */
    public record Item(int lineNo, String partNo, long quantity, double unitWeightKg, int packSize)
            implements Serializable {
        public Item {
            Objects.requireNonNull(partNo, "partNo");
            if (quantity < 1) {
                throw new IllegalArgumentException("quantity of line " + lineNo + " must be >= 1, got " + quantity);
            }
            if (!(unitWeightKg >= 0) || Double.isInfinite(unitWeightKg)) {
                throw new IllegalArgumentException("unit weight of " + partNo + " must be finite and >= 0, got "
                        + unitWeightKg);
            }
            packSize = Math.max(1, packSize);
        }
    }

    /**
     * One carton of a shipment.
     *
     * @param shipmentId the shipment
     * @param number 1 to {@code count}, in line order
     * @param count the shipment's number of cartons
     * @param lineNo the shipment line packed in it
     * @param partNo the line's part
     * @param quantity units in the carton
     * @param netWeightKg units times unit weight, to grams
     * @param grossWeightKg net plus the carton's tare
     */
    public record Carton(String shipmentId, int number, int count, int lineNo, String partNo, long quantity,
                         BigDecimal netWeightKg, BigDecimal grossWeightKg) implements Serializable {

        /** The shipping marks printed on the carton: {@code "SHP-20261125-DC_NL-WH_US-01 3/12"}. */
        public String marks() {
            return shipmentId + " " + number + "/" + count;
        }
    }

    /**
     * The cartons a lane can carry: the carton maximum, lowered to the lane's weight limit when
     * that is smaller and above the tare.
     */
    public static Packaging limit(Packaging packaging, Double laneMaxKg) {
        if (laneMaxKg != null && laneMaxKg < packaging.maxCartonKg() && laneMaxKg > packaging.tareKg()) {
            return new Packaging(laneMaxKg, packaging.tareKg());
        }
        return packaging;
    }

    /** Units of one part a carton holds (see the class comment); {@link Long#MAX_VALUE} for a weightless part. */
    public static long capacity(double unitWeightKg, int packSize, Packaging packaging) {
        if (unitWeightKg <= 0) {
            return Long.MAX_VALUE;
        }
        BigDecimal allowance = BigDecimal.valueOf(packaging.maxCartonKg()).subtract(BigDecimal.valueOf(packaging.tareKg()));
        BigDecimal units = allowance.divide(BigDecimal.valueOf(unitWeightKg), 0, RoundingMode.FLOOR);
        long capacity = units.min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue();
        int pack = Math.max(1, packSize);
        if (pack > 1 && capacity >= pack) {
            capacity = capacity / pack * pack;
        }
        return Math.max(1, capacity);
    }

    /** The units of each carton of a line: full cartons of {@code capacity}, the rest in the last. */
    public static List<Long> split(long quantity, long capacity) {
        List<Long> units = new ArrayList<>();
        for (long left = quantity; left > 0; left -= Math.min(left, capacity)) {
            units.add(Math.min(left, capacity));
        }
        return units;
    }

    /** The net weight of {@code units} units: {@code round3(units * unitWeightKg)}. */
    public static BigDecimal net(long units, double unitWeightKg) {
        return BigDecimal.valueOf(unitWeightKg).multiply(BigDecimal.valueOf(units)).setScale(3, RoundingMode.HALF_UP);
    }

    /** The gross weight of a carton of {@code units} units: its net plus the tare. */
    public static BigDecimal gross(long units, double unitWeightKg, Packaging packaging) {
        return net(units, unitWeightKg).add(BigDecimal.valueOf(packaging.tareKg())).setScale(3, RoundingMode.HALF_UP);
    }

    /** The shipment's cartons, numbered 1 to n in the order of {@code items}. */
    public static List<Carton> pack(String shipmentId, List<Item> items, Packaging packaging) {
        List<long[]> contents = new ArrayList<>();  // {item index, units}
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            for (long units : split(item.quantity(), capacity(item.unitWeightKg(), item.packSize(), packaging))) {
                contents.add(new long[] {i, units});
            }
        }
        List<Carton> cartons = new ArrayList<>(contents.size());
        for (long[] c : contents) {
            Item item = items.get((int) c[0]);
            cartons.add(new Carton(shipmentId, cartons.size() + 1, contents.size(), item.lineNo(), item.partNo(), c[1],
                    net(c[1], item.unitWeightKg()), gross(c[1], item.unitWeightKg(), packaging)));
        }
        return cartons;
    }

    /** The sum of the cartons' net weights. */
    public static BigDecimal netOf(List<Carton> cartons) {
        BigDecimal sum = BigDecimal.ZERO.setScale(3);
        for (Carton c : cartons) {
            sum = sum.add(c.netWeightKg());
        }
        return sum;
    }

    /** The sum of the cartons' gross weights. */
    public static BigDecimal grossOf(List<Carton> cartons) {
        BigDecimal sum = BigDecimal.ZERO.setScale(3);
        for (Carton c : cartons) {
            sum = sum.add(c.grossWeightKg());
        }
        return sum;
    }
}
