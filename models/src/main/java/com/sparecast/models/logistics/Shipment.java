package com.sparecast.models.logistics;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One row of {@code plans/shipments.csv}.
 *
 * <p>The components are the contract's columns in order, then {@code originCountry},
 * {@code dutiesPaidBy} and {@code netWeightKg} for the documents, then the appended columns
 * ({@code customsRegime}, {@code incotermPlace}, {@code packages}, {@code fxRate}, {@code fxDate}).
 *
 * <p>A READY shipment's figures cover its READY lines. A HOLD shipment (every line held) carries
 * what would ship once the holds clear: its {@code lines}, value and weights cover its held
 * lines, while duty and VAT are zero and EEI false, as nothing is declared.
 *
 * @param shipmentId {@code SHP-<yyyyMMdd ship date>-<origin>-<destination>-<NN>}
 * @param originWarehouse shipping warehouse
 * @param destinationWarehouse receiving warehouse
 * @param destinationCountry receiving warehouse's country
 * @param mode lane transport mode
 * @param incoterm lane incoterm
 * @param shipDate departure date
 * @param expectedArrival ship date plus transit plus customs clearance
 * @param lines number of lines the figures cover
 * @param totalValue sum of those lines' values in {@code currency}
 * @param currency the invoice currency: the destination's, or as configured; every line is converted to it
 * @param grossWeightKg sum of the lines' gross weights: the cartons', net plus a tare per carton
 * @param estimatedDuty import duty in {@code currency}
 * @param estimatedVat import VAT in {@code currency}
 * @param eeiRequired true when Electronic Export Information must be filed
 * @param dangerousGoods true when a line carries a UN number
 * @param status READY or HOLD
 * @param originCountry shipping warehouse's country
 * @param dutiesPaidBy SENDER (DDP), RECEIVER (DAP) or NONE (domestic)
 * @param netWeightKg sum of the lines' net weights
 * @param customsRegime EXPORT, INTRA_UNION or DOMESTIC ({@code com.sparecast.models.trade.CustomsRegime})
 * @param incotermPlace the incoterm's named place ({@code Duisburg, DE})
 * @param fxRate units of the trade rules' base currency per unit of {@code currency} (the configured
 *        rate; each line prints its own cross rate)
 * @param fxDate the date of the exchange rates
 * @param officeOfEntry the destination's customs office or port of entry where configured, else
 *        empty (documents only, not a column)
 * @param packages the number of cartons the shipment's lines are packed in ({@link CartonPacker})
 */
public record Shipment(
        String shipmentId,
        String originWarehouse,
        String destinationWarehouse,
        String destinationCountry,
        String mode,
        String incoterm,
        LocalDate shipDate,
        LocalDate expectedArrival,
        int lines,
        BigDecimal totalValue,
        String currency,
        BigDecimal grossWeightKg,
        BigDecimal estimatedDuty,
        BigDecimal estimatedVat,
        boolean eeiRequired,
        boolean dangerousGoods,
        String status,
        String originCountry,
        String dutiesPaidBy,
        BigDecimal netWeightKg,
        String customsRegime,
        String incotermPlace,
        BigDecimal fxRate,
        LocalDate fxDate,
        String officeOfEntry,
        int packages) implements Serializable {

    /** Status of a shipment or line that goes ahead. */
    public static final String READY = "READY";
    /** Status of a shipment or line that waits for a hold to clear. */
    public static final String HOLD = "HOLD";

    /** A shipment whose packages are not counted (0). */
    public Shipment(String shipmentId, String originWarehouse, String destinationWarehouse, String destinationCountry,
                    String mode, String incoterm, LocalDate shipDate, LocalDate expectedArrival, int lines,
                    BigDecimal totalValue, String currency, BigDecimal grossWeightKg, BigDecimal estimatedDuty,
                    BigDecimal estimatedVat, boolean eeiRequired, boolean dangerousGoods, String status,
                    String originCountry, String dutiesPaidBy, BigDecimal netWeightKg, String customsRegime,
                    String incotermPlace, BigDecimal fxRate, LocalDate fxDate, String officeOfEntry) {
        this(shipmentId, originWarehouse, destinationWarehouse, destinationCountry, mode, incoterm, shipDate,
                expectedArrival, lines, totalValue, currency, grossWeightKg, estimatedDuty, estimatedVat, eeiRequired,
                dangerousGoods, status, originCountry, dutiesPaidBy, netWeightKg, customsRegime, incotermPlace, fxRate,
                fxDate, officeOfEntry, 0);
    }

    public Shipment {
        Objects.requireNonNull(shipmentId, "shipmentId");
        Objects.requireNonNull(shipDate, "shipDate");
        Objects.requireNonNull(expectedArrival, "expectedArrival");
        Objects.requireNonNull(totalValue, "totalValue");
        Objects.requireNonNull(grossWeightKg, "grossWeightKg");
        Objects.requireNonNull(estimatedDuty, "estimatedDuty");
        Objects.requireNonNull(estimatedVat, "estimatedVat");
        Objects.requireNonNull(netWeightKg, "netWeightKg");
        Objects.requireNonNull(customsRegime, "customsRegime");
        Objects.requireNonNull(incotermPlace, "incotermPlace");
        Objects.requireNonNull(fxRate, "fxRate");
        Objects.requireNonNull(fxDate, "fxDate");
        fxRate = fxRate.setScale(6, java.math.RoundingMode.HALF_UP);
        officeOfEntry = officeOfEntry == null ? "" : officeOfEntry;
        if (!READY.equals(status) && !HOLD.equals(status)) {
            throw new IllegalArgumentException("status must be READY or HOLD, got " + status);
        }
    }

    /** True when the shipment goes ahead. */
    public boolean ready() {
        return READY.equals(status);
    }

    /** The columns of {@code plans/shipments.csv}, in contract order. */
    public static List<String> csvHeader() {
        return List.of("shipment_id", "origin_warehouse", "destination_warehouse", "destination_country",
                "mode", "incoterm", "ship_date", "expected_arrival", "lines", "total_value", "currency",
                "gross_weight_kg", "estimated_duty", "estimated_vat", "eei_required", "dangerous_goods",
                "status", "customs_regime", "incoterm_place", "packages", "fx_rate", "fx_date");
    }

    /** This shipment's cells in {@link #csvHeader()} order (raw text: quoting is the writer's). */
    public List<String> csvValues() {
        return List.of(shipmentId, originWarehouse, destinationWarehouse, destinationCountry, mode, incoterm,
                shipDate.toString(), expectedArrival.toString(), Integer.toString(lines),
                Formats.money(totalValue), currency, Formats.kg(grossWeightKg), Formats.money(estimatedDuty),
                Formats.money(estimatedVat), Boolean.toString(eeiRequired), Boolean.toString(dangerousGoods),
                status, customsRegime, incotermPlace, Integer.toString(packages), Formats.rate(fxRate), fxDate.toString());
    }
}
