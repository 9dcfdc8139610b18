package com.sparecast.jobs.replenishment;

import static org.apache.spark.sql.functions.col;

import com.sparecast.jobs.input.MasterData;
import com.sparecast.jobs.stage.Datasets;
import com.sparecast.jobs.stage.Stage;
import com.sparecast.jobs.stage.TransferSchema;
import com.sparecast.models.inventory.ExceptionCode;
import com.sparecast.models.inventory.LineUrgency;
import com.sparecast.models.logistics.Lane;
import com.sparecast.models.logistics.Rebalancing;
import com.sparecast.models.logistics.ShipCalendar;
import com.sparecast.models.logistics.ShipmentPlanner;
import com.sparecast.models.trade.TradePart;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Rebalancing before buying: after the plan lines exist, the transfers {@link Rebalancing} proposes
 * from the overstocked and dead-stock lines to the lines at risk of a stock-out, staged as
 * {@link Datasets#TRANSFERS} ({@code plans/transfers.csv}). Only exception lines reach the driver.
 * Costs are in the reporting currency: the lines' {@code unit_cost_reporting}, and the transfer cost
 * settings ({@code sparecast.plan.transfer-cost} per transfer, {@code sparecast.plan.transfer-cost-per-kg}
 * per kg gross). A receiver's new order arrives as its restock line says: after the lane's ship date,
 * transit and customs for a regional warehouse, after the mean lead time for a supplier order; a
 * {@code HELD_AT_CUSTOMS} line's order is held and has no arrival.
 */
final class Transfers {

    private static final String SUPPLIER = "SUPPLIER";

    private Transfers() {
    }

    /** Proposes and stages the transfers of the staged plan; returns how many. */
    static long stage(Stage stage, PlanningContext context) {
        MasterData master = context.master();
        ShipmentPlanner planner = ShipmentPlanner.of(master.withPartiesOfRecord(context.review().trade()));
        Rebalancing rebalancing = Rebalancing.of(planner, stage.settings().getDouble("sparecast.plan.transfer-cost"),
                stage.settings().getDouble("sparecast.plan.transfer-cost-per-kg"));
        Set<String> exceptions = new HashSet<>(Rebalancing.DONOR_EXCEPTIONS);
        exceptions.addAll(Rebalancing.RECEIVER_EXCEPTIONS);
        List<Row> rows = stage.read(Datasets.PLAN)
                .filter(col("exception").isInCollection(exceptions))
                .select("warehouse_id", "part_no", "exception", "on_hand", "inventory_position", "order_up_to",
                        "order_qty", "unit_cost_reporting", "source_warehouse", "lead_time_weeks_mean",
                        "weeks_of_cover", "stockout_date")
                .collectAsList();
        LocalDate planningDate = context.planningDate();
        List<Rebalancing.StockLine> lines = new ArrayList<>(rows.size());
        Map<String, TradePart> parts = new TreeMap<>();
        for (Row r : rows) {
            String warehouse = r.getString(0);
            String source = r.isNullAt(8) || SUPPLIER.equals(r.getString(8)) ? null : r.getString(8);
            // A HELD_AT_CUSTOMS line's order will not arrive: any transfer comes sooner.
            boolean arrives = Rebalancing.RECEIVER_EXCEPTIONS.contains(r.getString(2))
                    && !ExceptionCode.HELD_AT_CUSTOMS.name().equals(r.getString(2));
            lines.add(new Rebalancing.StockLine(warehouse, r.getString(1), r.getString(2), r.getLong(3), r.getDouble(4),
                    ((Number) r.get(5)).doubleValue(), r.getLong(6), r.isNullAt(7) ? null : r.getDouble(7),
                    arrives ? newOrderArrival(master, planner, planningDate, warehouse, source, r.getDouble(9)) : null,
                    source, LineUrgency.weeksLeft(r.isNullAt(10) ? null : ((Number) r.get(10)).doubleValue(),
                            r.isNullAt(11) ? null : r.getDate(11).toLocalDate(), planningDate)));
            TradePart part = master.tradePart(r.getString(1));
            if (part != null) {
                parts.put(part.partNo(), part);
            }
        }
        String currency = context.review().reportingCurrency();
        List<Row> out = new ArrayList<>();
        for (Rebalancing.Transfer t : rebalancing.propose(planningDate, lines, master.logisticsLanes(), parts,
                master::holidaysOf)) {
            out.add(RowFactory.create(t.partNo(), t.fromWarehouse(), t.toWarehouse(), t.quantity(),
                    Date.valueOf(t.shipDate()), Date.valueOf(t.expectedArrival()), t.cost(), t.costOfNewOrder(), currency,
                    t.newOrderArrival() == null ? null : Date.valueOf(t.newOrderArrival())));
        }
        return stage.write(stage.spark().createDataFrame(out, TransferSchema.TRANSFERS).coalesce(1), Datasets.TRANSFERS);
    }

    /** When the line's planned order would arrive: over its supply lane, or after the supplier's mean lead time. */
    private static LocalDate newOrderArrival(MasterData master, ShipmentPlanner planner, LocalDate planningDate,
                                             String warehouse, String source, double leadTimeWeeks) {
        Lane lane = source == null ? null : master.logisticsLaneTo(warehouse);
        MasterData.Warehouse w = master.warehouses().get(warehouse);
        Set<LocalDate> holidays = master.holidaysOf(w == null ? null : w.country());
        if (lane == null) {
            return ShipCalendar.arrivalAfter(planningDate, leadTimeWeeks * 7, holidays);
        }
        LocalDate ship = planner.shipDate(planningDate, lane, master.holidaysOf(lane.originCountry()));
        return ShipCalendar.expectedArrival(ship, lane.transitDaysMean(), lane.customsDaysMean(), holidays);
    }
}
