package com.sparecast.jobs.generate;

import java.util.List;

/**
 * The fixed geography of a generated input set: regions and their countries, warehouses,
 * the lanes from the central warehouse, tariffs and service levels. Plausible values, not
 * legal advice: duty rates are rounded MFN-like figures for the HS chapters the part catalogue uses.
 */
final class World {

    private World() {
    }

    /** A sales region, its regional warehouse and its countries with their share of demand. */
    record Region(String id, String warehouseId, String warehouseCountry, String[] countries,
                  double[] countryWeights, double volumeFactor, double presence) {
    }

    static final List<Region> REGIONS = List.of(
            new Region("EU-WEST", "WH-DE", "DE", new String[] {"FR", "DE", "NL", "BE"},
                    new double[] {0.32, 0.40, 0.15, 0.13}, 1.6, 0.95),
            new Region("EU-NORTH", "WH-SE", "SE", new String[] {"SE", "DK", "FI"},
                    new double[] {0.50, 0.25, 0.25}, 0.6, 0.70),
            new Region("UK", "WH-GB", "GB", new String[] {"GB", "IE"},
                    new double[] {0.85, 0.15}, 0.8, 0.75),
            new Region("NA", "WH-US", "US", new String[] {"US", "CA"},
                    new double[] {0.82, 0.18}, 1.4, 0.90),
            new Region("APAC", "WH-JP", "JP", new String[] {"JP", "AU", "SG"},
                    new double[] {0.55, 0.30, 0.15}, 0.7, 0.65),
            new Region("LATAM", "WH-BR", "BR", new String[] {"BR", "MX"},
                    new double[] {0.60, 0.40}, 0.45, 0.50));

    /** Index of the APAC region, reached by the AIR_PASSENGER lane. */
    static final int APAC = 4;

    static final String CENTRAL_WAREHOUSE = "DC-NL";
    static final String CENTRAL_COUNTRY = "NL";
    static final String CENTRAL_REGION = "EU-WEST";

    /**
     * The party of record of a warehouse, as the optional columns of {@code warehouses.csv} give it.
     * Invented names, addresses and numbers (numbers of the right shape, not registered ones).
     */
    record PartyOfRecord(String legalName, String street, String city, String postalCode, String vatNumber,
                         String eori, String taxId) {
    }

    /**
     * Parties of record by warehouse id. Two gaps, on purpose: WH-BR has no tax id (CNPJ), so its
     * export shipments are held MISSING_PARTY_DATA; WH-JP has no VAT number, which an export to
     * Japan does not need (its corporate number is the tax id).
     */
    static final java.util.Map<String, PartyOfRecord> PARTIES = java.util.Map.of(
            "DC-NL", new PartyOfRecord("Sparecast Nederland B.V.", "Havenweg 12", "Venlo", "5928 NL",
                    "NL812345678B01", "NL812345678", ""),
            "WH-DE", new PartyOfRecord("Sparecast Deutschland GmbH", "Logistikring 4", "Duisburg", "47053",
                    "DE312345678", "DE4123456789012", ""),
            "WH-SE", new PartyOfRecord("Sparecast Sverige AB", "Lagervägen 7", "Jönköping", "553 03",
                    "SE556123456701", "SE5561234567", ""),
            "WH-GB", new PartyOfRecord("Sparecast UK Ltd", "3 Dock Road", "Tilbury", "RM18 7BX",
                    "GB123456789", "GB123456789000", ""),
            "WH-US", new PartyOfRecord("Sparecast Inc.", "2200 Commerce Parkway", "Memphis", "38118",
                    "", "", "12-3456789"),
            "WH-JP", new PartyOfRecord("Sparecast Japan K.K.", "2-1 Haneda Airport", "Tokyo", "144-0041",
                    "", "", "1234567890123"),
            "WH-BR", new PartyOfRecord("Sparecast do Brasil Ltda.", "Rodovia Helio Smidt s/n", "Guarulhos",
                    "07190-100", "", "", ""));

    /**
     * Digits of the national tariff code of each import country (HTS, UK tariff, NCM, JP, and the
     * EU's CN for NL, where stock comes back from a regional warehouse on a transfer), in country order.
     */
    static final java.util.Map<String, Integer> NATIONAL_CODE_DIGITS = new java.util.TreeMap<>(
            java.util.Map.of("BR", 8, "GB", 10, "JP", 9, "NL", 8, "US", 10));

