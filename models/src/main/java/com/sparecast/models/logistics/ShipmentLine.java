package com.sparecast.models.logistics;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One row of {@code plans/shipment_lines.csv}: a part on a shipment, and whether it ships.
 *
 * <p>The components are the contract's columns in order, plus {@code grossWeightKg} for the
 * packing list. A held line stays listed under the shipment it left, with status HOLD and its
 * reasons; the shipment's totals and documents leave it out.
 *
 * @param shipmentId the shipment
 * @param lineNo 1-based; READY lines first, then HOLD lines, each by part number
 * @param partNo part number
 * @param description commercial description
 * @param hsCode HS code, digits only when valid, as written when not
 * @param originCountry country of origin of the goods
 * @param quantity units
 * @param unitValue value of one unit in {@code currency}
 * @param lineValue {@code quantity * unitValue}, rounded to cents
 * @param currency the shipment's invoice currency (the part's own when it has no exchange rate)
 * @param netWeightKg {@code quantity * unit weight}, rounded to grams
 * @param dangerousGoods UN number, empty when none
 * @param eccn export control classification number, possibly empty
 * @param status READY or HOLD
 * @param holdReason {@code "CODE: detail"} per reason, joined by {@code "; "}; empty when READY
 * @param grossWeightKg the gross weight of the line's cartons: net weight plus a tare per carton
 * @param sourceCurrency the part's own currency ({@code master/parts.csv})
 * @param sourceUnitValue the part's unit value in {@code sourceCurrency}
 * @param fxRate units of {@code currency} per unit of {@code sourceCurrency}, 6 decimals (1 when equal)
 */
public record ShipmentLine(
        String shipmentId,
        int lineNo,
        String partNo,
        String description,
        String hsCode,
        String originCountry,
        long quantity,
        BigDecimal unitValue,
        BigDecimal lineValue,
        String currency,
        BigDecimal netWeightKg,
        String dangerousGoods,
        String eccn,
        String status,
        String holdReason,
        BigDecimal grossWeightKg,
        String sourceCurrency,
        BigDecimal sourceUnitValue,
        BigDecimal fxRate) implements Serializable {

    public ShipmentLine {
        Objects.requireNonNull(shipmentId, "shipmentId");
        Objects.requireNonNull(partNo, "partNo");
        Objects.requireNonNull(unitValue, "unitValue");
        Objects.requireNonNull(lineValue, "lineValue");
        Objects.requireNonNull(netWeightKg, "netWeightKg");
        Objects.requireNonNull(grossWeightKg, "grossWeightKg");
        Objects.requireNonNull(status, "status");
        description = description == null ? "" : description;
        hsCode = hsCode == null ? "" : hsCode;
        originCountry = originCountry == null ? "" : originCountry;
        currency = currency == null ? "" : currency;
        dangerousGoods = dangerousGoods == null ? "" : dangerousGoods;
        eccn = eccn == null ? "" : eccn;
        holdReason = holdReason == null ? "" : holdReason;
        sourceCurrency = sourceCurrency == null ? currency : sourceCurrency;
        sourceUnitValue = sourceUnitValue == null ? unitValue : sourceUnitValue;
        fxRate = fxRate == null ? BigDecimal.ONE.setScale(6) : fxRate;
    }

    /** True when the line ships. */
    public boolean ready() {
        return Shipment.READY.equals(status);
    }

    /** The columns of {@code plans/shipment_lines.csv}, in contract order. */
    public static List<String> csvHeader() {
        return List.of("shipment_id", "line_no", "part_no", "description", "hs_code", "origin_country",
                "quantity", "unit_value", "line_value", "currency", "net_weight_kg", "dangerous_goods",
                "eccn", "status", "hold_reason");
    }

    /** This line's cells in {@link #csvHeader()} order (raw text: quoting and formula guards are the writer's). */
    public List<String> csvValues() {
        return List.of(shipmentId, Integer.toString(lineNo), partNo, description, hsCode, originCountry,
                Long.toString(quantity), Formats.unitValue(unitValue), Formats.money(lineValue), currency,
                Formats.kg(netWeightKg), dangerousGoods, eccn, status, holdReason);
    }
}
