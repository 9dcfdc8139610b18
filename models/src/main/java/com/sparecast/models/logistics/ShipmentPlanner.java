package com.sparecast.models.logistics;

import com.sparecast.models.trade.CustomsRegime;
import com.sparecast.models.trade.CustomsRules;
import com.sparecast.models.trade.DeclaredLine;
import com.sparecast.models.trade.ExportEntry;
import com.sparecast.models.trade.Hold;
import com.sparecast.models.trade.HoldReason;
import com.sparecast.models.trade.HsCode;
import com.sparecast.models.trade.Incoterm;
import com.sparecast.models.trade.LandedCost;
import com.sparecast.models.trade.LineChecks;
import com.sparecast.models.trade.Packaging;
import com.sparecast.models.trade.Parties;
import com.sparecast.models.trade.Party;
import com.sparecast.models.trade.PartyCheck;
import com.sparecast.models.trade.TariffSchedule;
import com.sparecast.models.trade.Tariff;
import com.sparecast.models.trade.TradePart;
import com.sparecast.models.trade.TradeRules;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Turns the transfer orders of one lane into shipments: consolidation, ship calendar, customs
 * checks and landed cost.
 *
 * <ol>
 *   <li>Orders of the same part are added up into one line; zero quantities are dropped.</li>
 *   <li>Ship date: the first lane departure weekday on or after the planning date plus
 *       {@link TradeRules#departureLeadDays()} that is not a holiday in the origin country
 *       ({@link ShipCalendar#nextDeparture}). Expected arrival: ship date plus transit plus customs
 *       clearance means, rounded up to whole days ({@link ShipCalendar#expectedArrival}).</li>
 *   <li>The lane's customs regime ({@link CustomsRegime}: export, intra-union or domestic) decides
 *       what the parties of record must carry ({@link PartyCheck}); a missing field holds every
 *       line of the lane as {@link HoldReason#MISSING_PARTY_DATA}.</li>
 *   <li>One invoice currency per shipment ({@link TradeRules#invoiceCurrency}: the destination's,
 *       or as configured): each line's unit value is converted at the cross rate of the trade
 *       rates, {@code unit = round4(sourceUnit * round6(rate(from) / rate(to)))}, its value is
 *       {@code round2(quantity * unit)}, and the shipment's total is the sum of the lines' values.
 *       A line whose currency has no rate stays in its currency (it is held).</li>
 *   <li>An export line declares the national tariff code of the digits its destination requires
 *       ({@link TradePart#declaredCode}): {@code hs_code} and the duty lookup use it. Without one
 *       the line is held (or, where configured, ships with a {@code WARNING} in its hold_reason).</li>
 *   <li>Each line is checked ({@link LineChecks}); unknown parts are held as
 *       {@link HoldReason#PART_UNKNOWN}, a part whose single unit is heavier than the lane's maximum
 *       as {@link HoldReason#OVERWEIGHT}.</li>
 *   <li>Each line is packed into cartons ({@link CartonPacker}, {@link TradeRules#packaging()},
 *       a carton no heavier than the lane's maximum): its net weight and its gross weight (net plus
 *       a tare per carton) are its cartons'. A part whose one unit in a carton is over the lane's
 *       maximum is held {@link HoldReason#OVERWEIGHT}.</li>
 *   <li>Consolidation by first-fit decreasing on gross weight under the lane's maximum: a line
 *       heavier than the maximum is first split into pieces of as many whole cartons as fit; pieces are
 *       sorted by gross weight descending, then part number, and each goes into the first open
 *       shipment with room, else a new one. Shipments are numbered in the order they were opened:
 *       {@code SHP-20261123-DCNL-WHGB-01}. No maximum: one shipment. An export shipment is one
 *       customs declaration, so it also takes no more pieces than a declaration takes goods items
 *       ({@link CustomsRules#maxDeclarationItems()}, 999): 2,500 lines on a lane without a
 *       weight limit go as three shipments.</li>
 *   <li>Held lines leave their shipment, which goes ahead with the rest; a shipment whose lines
 *       are all held is HOLD. The lines the shipment carries are packed again as one shipment:
 *       cartons numbered 1 to n, their count the shipment's {@code packages}, their weights its
 *       net and gross weight. Totals, duty, VAT and EEI are those of {@link Shipment}, computed by
 *       {@link LandedCost} and {@link ExportEntry} for an export; an intra-union or domestic
 *       shipment owes no duty, no import VAT and files no EEI.</li>
 * </ol>
 * Pure and deterministic: the same inputs give equal outputs, in the same order.
 */
public final class ShipmentPlanner implements Serializable {

    private static final DateTimeFormatter ID_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final TradeRules rules;

    private ShipmentPlanner(TradeRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** A planner applying {@code rules}. */
    public static ShipmentPlanner of(TradeRules rules) {
        return new ShipmentPlanner(rules);
    }

    /** The rules this planner applies. */
    public TradeRules rules() {
        return rules;
    }

    /** Exporter and importer of a shipment: the entities of its two warehouses. */
    public Parties partiesOf(Shipment s) {
        return new Parties(rules.partyOf(s.originWarehouse(), s.originCountry()),
                rules.partyOf(s.destinationWarehouse(), s.destinationCountry()));
    }

    /**
     * The ship date of a lane planned on {@code planningDate}.
     */
    public LocalDate shipDate(LocalDate planningDate, Lane lane, java.util.Set<LocalDate> originHolidays) {
        return ShipCalendar.nextDeparture(planningDate.plusDays(rules.departureLeadDays()),
                lane.departureWeekdays(), originHolidays);
    }

    /**
     * Plans the shipments of one lane.
     *
     * @param planningDate the run's planning date
     * @param lane the lane
     * @param orders the lane's transfer orders (each must have the lane's two warehouses)
     * @param parts master data by part number; a missing part holds its line
     * @param tariffsOfDestination tariff rows of the lane's destination (other countries ignored)
     * @param originHolidays holidays of the origin country
     * @throws IllegalArgumentException when an order belongs to another lane
     */
    public ShipmentPlan planLane(LocalDate planningDate, Lane lane, List<TransferOrder> orders,
                                 Map<String, TradePart> parts, List<Tariff> tariffsOfDestination,
                                 java.util.Set<LocalDate> originHolidays) {
        return planLane(planningDate, lane, orders, parts, tariffsOfDestination, originHolidays, java.util.Set.of());
    }

    /**
     * Plans the shipments of one lane, arriving on a working day of the destination
     * ({@link ShipCalendar#expectedArrival(LocalDate, double, double, java.util.Set)}).
     *
     * @param destinationHolidays holidays of the destination country
     * @see #planLane(LocalDate, Lane, List, Map, List, java.util.Set)
     */
    public ShipmentPlan planLane(LocalDate planningDate, Lane lane, List<TransferOrder> orders,
                                 Map<String, TradePart> parts, List<Tariff> tariffsOfDestination,
                                 java.util.Set<LocalDate> originHolidays, java.util.Set<LocalDate> destinationHolidays) {
        Map<String, Long> quantities = new TreeMap<>();
        for (TransferOrder o : orders) {
            if (!o.originWarehouse().equals(lane.originWarehouse())
                    || !o.destinationWarehouse().equals(lane.destinationWarehouse())) {
                throw new IllegalArgumentException("order " + o + " is not on lane "
                        + lane.originWarehouse() + " -> " + lane.destinationWarehouse());
            }
            if (o.quantity() > 0) {
                quantities.merge(o.partNo(), o.quantity(), Math::addExact);
            }
        }
        if (quantities.isEmpty()) {
            return ShipmentPlan.empty();
        }
        LocalDate shipDate = shipDate(planningDate, lane, originHolidays);
        LocalDate arrival = ShipCalendar.expectedArrival(shipDate, lane.transitDaysMean(), lane.customsDaysMean(),
                destinationHolidays);
        Packaging cartons = CartonPacker.limit(rules.packaging(), lane.maxWeightKg());
        BigDecimal max = lane.maxWeightKg() == null ? null : BigDecimal.valueOf(lane.maxWeightKg());

        CustomsRegime regime = rules.regime(lane.originCountry(), lane.destinationCountry());
        String invoiceCurrency = rules.invoiceCurrency(lane.destinationCountry());
        LocalDate fxDate = rules.customs().fxDate() == null ? planningDate : rules.customs().fxDate();
        Party exporter = rules.partyOf(lane.originWarehouse(), lane.originCountry());
        Party importer = rules.partyOf(lane.destinationWarehouse(), lane.destinationCountry());
        String place = Incoterm.namedPlace(lane.incoterm(), lane.originWarehouse(), exporter,
                lane.destinationWarehouse(), importer);
        List<Piece> pieces = new ArrayList<>();
        for (Map.Entry<String, Long> e : quantities.entrySet()) {
            String partNo = e.getKey();
            List<Hold> holds = holds(lane, partNo, parts.get(partNo));
            TradePart part = parts.get(partNo);
            if (part == null) {
                part = new TradePart(partNo, "", 0, rules.baseCurrency(), 0, "", "", "", "");
            }
            long qty = e.getValue();
            List<Long> units = CartonPacker.split(qty,
                    CartonPacker.capacity(part.unitWeightKg(), part.packSize(), cartons));
            if (max == null || CartonPacker.gross(1, part.unitWeightKg(), cartons).compareTo(max) > 0) {
                // no limit, or one packed unit is over it (held OVERWEIGHT): the line as one piece
                pieces.add(new Piece(part, qty, grossOf(units, part, cartons), 0, holds));
            } else {
                // whole cartons into pieces of at most the lane's maximum
                int index = 0;
                long pieceQty = 0;
                BigDecimal pieceGross = BigDecimal.ZERO;
                for (long u : units) {
                    BigDecimal g = CartonPacker.gross(u, part.unitWeightKg(), cartons);
                    if (pieceQty > 0 && pieceGross.add(g).compareTo(max) > 0) {
                        pieces.add(new Piece(part, pieceQty, pieceGross, index++, holds));
                        pieceQty = 0;
                        pieceGross = BigDecimal.ZERO;
                    }
                    pieceQty += u;
                    pieceGross = pieceGross.add(g);
                }
                pieces.add(new Piece(part, pieceQty, pieceGross, index, holds));
            }
        }

        // an export is one customs declaration per shipment: at most its goods items, as lines
        int maxLines = regime == CustomsRegime.EXPORT ? rules.customs().maxDeclarationItems() : Integer.MAX_VALUE;
        List<List<Piece>> bins = firstFitDecreasing(pieces, max, maxLines);
        TariffSchedule schedule = TariffSchedule.of(lane.destinationCountry(), tariffsOfDestination);
        List<Shipment> shipments = new ArrayList<>();
        List<ShipmentLine> lines = new ArrayList<>();
        List<ShipmentHold> exceptions = new ArrayList<>();
        List<CartonPacker.Carton> packed = new ArrayList<>();
        String idStem = "SHP-" + shipDate.format(ID_DATE) + "-" + token(lane.originWarehouse()) + "-"
                + token(lane.destinationWarehouse()) + "-";
        for (int b = 0; b < bins.size(); b++) {
            String id = idStem + String.format(Locale.ROOT, "%02d", b + 1);
            buildShipment(id, lane, regime, place, invoiceCurrency, fxDate, shipDate, arrival, bins.get(b), cartons,
                    schedule, shipments, lines, exceptions, packed);
        }
        return new ShipmentPlan(shipments, lines, exceptions, packed);
    }

    /**
     * Why a part's line on a lane is held, whatever its quantity (empty: it ships): the part is
     * unknown ({@link HoldReason#PART_UNKNOWN}), fails a trade check ({@link LineChecks}), one
     * unit is heavier than the lane's maximum ({@link HoldReason#OVERWEIGHT}), or the parties of
     * record lack what the lane's customs regime requires ({@link PartyCheck}). The plan step asks
     * this before any shipment is planned, to flag a stock-out risk whose replenishment will be held.
     *
     * @param part the part's trade data, or null when it is not in master data
     */
    public List<Hold> holds(Lane lane, String partNo, TradePart part) {
        List<Hold> holds = new ArrayList<>();
        if (part == null) {
            holds.add(new Hold(HoldReason.PART_UNKNOWN, "part " + partNo + " is not in master/parts.csv"));
            holds.addAll(partyHolds(lane));
            return holds;
        }
        holds.addAll(LineChecks.holds(rules, part, lane.originCountry(), lane.destinationCountry(), lane.mode()));
        BigDecimal unitGross = CartonPacker.gross(1, part.unitWeightKg(),
                CartonPacker.limit(rules.packaging(), lane.maxWeightKg()));
        if (lane.maxWeightKg() != null && unitGross.compareTo(BigDecimal.valueOf(lane.maxWeightKg())) > 0) {
            holds.add(new Hold(HoldReason.OVERWEIGHT, "one unit weighs " + Formats.kg(unitGross)
                    + " kg gross in its carton, over the lane maximum of " + Formats.kg(BigDecimal.valueOf(lane.maxWeightKg()))
                    + " kg"));
        }
        holds.addAll(partyHolds(lane));
        return holds;
    }

    /** What the lane's parties of record lack for its customs regime (empty: nothing). */
    private List<Hold> partyHolds(Lane lane) {
        return PartyCheck.holds(rules.customs(), rules.regime(lane.originCountry(), lane.destinationCountry()),
                lane.originWarehouse(), rules.partyOf(lane.originWarehouse(), lane.originCountry()),
                lane.destinationWarehouse(), rules.partyOf(lane.destinationWarehouse(), lane.destinationCountry()));
    }

    private void buildShipment(String id, Lane lane, CustomsRegime regime, String place, String invoiceCurrency,
                               LocalDate fxDate, LocalDate shipDate, LocalDate arrival, List<Piece> bin,
                               Packaging cartons, TariffSchedule schedule, List<Shipment> shipments,
                               List<ShipmentLine> lines, List<ShipmentHold> exceptions,
                               List<CartonPacker.Carton> packed) {
        // merge pieces of the same part (never happens with first-fit on split pieces, kept safe)
        Map<String, Piece> byPart = new TreeMap<>();
        for (Piece p : bin) {
            byPart.merge(p.part.partNo(), p, (a, c) -> new Piece(a.part, a.quantity + c.quantity, a.gross.add(c.gross),
                    Math.min(a.index, c.index), a.holds));
        }
        List<Piece> ordered = new ArrayList<>(byPart.values());
        ordered.sort(Comparator.comparing((Piece p) -> !p.holds.isEmpty()).thenComparing(p -> p.part.partNo()));

        List<ShipmentLine> mine = new ArrayList<>();
        Map<Integer, CartonPacker.Item> items = new TreeMap<>();
        int lineNo = 0;
        for (Piece p : ordered) {
            TradePart part = p.part;
            // 120.0 -> 120.00, 0.125 stays 0.125: at least cents, no trailing zeros beyond
            BigDecimal sourceUnit = new BigDecimal(Formats.unitValue(BigDecimal.valueOf(part.unitValue())));
            // in the invoice currency at the printed cross rate: unit to 4 decimals, line = qty x unit to cents
            boolean convertible = rules.knowsCurrency(part.currency());
            String lineCurrency = convertible ? invoiceCurrency : part.currency();
            BigDecimal fx = convertible ? rules.crossRate(part.currency(), invoiceCurrency) : BigDecimal.ONE;
            BigDecimal unitValue = convertible && !part.currency().equals(invoiceCurrency)
                    ? new BigDecimal(Formats.unitValue(sourceUnit.multiply(fx).setScale(4, RoundingMode.HALF_UP)))
                    : sourceUnit;
            BigDecimal qty = BigDecimal.valueOf(p.quantity);
            // weights from the line's cartons: net = sum of round3(units * unit kg), gross = net + tare each
            CartonPacker.Item item = new CartonPacker.Item(lineNo + 1, part.partNo(), p.quantity, part.unitWeightKg(),
                    part.packSize());
            List<CartonPacker.Carton> own = CartonPacker.pack(id, List.of(item), cartons);
            BigDecimal net = CartonPacker.netOf(own);
            BigDecimal gross = CartonPacker.grossOf(own);
            String hs = HsCode.isValid(part.hsCode()) ? HsCode.normalize(part.hsCode()) : part.hsCode();
            int digits = regime.declared() ? rules.customs().nationalCodeDigits(lane.destinationCountry()) : 0;
            String national = HsCode.isValid(part.hsCode()) ? part.declaredCode(lane.destinationCountry(), digits) : null;
            if (national != null) {
                hs = national;  // the declared code: duty is looked up by it
            }
            boolean held = !p.holds.isEmpty();
            StringJoiner text = new StringJoiner("; ");
            Hold warning = held ? null : LineChecks.nationalCodeMissing(rules, part, lane.originCountry(),
                    lane.destinationCountry());
            if (warning != null) {
                text.add("WARNING " + warning.text().replace(';', ','));
            }
            StringJoiner codes = new StringJoiner(";");
            for (Hold h : p.holds) {
                text.add(h.text().replace(';', ','));
                codes.add(h.reason().name());
            }
            ShipmentLine line = new ShipmentLine(id, ++lineNo, part.partNo(), part.description(), hs,
                    part.originCountry(), p.quantity, unitValue, unitValue.multiply(qty).setScale(2, RoundingMode.HALF_UP),
                    lineCurrency, net, part.dangerousGoods(), part.eccn(),
                    held ? Shipment.HOLD : Shipment.READY, text.toString(), gross, part.currency(), sourceUnit,
                    part.currency().equals(lineCurrency) ? BigDecimal.ONE.setScale(6) : fx);
            mine.add(line);
            items.put(line.lineNo(), item);
            if (held) {
                exceptions.add(new ShipmentHold(id, line.lineNo(), part.partNo(), lane.originWarehouse(),
                        lane.destinationWarehouse(), shipDate, p.quantity, codes.toString(), line.holdReason()));
            }
        }
        lines.addAll(mine);

        List<ShipmentLine> counted = new ArrayList<>();
        for (ShipmentLine l : mine) {
            if (l.ready()) {
                counted.add(l);
            }
        }
        boolean ready = !counted.isEmpty();
        if (!ready) {
            counted = mine;
        }
        List<CartonPacker.Item> toPack = new ArrayList<>();
        for (ShipmentLine l : counted) {
            toPack.add(items.get(l.lineNo()));
        }
        List<CartonPacker.Carton> shipmentCartons = CartonPacker.pack(id, toPack, cartons);
        packed.addAll(shipmentCartons);
        String currency = invoiceCurrency;
        List<DeclaredLine> declared = new ArrayList<>();
        BigDecimal netSum = BigDecimal.ZERO.setScale(3);
        BigDecimal grossSum = BigDecimal.ZERO.setScale(3);
        boolean dangerous = false;
        for (ShipmentLine l : counted) {
            netSum = netSum.add(l.netWeightKg());
            grossSum = grossSum.add(l.grossWeightKg());
            dangerous |= !l.dangerousGoods().isEmpty();
            if (l.currency().equals(currency) || rules.knowsCurrency(l.currency())) {
                declared.add(new DeclaredLine(l.hsCode(), rules.convert(l.lineValue(), l.currency(), currency)));
            }
        }
        LandedCost cost;
        boolean eei;
        if (ready && regime.declared()) {
            cost = LandedCost.estimate(rules, currency, declared, schedule, lane.incoterm());
            eei = ExportEntry.required(rules, lane.originCountry(), currency, declared);
        } else {
            cost = LandedCost.domestic(currency, declared);
            eei = false;
        }
        String payer = regime.declared() ? Incoterm.dutiesPaidBy(lane.incoterm()) : Incoterm.NONE;
        shipments.add(new Shipment(id, lane.originWarehouse(), lane.destinationWarehouse(),
                lane.destinationCountry(), lane.mode(), lane.incoterm(), shipDate, arrival, counted.size(),
                cost.customsValue(), currency, grossSum, cost.duty(), cost.vat(), eei, dangerous,
                ready ? Shipment.READY : Shipment.HOLD, lane.originCountry(), payer, netSum, regime.name(),
                place, rules.rate(invoiceCurrency), fxDate, rules.customs().officeOfEntry(lane.destinationCountry()),
                shipmentCartons.size()));
    }

    /**
     * First-fit decreasing: pieces by gross weight descending, then part number, then piece
     * index; each into the first bin with room (its weight under {@code max}, fewer than
     * {@code maxPieces} pieces in it), else a new bin. Without a maximum weight and with room for
     * every piece, one bin.
     */
    static List<List<Piece>> firstFitDecreasing(List<Piece> pieces, BigDecimal max, int maxPieces) {
        List<Piece> sorted = new ArrayList<>(pieces);
        sorted.sort(Comparator.comparing(Piece::gross).reversed()
                .thenComparing(p -> p.part.partNo()).thenComparingInt(p -> p.index));
        List<List<Piece>> bins = new ArrayList<>();
        List<BigDecimal> loads = new ArrayList<>();
        for (Piece p : sorted) {
            int target = -1;
            for (int b = 0; b < bins.size(); b++) {
                boolean fits = max == null || loads.get(b).add(p.gross()).compareTo(max) <= 0;
                if (fits && bins.get(b).size() < maxPieces) {
                    target = b;
                    break;
                }
            }
            if (target < 0) {
                bins.add(new ArrayList<>());
                loads.add(BigDecimal.ZERO);
                target = bins.size() - 1;
            }
            bins.get(target).add(p);
            loads.set(target, loads.get(target).add(p.gross()));
        }
        return bins;
    }

    /** A warehouse id made safe for a shipment id and folder name: upper case, other than A-Z0-9 as '_'. */
    static String token(String warehouseId) {
        return warehouseId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** The gross weight of a line's cartons of {@code units} units each. */
    private static BigDecimal grossOf(List<Long> units, TradePart part, Packaging cartons) {
        BigDecimal sum = BigDecimal.ZERO;
        for (long u : units) {
            sum = sum.add(CartonPacker.gross(u, part.unitWeightKg(), cartons));
        }
        return sum;
    }

    /** Units of one part going into one shipment, in whole cartons weighing {@code gross} together. */
    record Piece(TradePart part, long quantity, BigDecimal gross, int index, List<Hold> holds) {
    }
}