    /** The part without a US code in hs_national.csv, on purpose: its line on the US lane is held. */
    static final String NATIONAL_CODE_GAP = "P-000075";

    /** The part whose JP code in hs_national.csv has 10 digits where Japan needs 9: its line to WH-JP is held. */
    static final String NATIONAL_CODE_WRONG_LENGTH = "P-000005";

    /** A lane from the central warehouse; decimals as written to {@code lanes.csv}. */
    record Lane(String destination, String mode, String transitMean, String transitSd,
                String customsMean, String customsSd, String incoterm, String departureWeekdays,
                String maxWeightKg) {
    }

    static final List<Lane> LANES = List.of(
            new Lane("WH-DE", "ROAD", "1.5", "0.5", "0", "0", "DAP", "MON;TUE;WED;THU;FRI", "24000"),
            new Lane("WH-SE", "RAIL", "3.5", "0.9", "0", "0", "DAP", "MON;WED;FRI", "40000"),
            new Lane("WH-GB", "ROAD", "2.5", "0.7", "1.5", "1.1", "DDP", "TUE;THU", "20000"),
            new Lane("WH-US", "SEA", "18", "3.5", "3", "2.2", "DAP", "WED", ""),
            new Lane("WH-JP", "AIR_PASSENGER", "2", "0.6", "1.5", "0.8", "DDP", "MON;THU", "500"),
            new Lane("WH-BR", "AIR_CARGO", "4", "1.2", "7.5", "4.5", "DAP", "FRI", "2000"));

    /** Tariff prefixes written for every destination country, with a duty per country. */
    static final String[] HS_PREFIXES = {
        "39", "3926", "40", "4016", "401693", "73", "7318", "84", "8413", "8421", "8471",
        "847330", "8482", "85", "8504", "8507", "850760", "8517", "851762", "8537", "90", "9026"};

    /**
     * Destination countries of the lanes: VAT, de minimis threshold and currency, and duty rates
     * aligned with {@link #HS_PREFIXES}.
     */
    record Tariff(String country, String vatRate, String deMinimis, String deMinimisCurrency, String[] duty) {
    }

    private static final String[] EU_DUTY = {
        "0.065", "0.065", "0.025", "0.025", "0.025", "0.027", "0.037", "0.017", "0.017", "0.017", "0",
        "0", "0.08", "0.027", "0.027", "0.027", "0.027", "0", "0", "0.021", "0.02", "0.02"};

    static final List<Tariff> TARIFFS = List.of(
            new Tariff("DE", "0.19", "150", "EUR", EU_DUTY),
            new Tariff("SE", "0.25", "150", "EUR", EU_DUTY),
            new Tariff("GB", "0.2", "135", "GBP", new String[] {
                "0.06", "0.06", "0.02", "0.02", "0.02", "0.02", "0.02", "0", "0", "0", "0",
                "0", "0.04", "0.02", "0.02", "0.02", "0.02", "0", "0", "0.02", "0", "0"}),
            new Tariff("US", "0", "800", "USD", new String[] {
                "0.053", "0.053", "0.025", "0.025", "0.025", "0.029", "0.062", "0.024", "0.024", "0", "0",
                "0", "0.09", "0.026", "0.015", "0.034", "0.034", "0", "0", "0.027", "0.017", "0.017"}),
            new Tariff("JP", "0.1", "10000", "JPY", new String[] {
                "0.039", "0.039", "0", "0", "0", "0", "0", "0", "0", "0", "0",
                "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"}),
            new Tariff("BR", "0.18", "50", "USD", new String[] {
                "0.16", "0.16", "0.14", "0.14", "0.14", "0.14", "0.16", "0.14", "0.14", "0.14", "0.12",
                "0.1", "0.14", "0.16", "0.16", "0.16", "0.16", "0.16", "0.16", "0.14", "0.14", "0.14"}));

    /** ABC class and its target fill rate. */
    static final String[][] SERVICE_LEVELS = {{"A", "0.98"}, {"B", "0.95"}, {"C", "0.90"}};
}
