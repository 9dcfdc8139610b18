package com.sparecast.jobs.customs;

import com.sparecast.models.logistics.Lane;
import com.sparecast.models.logistics.ShipmentPlan;
import com.sparecast.models.logistics.ShipmentPlanner;
import com.sparecast.models.logistics.TransferOrder;
import com.sparecast.models.trade.Party;
import com.sparecast.models.trade.Tariff;
import com.sparecast.models.trade.TradePart;
import com.sparecast.models.trade.TradeRules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A small planned lane for the document tests: NL to GB, one shipment, one held line. */
final class DocumentFixtures {

    static final ShipmentPlanner PLANNER = ShipmentPlanner.of(TradeRules.defaults()
            .withFxRates(Map.of("EUR", 1.10, "GBP", 1.25))
            .withParties(Map.of(
                    "DC-NL", new Party("Sparecast Nederland B.V.", "Havenweg 1", "Venlo", "5928 NL", "NL",
                            "NL123456789B01", "NL123456789", ""),
                    "WHDE", new Party("Sparecast Deutschland GmbH", "Logistikring 4", "Duisburg", "47053", "DE",
                            "DE312345678", "DE4123456789012", ""),
                    "WHGB", new Party("Sparecast UK Ltd <Parts & Service>", "1 Dock Road", "Tilbury", "RM18 7BX",
                            "GB", "GB123456789", "GB123456789000", ""))));

    static final Lane LANE = new Lane("DC-NL", "WHGB", "NL", "GB", "ROAD", 2.0, 0.5, 1.5, 0.5, "DDP",
            Lane.parseWeekdays("MON;WED;FRI"), null);

    static final Map<String, TradePart> PARTS = Stream.of(
            new TradePart("P-100", "Pump \"HX\" <200 bar> & seal kit", 120.00, "EUR", 20.0, "8413.70", "DE", "", "EAR99"),
            new TradePart("P-200", "Battery pack", 45.50, "EUR", 5.0, "8507.60", "CN", "UN3480", ""),
            new TradePart("P-300", "Sensor", 2.50, "EUR", 0.5, "903289", "JP", "", ""),
            new TradePart("P-400", "Cable", 8.00, "EUR", 1.0, "84X", "DE", "", ""))
            .collect(Collectors.toMap(TradePart::partNo, Function.identity()));

    static final List<Tariff> GB_TARIFFS = List.of(
            new Tariff("GB", "", 0.04, 0.20, 135.0, "GBP"),
            new Tariff("GB", "8413", 0.017, 0.20, 135.0, "GBP"),
            new Tariff("GB", "8507", 0.027, 0.20, null, null));

    /** NL to DE by road: inside the EU customs union. */
    static final Lane TO_DE = new Lane("DC-NL", "WHDE", "NL", "DE", "ROAD", 1.5, 0.5, 0, 0, "DAP", null, null);

    private DocumentFixtures() {
    }

    /** P-100 and P-300 from NL to DE: one INTRA_UNION shipment. */
    static ShipmentPlan intraUnionPlan() {
        return PLANNER.planLane(LocalDate.of(2026, 11, 22), TO_DE, List.of(
                new TransferOrder("DC-NL", "WHDE", "P-100", 3),
                new TransferOrder("DC-NL", "WHDE", "P-300", 10)), PARTS,
                List.of(new Tariff("DE", "", 0.02, 0.19, null, null)), Set.of());
    }

    static ShipmentPlan plan() {
        return PLANNER.planLane(LocalDate.of(2026, 11, 22), LANE, List.of(
                new TransferOrder("DC-NL", "WHGB", "P-100", 3),
                new TransferOrder("DC-NL", "WHGB", "P-200", 4),
                new TransferOrder("DC-NL", "WHGB", "P-300", 10),
                new TransferOrder("DC-NL", "WHGB", "P-400", 30)), PARTS, GB_TARIFFS, Set.of());
    }
}
