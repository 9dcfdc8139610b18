package com.sparecast.models.trade;

import java.io.Serializable;

/**
 * A legal entity named on customs documents as exporter or importer.
 *
 * @param name registered name
 * @param address postal address on one line (may be empty)
 * @param country ISO 3166-1 alpha-2 country code (may be empty)
 * @param taxId VAT number, EORI or other customs identifier (may be empty)
 */
public record Party(String name, String address, String country, String taxId) implements Serializable {

    public Party {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("party name must not be blank, got '" + name + "'");
        }
        name = name.trim();
        address = address == null ? "" : address.trim();
        country = country == null ? "" : country.trim().toUpperCase(java.util.Locale.ROOT);
        taxId = taxId == null ? "" : taxId.trim();
    }
}
