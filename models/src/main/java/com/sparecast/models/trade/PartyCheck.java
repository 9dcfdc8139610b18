package com.sparecast.models.trade;

import java.util.ArrayList;
import java.util.List;

/**
 * What the parties of record of a shipment must carry for its regime; a shipment whose parties
 * lack any of it is held ({@link HoldReason#MISSING_PARTY_DATA}), one hold per warehouse and field.
 *
 * <ul>
 *   <li>every regime: {@code legal_name}, {@code street}, {@code city}, {@code postal_code} of both
 *       warehouses (a document names the consignor and consignee with their address);</li>
 *   <li>{@link CustomsRegime#INTRA_UNION}: {@code vat_number} of both (the intra-community VAT
 *       numbers a delivery note of an intra-community supply carries);</li>
 *   <li>{@link CustomsRegime#EXPORT}: {@code eori} of a party in an EORI country
 *       ({@link CustomsRules#eoriCountries()}: the EU and the UK), {@code tax_id} of a party
 *       elsewhere.</li>
 * </ul>
 * Field names are the columns of {@code master/warehouses.csv}.
 */
public final class PartyCheck {

    private PartyCheck() {
    }

    /** The missing fields of {@code party}, the party of record of {@code warehouseId}, in column order. */
    public static List<String> missingFields(CustomsRules rules, CustomsRegime regime, Party party) {
        List<String> missing = new ArrayList<>();
        if (party.name().isEmpty()) {
            missing.add("legal_name");
        }
        if (party.street().isEmpty()) {
            missing.add("street");
        }
        if (party.city().isEmpty()) {
            missing.add("city");
        }
        if (party.postalCode().isEmpty()) {
            missing.add("postal_code");
        }
        if (regime == CustomsRegime.INTRA_UNION && party.vatNumber().isEmpty()) {
            missing.add("vat_number");
        }
        if (regime == CustomsRegime.EXPORT) {
            if (rules.needsEori(party.country())) {
                if (party.eori().isEmpty()) {
                    missing.add("eori");
                }
            } else if (party.taxId().isEmpty()) {
                missing.add("tax_id");
            }
        }
        return missing;
    }

    /**
     * The holds of a shipment between two warehouses: one {@link HoldReason#MISSING_PARTY_DATA}
     * per missing field, exporter's first, e.g. {@code "warehouse WH-US (importer) has no tax_id"}.
     */
    public static List<Hold> holds(CustomsRules rules, CustomsRegime regime, String originWarehouse, Party exporter,
                                   String destinationWarehouse, Party importer) {
        List<Hold> holds = new ArrayList<>();
        for (String field : missingFields(rules, regime, exporter)) {
            holds.add(new Hold(HoldReason.MISSING_PARTY_DATA,
                    "warehouse " + originWarehouse + " (exporter) has no " + field));
        }
        for (String field : missingFields(rules, regime, importer)) {
            holds.add(new Hold(HoldReason.MISSING_PARTY_DATA,
                    "warehouse " + destinationWarehouse + " (importer) has no " + field));
        }
        return holds;
    }
}
