package com.sparecast.models.logistics;

import com.sparecast.models.trade.TradePart;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Rebalancing before buying: stock a warehouse does not need, moved over a lane to a warehouse of
 * the same part that is about to run out, proposed against ordering new.
 *
 * <ul>
 *   <li>A <b>donor</b> is a line with {@code OVERSTOCK} or {@code DEAD_STOCK}. An overstocked line
 *       gives only what it holds above its own order-up-to level, never more than it has on hand:
 *       {@code min(on_hand, floor(position - order_up_to))}, so it stays at its own level and
 *       orders nothing because of the transfer. A dead-stock line (no demand for a long time)
 *       gives all it has on hand.</li>
 *   <li>A <b>receiver</b> is a line with {@code STOCKOUT_RISK} or {@code HELD_AT_CUSTOMS}. It takes
 *       at most its shortfall up to its order-up-to level, {@code ceil(order_up_to - position)},
 *       and never more than its planned order.</li>
 *   <li>A lane of {@code lanes.csv} connects its two warehouses both ways: stock goes from the
 *       donor to the receiver over the lane from donor to receiver, or else over the reverse of the
 *       lane from receiver to donor (same mode, times, departure days and weight limit). No lane, no
 *       proposal. The receiver's own supply source is no donor: its planned order already ships
 *       from there.</li>
 *   <li>The lane's trade checks must let the part through ({@link ShipmentPlanner#holds}): a transfer
 *       the shipment step would hold is not proposed.</li>
 *   <li>It ships on the lane's next departure ({@link ShipmentPlanner#shipDate}) and is expected
 *       after transit plus customs on the receiver's next working day
 *       ({@link ShipCalendar#expectedArrival(LocalDate, double, double, Set)}).</li>
 *   <li>Its {@code cost} is {@code per_transfer + per_kg * quantity * unit_weight_kg * gross_factor}
 *       (the trade rules' gross weight factor), to the cent; {@code cost_of_new_order} is
 *       {@code quantity * unit_cost}, what the same units cost bought new. A transfer is proposed when
 *       it is cheaper than buying new, or arrives before the receiver's new order would.</li>
 * </ul>
 *
 * Receivers of a part are served most urgent first: fewest weeks left before they run out
 * ({@link com.sparecast.models.inventory.LineUrgency#weeksLeft}, unknown last), then warehouse;
 * each takes from its donors by earliest arrival, then lower weight, then warehouse, until its
 * shortfall is met or the donors' surplus is spent. Pure and deterministic.
 */
public final class Rebalancing implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Exceptions whose stock may be given. */
    public static final Set<String> DONOR_EXCEPTIONS = Set.of("OVERSTOCK", "DEAD_STOCK");
    /** Exceptions whose line may receive. */
    public static final Set<String> RECEIVER_EXCEPTIONS = Set.of("STOCKOUT_RISK", "HELD_AT_CUSTOMS");

    /** Fewest weeks left first (unknown last), then warehouse: the order receivers are served in. */
    private static final Comparator<StockLine> MOST_URGENT_FIRST = Comparator
            .comparing(StockLine::weeksLeft, Comparator.nullsLast(Comparator.<Double>naturalOrder()))
            .thenComparing(StockLine::warehouseId);

    private final ShipmentPlanner planner;
    private final double costPerTransfer;
    private final double costPerKg;

    private Rebalancing(ShipmentPlanner planner, double costPerTransfer, double costPerKg) {
        this.planner = Objects.requireNonNull(planner, "planner");
        if (!(costPerTransfer >= 0) || Double.isInfinite(costPerTransfer)) {
            throw new IllegalArgumentException("cost per transfer must be finite and >= 0, got " + costPerTransfer);
        }
        if (!(costPerKg >= 0) || Double.isInfinite(costPerKg)) {
            throw new IllegalArgumentException("cost per kg must be finite and >= 0, got " + costPerKg);
        }
        this.costPerTransfer = costPerTransfer;
        this.costPerKg = costPerKg;
    }

    /**
     * Rebalancing with the holds, ship dates and gross weight factor of {@code planner}'s rules and
     * a transfer cost of {@code costPerTransfer + costPerKg} per kg gross (in the currency of the
     * lines' unit costs).
     */
    public static Rebalancing of(ShipmentPlanner planner, double costPerTransfer, double costPerKg) {
        return new Rebalancing(planner, costPerTransfer, costPerKg);
    }

    /**
     * A plan line as rebalancing reads it.
     *
     * @param warehouseId the warehouse
     * @param partNo the part
     * @param exception the line's exception code, or null
     * @param onHand units on hand
     * @param inventoryPosition the inventory position (on hand, on order, expected returns)
     * @param orderUpTo the order-up-to level
     * @param orderQty the planned order
     * @param unitCost the unit cost in the currency costs are given in; null when unknown
     * @param newOrderArrival when the line's planned order would arrive; null when unknown
     * @param supplySource the warehouse the line's order ships from, or null (a supplier)
     * @param weeksLeft weeks before the line runs out, or null when unknown (receivers are served in this order)
     */
    public record StockLine(String warehouseId, String partNo, String exception, long onHand, double inventoryPosition,
                            double orderUpTo, long orderQty, Double unitCost, LocalDate newOrderArrival,
                            String supplySource, Double weeksLeft) implements Serializable {

        public StockLine {
            Objects.requireNonNull(warehouseId, "warehouseId");
            Objects.requireNonNull(partNo, "partNo");
        }

        /** Units the line can give: above its order-up-to (OVERSTOCK) or all on hand (DEAD_STOCK); else 0. */
        public long surplus() {
            if ("DEAD_STOCK".equals(exception)) {
                return Math.max(0, onHand);
            }
            if ("OVERSTOCK".equals(exception)) {
                return Math.max(0, Math.min(onHand, (long) Math.floor(inventoryPosition - orderUpTo)));
            }
            return 0;
        }

        /** Units the line needs: its shortfall up to order-up-to, at most its order (receivers only); else 0. */
        public long need() {
            if (exception == null || !RECEIVER_EXCEPTIONS.contains(exception)) {
                return 0;
            }
            return Math.max(0, Math.min(orderQty, (long) Math.ceil(orderUpTo - inventoryPosition)));
        }
    }

    /**
     * A proposed transfer ({@code plans/transfers.csv}).
     *
     * @param costOfNewOrder {@code quantity * unit_cost}; null when the unit cost is unknown
     * @param newOrderArrival when the receiver's new order would arrive; null when unknown
     * @param lane the lane it travels, from {@code fromWarehouse} to {@code toWarehouse}
     */
    public record Transfer(String partNo, String fromWarehouse, String toWarehouse, long quantity, LocalDate shipDate,
                           LocalDate expectedArrival, BigDecimal cost, BigDecimal costOfNewOrder,
                           LocalDate newOrderArrival, Lane lane) implements Serializable {
    }

    /** A possible route from one donor, before quantities. */
    private record Option(StockLine donor, Lane lane, LocalDate shipDate, LocalDate arrival, double unitGrossKg,
                          TradePart part, com.sparecast.models.trade.Packaging packaging) {

        /** The gross kg of {@code qty} units packed in cartons as the shipment would pack them: net plus a tare per carton. */
        double grossKg(long qty) {
            long capacity = CartonPacker.capacity(part.unitWeightKg(), part.packSize(),
                    CartonPacker.limit(packaging, lane.maxWeightKg()));
            BigDecimal tare = BigDecimal.valueOf(packaging.tareKg())
                    .multiply(BigDecimal.valueOf(CartonPacker.split(qty, capacity).size()));
            return CartonPacker.net(qty, part.unitWeightKg()).add(tare).doubleValue();
        }
    }

    /**
     * The transfers proposed among {@code lines}.
     *
     * @param planningDate the run's planning date
     * @param lines plan lines (any; only donors and receivers count)
     * @param lanes every lane, with the countries of its warehouses
     * @param parts parts by number; a part missing here is held by the trade checks
     * @param holidaysOf a country's holidays
     */
    public List<Transfer> propose(LocalDate planningDate, List<StockLine> lines, List<Lane> lanes,
                                  Map<String, TradePart> parts, Function<String, Set<LocalDate>> holidaysOf) {
        Map<String, List<StockLine>> byPart = new TreeMap<>();
        for (StockLine l : lines) {
            if (l.surplus() > 0 || l.need() > 0) {
                byPart.computeIfAbsent(l.partNo(), p -> new ArrayList<>()).add(l);
            }
        }
        List<Transfer> out = new ArrayList<>();
        for (List<StockLine> partLines : byPart.values()) {
            partLines.sort(MOST_URGENT_FIRST);
            Map<String, Long> left = new TreeMap<>();
            partLines.stream().filter(l -> l.surplus() > 0).forEach(l -> left.put(l.warehouseId(), l.surplus()));
            for (StockLine receiver : partLines) {
                long need = receiver.need();
                if (need <= 0 || left.isEmpty()) {
                    continue;
                }
                for (Option o : options(planningDate, receiver, partLines, lanes, parts, holidaysOf)) {
                    long available = left.getOrDefault(o.donor().warehouseId(), 0L);
                    long qty = Math.min(need, available);
                    if (qty <= 0) {
                        continue;
                    }
                    BigDecimal cost = cents(costPerTransfer + costPerKg * o.grossKg(qty));
                    BigDecimal newOrder = receiver.unitCost() == null ? null : cents(qty * receiver.unitCost());
                    boolean cheaper = newOrder != null && cost.compareTo(newOrder) < 0;
                    boolean earlier = receiver.newOrderArrival() == null
                            || o.arrival().isBefore(receiver.newOrderArrival());
                    if (!cheaper && !earlier) {
                        continue;
                    }
                    out.add(new Transfer(receiver.partNo(), o.donor().warehouseId(), receiver.warehouseId(), qty,
                            o.shipDate(), o.arrival(), cost, newOrder, receiver.newOrderArrival(), o.lane()));
                    left.put(o.donor().warehouseId(), available - qty);
                    need -= qty;
                    if (need == 0) {
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** The receiver's donors it is connected to without a hold, earliest arrival first. */
    private List<Option> options(LocalDate planningDate, StockLine receiver, List<StockLine> partLines, List<Lane> lanes,
                                 Map<String, TradePart> parts, Function<String, Set<LocalDate>> holidaysOf) {
        List<Option> options = new ArrayList<>();
        TradePart part = parts.get(receiver.partNo());
        for (StockLine donor : partLines) {
            if (donor.surplus() <= 0 || donor.warehouseId().equals(receiver.warehouseId())
                    || donor.warehouseId().equals(receiver.supplySource())) {
                continue;
            }
            Lane lane = connecting(lanes, donor.warehouseId(), receiver.warehouseId());
            if (lane == null || !planner.holds(lane, receiver.partNo(), part).isEmpty()) {
                continue;
            }
            LocalDate ship = planner.shipDate(planningDate, lane, holidaysOf.apply(lane.originCountry()));
            LocalDate arrival = ShipCalendar.expectedArrival(ship, lane.transitDaysMean(), lane.customsDaysMean(),
                    holidaysOf.apply(lane.destinationCountry()));
            options.add(new Option(donor, lane, ship, arrival, part.unitWeightKg(), part, planner.rules().packaging()));
        }
        options.sort(Comparator.comparing(Option::arrival).thenComparing(Option::unitGrossKg)
                .thenComparing(o -> o.donor().warehouseId()));
        return options;
    }

    /**
     * The lane from {@code from} to {@code to}: the lane of that direction, or else the reverse of
     * the lane from {@code to} to {@code from}; null when no lane connects them.
     */
    public static Lane connecting(List<Lane> lanes, String from, String to) {
        Lane reverse = null;
        for (Lane l : lanes) {
            if (l.originWarehouse().equals(from) && l.destinationWarehouse().equals(to)) {
                return l;
            }
            if (reverse == null && l.originWarehouse().equals(to) && l.destinationWarehouse().equals(from)) {
                reverse = l;
            }
        }
        return reverse == null ? null : new Lane(reverse.destinationWarehouse(), reverse.originWarehouse(),
                reverse.destinationCountry(), reverse.originCountry(), reverse.mode(), reverse.transitDaysMean(),
                reverse.transitDaysSd(), reverse.customsDaysMean(), reverse.customsDaysSd(), reverse.incoterm(),
                reverse.departureWeekdays(), reverse.maxWeightKg());
    }

    private static BigDecimal cents(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }
}
