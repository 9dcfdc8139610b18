package com.sparecast.jobs.shipments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sparecast.jobs.TestSpark;
import com.sparecast.jobs.input.MasterData;
import com.sparecast.models.logistics.ShipmentPlanner;
import com.sparecast.models.trade.TradeRules;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Step {@code planShipments}' Spark transform on a handful of plan lines: which lines are
 * transfers, how they are grouped by lane, and what each lane's rows carry.
 */
class LanePlanningTest {

    /** Friday; with the default departure lead of one day the earliest ship date is Saturday 21st. */
    private static final LocalDate DATE = LocalDate.of(2026, 11, 20);

    private static final StructType PLAN = new StructType()
            .add("source_warehouse", DataTypes.StringType).add("warehouse_id", DataTypes.StringType)
            .add("part_no", DataTypes.StringType).add("order_qty", DataTypes.LongType);

    private static MasterData master() {
        Map<String, MasterData.Part> parts = new TreeMap<>();
        // 1 kg a unit; default cartons: at most 25 kg, 0.5 kg tare
        parts.put("P1", new MasterData.Part("P1", "bearing", 10, "EUR", 1, "848210", "DE", 1, 0, null, null, null));
        parts.put("P2", new MasterData.Part("P2", "seal", 2, "EUR", 1, "401693", "DE", 1, 0, null, null, null));
        Map<String, MasterData.Warehouse> warehouses = new TreeMap<>();
        warehouses.put("WH-C", new MasterData.Warehouse("WH-C", "EU", "DE", "CENTRAL"));
        warehouses.put("WH-FR", new MasterData.Warehouse("WH-FR", "EU-WEST", "FR", "REGIONAL"));
        warehouses.put("WH-JP", new MasterData.Warehouse("WH-JP", "APAC", "JP", "REGIONAL"));
        List<MasterData.Lane> lanes = List.of(
                // departs Mondays and Thursdays; transit 2.5 + customs 0 days: arrives on the 3rd day,
                // Sunday the 29th, so on the destination's next working day, Monday the 30th
                new MasterData.Lane("WH-C", "WH-FR", "ROAD", 2.5, 1, 0, 0, "DAP", "MON;THU", null),
                // departs Wednesdays; 10 kg a shipment at most, so cartons of at most 10 kg too:
                // floor((10 - 0.5) / 1) = 9 units a carton (9.5 kg gross); two such cartons do not fit
                new MasterData.Lane("WH-C", "WH-JP", "AIR_CARGO", 3, 1, 1.2, 0.5, "DAP", "WED", 10.0));
        return new MasterData(parts, Map.of("DE", "EU", "FR", "EU-WEST", "JP", "APAC"), warehouses, lanes, List.of(),
                Map.of(), Map.of("DE", Set.of(LocalDate.of(2026, 11, 23))), List.of(), Map.of());
    }

    @Test
    void transfersAreGroupedByLaneAndPlannedIntoShipments() {
        Dataset<Row> plan = TestSpark.rows(PLAN,
                new Object[] {"WH-C", "WH-FR", "P1", 5L},
                new Object[] {"WH-C", "WH-FR", "P2", 3L},
                new Object[] {"WH-C", "WH-FR", "P3", 0L},        // nothing to move
                new Object[] {"SUPPLIER", "WH-C", "P1", 40L},    // a purchase, not a transfer
                new Object[] {"WH-C", "WH-JP", "P1", 20L});
        LaneShipmentPlanner planner = new LaneShipmentPlanner(master(), ShipmentPlanner.of(TradeRules.defaults()), DATE);
        List<Row> rows = PlanShipmentsTasklet.plannedByLane(PlanShipmentsTasklet.transfers(plan), planner)
                .filter("kind <> 'DOCUMENT'").orderBy("kind", "shipment_id", "line_index").collectAsList();

        List<String> lines = rows.stream().filter(r -> r.getString(0).equals(LaneShipmentPlanner.LINE))
                .map(r -> r.getString(1) + " " + r.getString(3) + " " + r.getList(4).get(2) + " x"
                        + r.getList(4).get(6) + " ships " + r.getString(7) + " arrives " + r.getString(8))
                .toList();
        // WH-FR: Monday 23rd is a German holiday, so the first departure is Thursday 26th, + 3 days.
        // WH-JP: 20 units in cartons of 9 + 9 + 2 (9.5, 9.5, 2.5 kg), one carton a shipment under 10 kg
        // (9.5 + 2.5 = 12 is over), Wednesday 25th, + ceil(4.2) days.
        assertEquals(List.of(
                "SHP-20261125-WH_C-WH_JP-01 WH-JP P1 x9 ships 2026-11-25 arrives 2026-11-30",
                "SHP-20261125-WH_C-WH_JP-02 WH-JP P1 x9 ships 2026-11-25 arrives 2026-11-30",
                "SHP-20261125-WH_C-WH_JP-03 WH-JP P1 x2 ships 2026-11-25 arrives 2026-11-30",
                "SHP-20261126-WH_C-WH_FR-01 WH-FR P1 x5 ships 2026-11-26 arrives 2026-11-30",
                "SHP-20261126-WH_C-WH_FR-01 WH-FR P2 x3 ships 2026-11-26 arrives 2026-11-30"), lines);

        List<String> shipments = rows.stream().filter(r -> r.getString(0).equals(LaneShipmentPlanner.SHIPMENT))
                .map(r -> r.getString(1) + " lines " + r.getList(4).get(8) + " gross " + r.getList(4).get(11)
                        + " packages " + r.getList(4).get(19))
                .toList();
        // WH-FR: P1 5 kg and P2 3 kg, one carton each: 5.5 + 3.5 = 9.0 kg gross, 2 packages
        assertEquals(List.of(
                "SHP-20261125-WH_C-WH_JP-01 lines 1 gross 9.500 packages 1",
                "SHP-20261125-WH_C-WH_JP-02 lines 1 gross 9.500 packages 1",
                "SHP-20261125-WH_C-WH_JP-03 lines 1 gross 2.500 packages 1",
                "SHP-20261126-WH_C-WH_FR-01 lines 2 gross 9.000 packages 2"), shipments);
    }
}
