package com.sparecast.models.trade;

import java.io.Serializable;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * A legal entity named on customs documents as exporter or importer (the party of record of a
 * warehouse: the optional columns of {@code master/warehouses.csv}). Every text is trimmed; a
 * missing one is empty, and {@link PartyCheck} says which ones a shipment's regime requires.
 *
 * @param name registered legal name ({@code legal_name})
 * @param street street and number
 * @param city city
 * @param postalCode postal code
 * @param country ISO 3166-1 alpha-2 country code
 * @param vatNumber VAT identification number (intra-community VAT number in the EU)
 * @param eori Economic Operators Registration and Identification number (EU and UK)
 * @param taxId tax or customs identifier where there is no EORI (EIN, CNPJ, corporate number)
 */
public record Party(String name, String street, String city, String postalCode, String country,
                    String vatNumber, String eori, String taxId) implements Serializable {

    public Party {
        name = trim(name);
        street = trim(street);
        city = trim(city);
        postalCode = trim(postalCode);
        country = trim(country).toUpperCase(Locale.ROOT);
        vatNumber = trim(vatNumber);
        eori = trim(eori);
        taxId = trim(taxId);
    }

    /** A party known by name, a one-line address, country and tax id only. */
    public Party(String name, String address, String country, String taxId) {
        this(name, address, "", "", country, "", "", taxId);
    }

    /** A warehouse without a party of record: only its country is known. */
    public static Party unknown(String country) {
        return new Party("", "", "", "", country, "", "", "");
    }

    /** This party with every non-empty field of {@code other} in place of its own. */
    public Party overriddenBy(Party other) {
        return new Party(pick(other.name, name), pick(other.street, street), pick(other.city, city),
                pick(other.postalCode, postalCode), pick(other.country, country), pick(other.vatNumber, vatNumber),
                pick(other.eori, eori), pick(other.taxId, taxId));
    }

    private static String pick(String preferred, String fallback) {
        return preferred.isEmpty() ? fallback : preferred;
    }

    /** The address on one line: {@code "street, postal code city"}, leaving out what is empty. */
    public String address() {
        StringJoiner place = new StringJoiner(" ");
        if (!postalCode.isEmpty()) {
            place.add(postalCode);
        }
        if (!city.isEmpty()) {
            place.add(city);
        }
        StringJoiner line = new StringJoiner(", ");
        if (!street.isEmpty()) {
            line.add(street);
        }
        if (place.length() > 0) {
            line.add(place.toString());
        }
        return line.toString();
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
