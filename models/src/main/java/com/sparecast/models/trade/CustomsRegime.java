package com.sparecast.models.trade;

/**
 * The customs regime of a shipment, written in {@code customs_regime} of {@code plans/shipments.csv}.
 *
 * <ul>
 *   <li>{@link #EXPORT}: the two countries are in no common customs union: an export and an
 *       import declaration, duty and import VAT, EEI where due; a commercial invoice.</li>
 *   <li>{@link #INTRA_UNION}: two countries of one customs union (the EU by default): no
 *       declaration, no duty, no import VAT (an intra-community supply), no EEI; a delivery note
 *       with both parties' VAT numbers.</li>
 *   <li>{@link #DOMESTIC}: both warehouses in one country: no customs at all; a delivery note.</li>
 * </ul>
 */
public enum CustomsRegime {
    EXPORT,
    INTRA_UNION,
    DOMESTIC;

    /** The regime of a lane from {@code originCountry} to {@code destinationCountry}. */
    public static CustomsRegime of(CustomsRules rules, String originCountry, String destinationCountry) {
        if (!LineChecks.crossBorder(originCountry, destinationCountry)) {
            return DOMESTIC;
        }
        return rules.unionOf(originCountry, destinationCountry) != null ? INTRA_UNION : EXPORT;
    }

    /** True when goods are declared to customs: duty, import VAT and EEI apply. */
    public boolean declared() {
        return this == EXPORT;
    }
}
