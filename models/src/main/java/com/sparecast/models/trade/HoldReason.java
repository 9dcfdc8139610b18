package com.sparecast.models.trade;

/**
 * Why a shipment line is put on HOLD instead of shipping. The {@link #name()} is the code written
 * at the start of {@code hold_reason} in {@code plans/shipment_lines.csv}.
 */
public enum HoldReason {
    /** The ordered part is not in {@code master/parts.csv}. */
    PART_UNKNOWN,
    /** Cross-border line without an HS code. */
    HS_CODE_MISSING,
    /** Cross-border line whose HS code is not 6 to 10 digits (dots and spaces aside). */
    HS_CODE_MALFORMED,
    /** Cross-border line without a country of origin. */
    ORIGIN_COUNTRY_MISSING,
    /** Cross-border line whose country of origin is not two letters. */
    ORIGIN_COUNTRY_INVALID,
    /** Cross-border line to a destination country that configuration blocks. */
    DESTINATION_BLOCKED,
    /** Cross-border line whose ECCN needs an export licence. */
    ECCN_LICENCE_REQUIRED,
    /** Lithium batteries (UN3480, UN3090 by default) on a passenger-air lane, domestic or not. */
    DANGEROUS_GOODS_ON_PASSENGER_AIR,
    /** The part's currency has no exchange rate in configuration. */
    CURRENCY_UNKNOWN,
    /** One unit of the part is heavier than the lane's maximum shipment weight. */
    OVERWEIGHT,
    /** A party of record (exporter or importer) lacks a field the shipment's customs regime requires. */
    MISSING_PARTY_DATA,
    /** An export line without a tariff code of the digits its destination requires (HTS 10, CN 8...). */
    HS_NATIONAL_CODE_MISSING
}
