package com.sparecast.jobs.shipments;

import com.sparecast.jobs.customs.CustomsDocuments;
import com.sparecast.jobs.input.MasterData;
import com.sparecast.models.logistics.Lane;
import com.sparecast.models.logistics.Shipment;
import com.sparecast.models.logistics.ShipmentLine;
import com.sparecast.models.logistics.ShipmentPlan;
import com.sparecast.models.logistics.ShipmentPlanner;
import com.sparecast.models.logistics.TransferOrder;
import com.sparecast.models.trade.Tariff;
import com.sparecast.models.trade.TradePart;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Plans the shipments of one lane inside a Spark executor: turns the lane's replenishment orders
 * into transfer orders and hands them to the models' {@link ShipmentPlanner} (consolidation,
 * customs checks, landed cost), then lays out shipment, line and document rows (HTML and JSON).
 */
final class LaneShipmentPlanner implements FlatMapGroupsFunction<String, Row, Row>, Serializable {

    private static final long serialVersionUID = 1L;

    static final String SHIPMENT = "SHIPMENT";
    static final String LINE = "LINE";
    static final String DOCUMENT = "DOCUMENT";

    private final MasterData master;
    private final ShipmentPlanner planner;
    private final LocalDate planningDate;

    LaneShipmentPlanner(MasterData master, ShipmentPlanner planner, LocalDate planningDate) {
        this.master = master;
        this.planner = planner;
        this.planningDate = planningDate;
    }

    /** Rows: source_warehouse, warehouse_id, part_no, order_qty. */
    @Override
    public Iterator<Row> call(String laneKey, Iterator<Row> orders) {
        List<TransferOrder> transfers = new ArrayList<>();
        String origin = null;
        String destination = null;
        while (orders.hasNext()) {
            Row r = orders.next();
            origin = r.getString(0);
            destination = r.getString(1);
            transfers.add(new TransferOrder(origin, destination, r.getString(2), r.getLong(3)));
        }
        Lane lane = master.logisticsLaneTo(destination);
        Map<String, TradePart> parts = new TreeMap<>();
        for (TransferOrder t : transfers) {
            TradePart p = master.tradePart(t.partNo());
            if (p != null) {
                parts.put(p.partNo(), p);
            }
        }
        List<Tariff> tariffs = master.tariffs().stream()
                .filter(t -> t.destinationCountry().equals(lane.destinationCountry()))
                .map(t -> new Tariff(t.destinationCountry(), t.hsPrefix(), t.dutyRate(), t.vatRate(), t.deMinimisValue(),
                        t.deMinimisCurrency()))
                .toList();
        ShipmentPlan plan = planner.planLane(planningDate, lane, transfers, parts, tariffs,
                master.holidaysOf(lane.originCountry()), master.holidaysOf(lane.destinationCountry()));
        return rows(plan, destination).iterator();
    }

    private List<Row> rows(ShipmentPlan plan, String destination) {
        List<Row> out = new ArrayList<>();
        Map<String, Shipment> byId = plan.shipments().stream()
                .collect(Collectors.toMap(Shipment::shipmentId, s -> s, (a, b) -> a, TreeMap::new));
        for (Shipment s : plan.shipments()) {
            out.add(RowFactory.create(SHIPMENT, s.shipmentId(), 0, destination, s.csvValues().toArray(String[]::new),
                    null, null, null, null));
            // HTML and JSON; the PDFs are laid out from the HTML afterwards, spread by document (CustomsPdfs)
            for (Map.Entry<String, String> doc : CustomsDocuments.render(s, plan.documentLines(s),
                    plan.cartonsOf(s.shipmentId()), planner.partiesOf(s)).entrySet()) {
                out.add(RowFactory.create(DOCUMENT, s.shipmentId(), 0, destination, new String[0], doc.getKey(),
                        doc.getValue().getBytes(StandardCharsets.UTF_8), null, null));
            }
        }
        for (ShipmentLine line : plan.lines()) {
            Shipment s = byId.get(line.shipmentId());
            out.add(RowFactory.create(LINE, line.shipmentId(), line.lineNo(), destination,
                    line.csvValues().toArray(String[]::new), null, null,
                    s == null ? null : s.shipDate().toString(), s == null ? null : s.expectedArrival().toString()));
        }
        return out;
    }
}
