package com.sparecast.jobs.input;

import com.sparecast.jobs.format.Numbers;
import com.sparecast.jobs.input.MasterTable.MasterRow;
import com.sparecast.jobs.storage.Storage;
import com.sparecast.models.trade.Party;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The master data of a run, read on the driver (it is small: parts, regions, warehouses, lanes,
 * tariffs, service levels, holidays) and checked row by row; rows that fail a check are kept
 * as rejects. Inventory, which grows with parts times warehouses, is an ingest feed instead.
 */
public record MasterData(
        Map<String, Part> parts,
        Map<String, String> regionOfCountry,
        Map<String, Warehouse> warehouses,
        List<Lane> lanes,
        List<Tariff> tariffs,
        Map<String, Double> serviceLevels,
        Map<String, Set<LocalDate>> holidays,
        List<Reject> rejects,
        Map<String, Integer> rowsRead,
        Map<String, Map<String, String>> hsNational) implements Serializable {

    /** Master data without national tariff codes. */
    public MasterData(Map<String, Part> parts, Map<String, String> regionOfCountry, Map<String, Warehouse> warehouses,
                      List<Lane> lanes, List<Tariff> tariffs, Map<String, Double> serviceLevels,
                      Map<String, Set<LocalDate>> holidays, List<Reject> rejects, Map<String, Integer> rowsRead) {
        this(parts, regionOfCountry, warehouses, lanes, tariffs, serviceLevels, holidays, rejects, rowsRead, Map.of());
    }

    /** The national tariff codes of a part by country ({@code master/hs_national.csv}), digits only; empty when none. */
    public Map<String, String> nationalCodesOf(String partNo) {
        return hsNational.getOrDefault(partNo, Map.of());
    }

    /** A row of parts.csv; optional numbers default to pack size 1 and MOQ 0. */
    public record Part(String partNo, String description, double unitCost, String currency, double unitWeightKg,
                       String hsCode, String originCountry, int packSize, int minOrderQty, String dangerousGoods,
                       String supersededBy, String eccn) implements Serializable {
    }

    /**
     * A row of warehouses.csv, with its party of record (the optional columns legal_name, street,
     * city, postal_code, vat_number, eori, tax_id; empty when absent).
     */
    public record Warehouse(String warehouseId, String region, String country, String role, String legalName,
                            String street, String city, String postalCode, String vatNumber, String eori,
                            String taxId) implements Serializable {

        /** A warehouse without a party of record. */
        public Warehouse(String warehouseId, String region, String country, String role) {
            this(warehouseId, region, country, role, "", "", "", "", "", "", "");
        }

        public boolean isCentral() {
            return "CENTRAL".equals(role);
        }

        /** The warehouse's party of record, as customs documents name it. */
        public Party party() {
            return new Party(legalName, street, city, postalCode, country, vatNumber, eori, taxId);
        }
    }

    /** A row of lanes.csv; {@code maxWeightKg} is null when unlimited. */
    public record Lane(String originWarehouse, String destinationWarehouse, String mode, double transitDaysMean,
                       double transitDaysSd, double customsDaysMean, double customsDaysSd, String incoterm,
                       String departureWeekdays, Double maxWeightKg) implements Serializable {
    }

    /** A row of tariffs.csv; the de minimis fields are null when absent. */
    public record Tariff(String destinationCountry, String hsPrefix, double dutyRate, double vatRate,
                         Double deMinimisValue, String deMinimisCurrency) implements Serializable {
    }

    private static final List<String> PART_COLUMNS =
            List.of("part_no", "description", "unit_cost", "currency", "unit_weight_kg");
    private static final List<String> REGION_COLUMNS = List.of("country", "region");
    private static final List<String> WAREHOUSE_COLUMNS = List.of("warehouse_id", "region", "country", "role");
    private static final List<String> LANE_COLUMNS = List.of("origin_warehouse", "destination_warehouse", "mode",
            "transit_days_mean", "transit_days_sd", "customs_days_mean", "customs_days_sd", "incoterm");
    private static final List<String> TARIFF_COLUMNS = List.of("destination_country", "hs_prefix", "duty_rate", "vat_rate");
    private static final List<String> SERVICE_COLUMNS = List.of("class", "target_fill_rate");
    private static final List<String> HOLIDAY_COLUMNS = List.of("country", "date");
    private static final List<String> HS_NATIONAL_COLUMNS = List.of("part_no", "country", "code");
    /** A national tariff code: 6 to 14 digits once dots and spaces are removed. */
    static final java.util.regex.Pattern NATIONAL_CODE = java.util.regex.Pattern.compile("[0-9]{6,14}");

    /** Reads and checks every master table except inventory, from the input's {@code master/} folder. */
    public static MasterData load(Storage storage) throws IOException {
        return load(storage, "master");
    }

    /**
     * Reads and checks every master table except inventory, from {@code folder} of {@code storage}
     * (the storage's root when empty).
     *
     * @throws MasterDataException if a required table or column is missing, or no part, region
     *     or warehouse is usable
     */
    public static MasterData load(Storage storage, String folder) throws IOException {
        return load(storage, folder, InputLimits.DEFAULTS);
    }

    /**
     * As {@link #load(Storage, String)}, with the plausibility limits of {@code limits}; warehouse
     * ids (which name the restock files) must be plain identifiers ({@link Identifiers}).
     */
    public static MasterData load(Storage storage, String folder, InputLimits limits) throws IOException {
        Loader loader = new Loader();
        Map<String, String> regions = new TreeMap<>();
        for (String[] pair : loader.rows(MasterTable.read(storage, folder, "regions", REGION_COLUMNS, true), "regions",
                row -> new String[] {loader.text(row, "country"), loader.text(row, "region")})) {
            regions.putIfAbsent(pair[0], pair[1]);
        }
        Map<String, Part> parts = new TreeMap<>();
        for (Part part : loader.rows(MasterTable.read(storage, folder, "parts", PART_COLUMNS, true), "parts", row -> new Part(
                loader.text(row, "part_no"), loader.text(row, "description"), loader.number(row, "unit_cost", limits.maxUnitCost()),
                loader.text(row, "currency"), loader.number(row, "unit_weight_kg", limits.maxUnitWeightKg()), row.get("hs_code"),
                row.get("origin_country"), (int) loader.optionalNumber(row, "pack_size", 1, limits.maxQuantity()),
                (int) loader.optionalNumber(row, "min_order_qty", 0, limits.maxQuantity()), row.get("dangerous_goods"),
                row.get("superseded_by"), row.get("eccn")))) {
            parts.putIfAbsent(part.partNo(), part);
        }
        Map<String, Warehouse> warehouses = new TreeMap<>();
        for (Warehouse warehouse : loader.rows(MasterTable.read(storage, folder, "warehouses", WAREHOUSE_COLUMNS, true),
                "warehouses", row -> new Warehouse(loader.identifier(row, "warehouse_id"), loader.text(row, "region"),
                        loader.text(row, "country"), loader.code(row, "role", Set.of("CENTRAL", "REGIONAL")),
                        loader.partyText(row, "legal_name"), loader.partyText(row, "street"),
                        loader.partyText(row, "city"), loader.partyText(row, "postal_code"),
                        loader.taxNumber(row, "vat_number", VAT_NUMBER), loader.taxNumber(row, "eori", EORI),
                        loader.taxNumber(row, "tax_id", TAX_ID)))) {
            warehouses.putIfAbsent(warehouse.warehouseId(), warehouse);
        }
        List<Lane> lanes = loader.rows(MasterTable.read(storage, folder, "lanes", LANE_COLUMNS, true), "lanes", row -> new Lane(
                loader.identifier(row, "origin_warehouse"), loader.identifier(row, "destination_warehouse"),
                loader.text(row, "mode"),
                loader.days(row, "transit_days_mean"), loader.days(row, "transit_days_sd"),
                loader.days(row, "customs_days_mean"), loader.days(row, "customs_days_sd"),
                loader.text(row, "incoterm"), row.get("departure_weekdays"),
                row.get("max_weight_kg").isEmpty() ? null : loader.number(row, "max_weight_kg")));
        List<Tariff> tariffs = loader.rows(MasterTable.read(storage, folder, "tariffs", TARIFF_COLUMNS, true), "tariffs",
                row -> new Tariff(loader.text(row, "destination_country"), loader.text(row, "hs_prefix"),
                        loader.number(row, "duty_rate"), loader.number(row, "vat_rate"),
                        row.get("de_minimis_value").isEmpty() ? null : loader.number(row, "de_minimis_value"),
                        row.get("de_minimis_currency").isEmpty() ? null : row.get("de_minimis_currency")));
        Map<String, Double> serviceLevels = new TreeMap<>();
        for (Object[] level : loader.rows(MasterTable.read(storage, folder, "service_levels", SERVICE_COLUMNS, true),
                "service_levels", row -> new Object[] {loader.code(row, "class", Set.of("A", "B", "C")),
                        loader.fraction(row, "target_fill_rate")})) {
            serviceLevels.putIfAbsent((String) level[0], (Double) level[1]);
        }
        Map<String, Set<LocalDate>> holidays = new TreeMap<>();
        MasterTable holidayTable = MasterTable.read(storage, folder, "holidays", HOLIDAY_COLUMNS, false);
        if (holidayTable != null) {
            for (Object[] holiday : loader.rows(holidayTable, "holidays",
                    row -> new Object[] {loader.text(row, "country"), loader.date(row, "date")})) {
                holidays.computeIfAbsent((String) holiday[0], c -> new TreeSet<>()).add((LocalDate) holiday[1]);
            }
        }
        Map<String, Map<String, String>> hsNational = new TreeMap<>();
        MasterTable nationalTable = MasterTable.read(storage, folder, "hs_national", HS_NATIONAL_COLUMNS, false);
        if (nationalTable != null) {
            // converted in file order, so the first code of a (part, country) is kept and a later one rejected
            loader.rows(nationalTable, "hs_national", row -> loader.nationalCode(row, parts.keySet(), regions.keySet(),
                    hsNational));
        }
        if (parts.isEmpty() || regions.isEmpty() || warehouses.isEmpty()) {
            throw new MasterDataException("Master data has no usable " + (parts.isEmpty() ? "parts"
                    : regions.isEmpty() ? "regions" : "warehouses") + " in " + storage.location() + (folder.isEmpty() ? "" : "/" + folder));
        }
        return new MasterData(Collections.unmodifiableMap(parts), Collections.unmodifiableMap(regions),
                Collections.unmodifiableMap(warehouses), List.copyOf(lanes), List.copyOf(tariffs),
                Collections.unmodifiableMap(serviceLevels), Collections.unmodifiableMap(holidays),
                List.copyOf(loader.rejects), Collections.unmodifiableMap(loader.rowsRead),
                Collections.unmodifiableMap(hsNational));
    }

    /** What ingest checks event rows against. */
    public ReferenceData reference(LocalDate planningDate) {
        return reference(planningDate, InputLimits.DEFAULTS);
    }

    /** What ingest checks event rows against, with the plausibility limits of {@code limits}. */
    public ReferenceData reference(LocalDate planningDate, InputLimits limits) {
        return new ReferenceData(Set.copyOf(parts.keySet()), Set.copyOf(regionOfCountry.keySet()),
                Set.copyOf(warehouses.keySet()), planningDate, limits);
    }

    /** The regional warehouse of each region (the first by id if a region has several). */
    public Map<String, Warehouse> regionalWarehouseByRegion() {
        Map<String, Warehouse> out = new TreeMap<>();
        warehouses.values().stream().filter(w -> !w.isCentral()).forEach(w -> out.putIfAbsent(w.region(), w));
        return out;
    }

    /** The lane that supplies {@code destination}, from a central warehouse; null if none. */
    public Lane supplyLaneTo(String destination) {
        return lanes.stream()
                .filter(l -> l.destinationWarehouse().equals(destination))
                .filter(l -> warehouses.containsKey(l.originWarehouse()) && warehouses.get(l.originWarehouse()).isCentral())
                .findFirst().orElse(null);
    }

    /** The supply lane into {@code destination} as the models' logistics see it; null if none. */
    public com.sparecast.models.logistics.Lane logisticsLaneTo(String destination) {
        Lane l = supplyLaneTo(destination);
        return l == null ? null : logistics(l);
    }

    /**
     * Every lane between two warehouses of warehouses.csv as the models' logistics see it (the
     * central warehouse's lanes and any lateral lane), in file order.
     */
    public List<com.sparecast.models.logistics.Lane> logisticsLanes() {
        return lanes.stream().filter(l -> warehouses.containsKey(l.originWarehouse())
                && warehouses.containsKey(l.destinationWarehouse())).map(this::logistics).toList();
    }

    private com.sparecast.models.logistics.Lane logistics(Lane l) {
        return new com.sparecast.models.logistics.Lane(l.originWarehouse(), l.destinationWarehouse(),
                warehouses.get(l.originWarehouse()).country(), warehouses.get(l.destinationWarehouse()).country(),
                l.mode(), l.transitDaysMean(), l.transitDaysSd(), l.customsDaysMean(), l.customsDaysSd(), l.incoterm(),
                com.sparecast.models.logistics.Lane.parseWeekdays(l.departureWeekdays()), l.maxWeightKg());
    }

    /** A part as the models' trade rules see it, with its national tariff codes and pack size; null when it is not in parts.csv. */
    public com.sparecast.models.trade.TradePart tradePart(String partNo) {
        Part p = parts.get(partNo);
        return p == null ? null : new com.sparecast.models.trade.TradePart(p.partNo(), p.description(), p.unitCost(),
                p.currency(), p.unitWeightKg(), p.hsCode(), p.originCountry(), p.dangerousGoods(), p.eccn(),
                nationalCodesOf(partNo), p.packSize());
    }

    /**
     * The rules with each warehouse's party of record: the columns of {@code master/warehouses.csv},
     * each field overridden where configuration ({@code sparecast.trade.party.<warehouse>.*}) gives it.
     * The plan step (which flags an order that will be held) and the shipment step (which holds it)
     * both plan with these.
     */
    public com.sparecast.models.trade.TradeRules withPartiesOfRecord(com.sparecast.models.trade.TradeRules rules) {
        Map<String, Party> parties = new TreeMap<>(rules.parties());
        for (Warehouse w : warehouses.values()) {
            Party configured = rules.parties().get(w.warehouseId());
            parties.put(w.warehouseId(), configured == null ? w.party() : w.party().overriddenBy(configured));
        }
        return rules.withParties(parties);
    }

    /** The holidays of a country ({@code holidays.csv}); empty when it has none or the country is null. */
    public Set<LocalDate> holidaysOf(String country) {
        return country == null ? Set.of() : holidays.getOrDefault(country, Set.of());
    }

    /** A decimal number >= 0 in ASCII digits, optionally with an exponent. */
    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]{1,3})?|\\.[0-9]+");

    /** A VAT identification number: two letters (the country prefix), then 2 to 13 letters or digits. */
    static final java.util.regex.Pattern VAT_NUMBER = java.util.regex.Pattern.compile("[A-Z]{2}[0-9A-Z]{2,13}");
    /** An EORI number: two letters (the issuing country), then 1 to 15 letters or digits. */
    static final java.util.regex.Pattern EORI = java.util.regex.Pattern.compile("[A-Z]{2}[0-9A-Z]{1,15}");
    /** A tax id (EIN {@code 12-3456789}, CNPJ {@code 12.345.678/0001-95}): letters, digits, {@code . / -}. */
    static final java.util.regex.Pattern TAX_ID = java.util.regex.Pattern.compile("[0-9A-Za-z][0-9A-Za-z./-]{0,29}");
    /** Longest name or address text of a party of record. */
    static final int MAX_PARTY_TEXT = 200;

    /** Longest transit or customs time a lane may state, in days (ten years). */
    static final int MAX_DAYS = 3650;

    /** Checks master rows (and the decisions' rows, {@link Decisions}) and collects the rejects. */
    static final class Loader {
        private final List<Reject> rejects = new ArrayList<>();
        private final Map<String, Integer> rowsRead = new TreeMap<>();

        /** A failed check of one value. */
        private static final class BadValue extends RuntimeException {
            private static final long serialVersionUID = 1L;
            final String column;
            final RejectReason reason;

            BadValue(String column, RejectReason reason, String message) {
                super(message, null, false, false);
                this.column = column;
                this.reason = reason;
            }
        }

        /** A failed check of {@code column}, to throw from a row's conversion: the row is rejected with it. */
        RuntimeException bad(String column, RejectReason reason, String message) {
            return new BadValue(column, reason, message);
        }

        List<Reject> rejects() {
            return rejects;
        }

        <T> List<T> rows(MasterTable table, String name, Function<MasterRow, T> convert) {
            List<T> out = new ArrayList<>();
            rowsRead.put(name, table.rows().size());
            for (MasterRow row : table.rows()) {
                try {
                    out.add(convert.apply(row));
                } catch (BadValue bad) {
                    rejects.add(new Reject(name, table.path(), row.line(), bad.column, bad.reason, bad.getMessage(),
                            String.join(",", row.values().values())));
                }
            }
            return out;
        }

        String text(MasterRow row, String column) {
            String value = row.get(column);
            if (value.isEmpty()) {
                throw new BadValue(column, RejectReason.MISSING_VALUE, column + " is empty");
            }
            return value;
        }

        /** A value that names a file: a plain identifier ({@link Identifiers#problem}). */
        String identifier(MasterRow row, String column) {
            String value = text(row, column);
            String problem = Identifiers.problem(value);
            if (problem != null) {
                throw new BadValue(column, RejectReason.BAD_IDENTIFIER, column + " " + problem);
            }
            return value;
        }

        /**
         * A row of hs_national.csv, added to {@code codes} (part, then country): the part is in
         * parts.csv, the country in regions.csv, the code 6 to 14 ASCII digits once dots and spaces
         * are removed, and the (part, country) has no code yet.
         */
        String nationalCode(MasterRow row, Set<String> knownParts, Set<String> knownCountries,
                            Map<String, Map<String, String>> codes) {
            String part = text(row, "part_no");
            if (!knownParts.contains(part)) {
                throw new BadValue("part_no", RejectReason.UNKNOWN_PART, "part_no " + Identifiers.printable(part)
                        + " is not in parts.csv");
            }
            String country = text(row, "country");
            if (!knownCountries.contains(country)) {
                throw new BadValue("country", RejectReason.UNKNOWN_COUNTRY, "country " + Identifiers.printable(country)
                        + " is not in regions.csv");
            }
            String code = text(row, "code").replace(".", "").replace(" ", "");
            if (!NATIONAL_CODE.matcher(code).matches()) {
                throw new BadValue("code", RejectReason.BAD_IDENTIFIER, "code '" + Identifiers.printable(row.get("code"))
                        + "' is not 6 to 14 ASCII digits (dots and spaces aside)");
            }
            Map<String, String> ofPart = codes.computeIfAbsent(part, p -> new TreeMap<>());
            if (ofPart.containsKey(country)) {
                throw new BadValue("country", RejectReason.DUPLICATE_ID, "part " + part + " already has a code for "
                        + country + " (" + ofPart.get(country) + "); the first is kept");
            }
            ofPart.put(country, code);
            return code;
        }

        /** An optional name or address text of a party of record: printable, at most {@link #MAX_PARTY_TEXT}. */
        String partyText(MasterRow row, String column) {
            String value = row.get(column);
            if (value.length() > MAX_PARTY_TEXT) {
                throw new BadValue(column, RejectReason.OUT_OF_RANGE, column + " is " + value.length()
                        + " characters long (at most " + MAX_PARTY_TEXT + ")");
            }
            if (value.chars().anyMatch(Character::isISOControl)) {
                throw new BadValue(column, RejectReason.OUT_OF_RANGE, column + " '" + Identifiers.printable(value)
                        + "' holds control characters");
            }
            return value;
        }

        /** An optional VAT number, EORI or tax id: empty, or matching {@code format}. */
        String taxNumber(MasterRow row, String column, java.util.regex.Pattern format) {
            String value = row.get(column);
            if (!value.isEmpty() && !format.matcher(value).matches()) {
                throw new BadValue(column, RejectReason.BAD_IDENTIFIER, column + " '" + Identifiers.printable(value)
                        + "' is not of the form " + format.pattern());
            }
            return value;
        }

        String code(MasterRow row, String column, Set<String> allowed) {
            String value = text(row, column);
            if (!allowed.contains(value)) {
                throw new BadValue(column, RejectReason.UNKNOWN_CODE,
                        column + " " + value + " is not one of " + new TreeSet<>(allowed));
            }
            return value;
        }

        double number(MasterRow row, String column) {
            return number(row, column, Double.MAX_VALUE);
        }

        /** A lead-time figure in days: at most {@link #MAX_DAYS}. */
        double days(MasterRow row, String column) {
            double value = number(row, column);
            if (value > MAX_DAYS) {
                throw new BadValue(column, RejectReason.OUT_OF_RANGE, column + " " + row.get(column)
                        + " is over the limit of " + MAX_DAYS + " days");
            }
            return value;
        }

        /** An optional pack size or order quantity: a number, at most {@code max} (sparecast.input.max-quantity). */
        double optionalNumber(MasterRow row, String column, double fallback, long max) {
            double value = optionalNumber(row, column, fallback);
            if (value > max) {
                throw new BadValue(column, RejectReason.OUT_OF_RANGE, column + " " + row.get(column)
                        + " is over the limit " + max + " (sparecast.input.max-quantity)");
            }
            return value;
        }

        /** A decimal number >= 0 in ASCII digits ({@code 12}, {@code 0.5}, {@code 1e3}), at most {@code max}. */
        double number(MasterRow row, String column, double max) {
            String value = text(row, column);
            if (DECIMAL.matcher(value).matches()) {
                double number = Double.parseDouble(value);
                if (number > max) {
                    throw new BadValue(column, RejectReason.OUT_OF_RANGE, column + " " + value + " is over the limit "
                            + Numbers.text(max) + " (sparecast.input.max-" + column.replace('_', '-') + ")");
                }
                if (!Double.isInfinite(number)) {
                    return number;
                }
            }
            throw new BadValue(column, RejectReason.BAD_NUMBER, column + " '" + Identifiers.printable(value)
                    + "' is not a number >= 0");
        }

        double optionalNumber(MasterRow row, String column, double fallback) {
            return row.get(column).isEmpty() ? fallback : number(row, column);
        }

        double fraction(MasterRow row, String column) {
            double value = number(row, column);
            if (!(value > 0 && value < 1)) {
                throw new BadValue(column, RejectReason.BAD_NUMBER, column + " " + value + " is not in (0, 1)");
            }
            return value;
        }

        LocalDate date(MasterRow row, String column) {
            String value = text(row, column);
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new BadValue(column, RejectReason.BAD_DATE, column + " '" + value + "' is not an ISO-8601 date");
            }
        }
    }
}
