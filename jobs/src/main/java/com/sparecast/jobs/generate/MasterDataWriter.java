package com.sparecast.jobs.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/** Writes {@code master/}: parts, geography, lanes, tariffs, service levels, holidays, inventory, installed base. */
final class MasterDataWriter {

    private static final long STREAM_INVENTORY = 3;

    private final long seed;
    private final Path output;
    private final int weeks;
    private final LocalDate start;
    private final LocalDate end;
    private final List<Holidays.Holiday> holidays;
    private final List<Part> parts;
    private final List<DemandSeries> series;

    MasterDataWriter(Catalogue catalogue, Timeline timeline, long seed, Path output) {
        this.seed = seed;
        this.output = output;
        this.weeks = timeline.weeks;
        this.start = timeline.start;
        this.end = timeline.end;
        this.holidays = timeline.holidays;
        this.parts = catalogue.parts;
        this.series = catalogue.series;
    }

    void write() throws IOException {
        Path master = output.resolve("master");
        Files.createDirectories(master);
        try (CsvFile csv = new CsvFile(master, "parts.csv", "part_no", "description", "unit_cost", "currency",
                "unit_weight_kg", "hs_code", "origin_country", "pack_size", "min_order_qty", "dangerous_goods",
                "superseded_by", "eccn")) {
            for (Part p : parts) {
                csv.row(p.partNo(), p.description(), p.unitCost(), p.currency(), p.unitWeightKg(), p.hsCode(),
                        p.originCountry(), p.packSize(), p.minOrderQty(), p.dangerousGoods(), p.supersededBy(), p.eccn());
            }
        }
        try (CsvFile csv = new CsvFile(master, "hs_national.csv", "part_no", "country", "code")) {
            for (Part p : parts) {
                for (String[] row : nationalCodes(p)) {
                    csv.row((Object[]) row);
                }
            }
        }
        try (CsvFile csv = new CsvFile(master, "regions.csv", "country", "region")) {
            List<String[]> rows = new ArrayList<>();
            for (World.Region r : World.REGIONS) {
                for (String country : r.countries()) {
                    rows.add(new String[] {country, r.id()});
                }
            }
            rows.sort(Comparator.comparing(a -> a[0]));
            for (String[] row : rows) {
                csv.row((Object[]) row);
            }
        }
        try (CsvFile csv = new CsvFile(master, "warehouses.csv", "warehouse_id", "region", "country", "role",
                "legal_name", "street", "city", "postal_code", "vat_number", "eori", "tax_id")) {
            warehouseRow(csv, World.CENTRAL_WAREHOUSE, World.CENTRAL_REGION, World.CENTRAL_COUNTRY, "CENTRAL");
            World.REGIONS.stream().sorted(Comparator.comparing(World.Region::warehouseId))
                    .forEach(r -> warehouseRow(csv, r.warehouseId(), r.id(), r.warehouseCountry(), "REGIONAL"));
        }
        try (CsvFile csv = new CsvFile(master, "lanes.csv", "origin_warehouse", "destination_warehouse", "mode",
                "transit_days_mean", "transit_days_sd", "customs_days_mean", "customs_days_sd", "incoterm",
                "departure_weekdays", "max_weight_kg")) {
            for (World.Lane l : World.LANES) {
                csv.row(World.CENTRAL_WAREHOUSE, l.destination(), l.mode(), l.transitMean(), l.transitSd(),
                        l.customsMean(), l.customsSd(), l.incoterm(), l.departureWeekdays(), l.maxWeightKg());
            }
        }
        try (CsvFile csv = new CsvFile(master, "tariffs.csv", "destination_country", "hs_prefix", "duty_rate",
                "vat_rate", "de_minimis_value", "de_minimis_currency")) {
            for (World.Tariff t : World.TARIFFS) {
                for (int i = 0; i < World.HS_PREFIXES.length; i++) {
                    csv.row(t.country(), World.HS_PREFIXES[i], t.duty()[i], t.vatRate(), t.deMinimis(), t.deMinimisCurrency());
                }
            }
        }
        try (CsvFile csv = new CsvFile(master, "service_levels.csv", "class", "target_fill_rate")) {
            for (String[] level : World.SERVICE_LEVELS) {
                csv.row((Object[]) level);
            }
        }
        try (CsvFile csv = new CsvFile(master, "holidays.csv", "country", "date", "name")) {
            for (Holidays.Holiday h : holidays) {
                csv.row(h.country(), h.date().toString(), h.name());
            }
        }
        writeInventory(master);
        writeInstalledBase(master);
    }

    private void writeInventory(Path master) throws IOException {
        SplittableRandom rng = new SplittableRandom(Draws.seed(seed, STREAM_INVENTORY, 0));
        int regions = World.REGIONS.size();
        // rows[part][warehouse]: -1 when absent; warehouse 0 is central, 1.. the regions.
        long[][] onHand = new long[parts.size()][regions + 1];
        long[][] onOrder = new long[parts.size()][regions + 1];
        for (long[] row : onHand) {
            Arrays.fill(row, -1);
        }
        double[] centralDemand = new double[parts.size()];
        for (DemandSeries s : series) {
            Family f = s.family;
            int current = f.currentPart();
            Part part = parts.get(current);
            double mu = s.expected(weeks);
            int wh = s.region + 1;
            if (s.stopWeek <= weeks) {
                onHand[current][wh] = rng.nextDouble() < 0.7 ? 1 + rng.nextInt(40) : 0;
                onOrder[current][wh] = 0;
            } else {
                double u = rng.nextDouble();
                double cover = u < 0.08 ? 0 : u < 0.2 ? Draws.uniform(rng, 26, 80) : Draws.uniform(rng, 1, 8);
                long stock = Math.round(mu * cover);
                if (stock == 0 && cover > 0) {
                    stock = 1 + rng.nextInt(2); // slow movers: one or two on the shelf
                }
                onHand[current][wh] = stock;
                onOrder[current][wh] = rng.nextDouble() < 0.35
                        ? roundUp(Math.max(1, Math.round(mu * Draws.uniform(rng, 1, 6))), part.packSize()) : 0;
                centralDemand[current] += mu;
            }
            for (int k = 0; k + 1 < f.parts.length; k++) {
                if (rng.nextDouble() < 0.6) {
                    onHand[f.parts[k]][wh] = 1 + rng.nextInt(20);
                    onOrder[f.parts[k]][wh] = 0;
                }
            }
            // The batteries' shelf in APAC is empty on purpose: the plan must send them over the
            // passenger-air lane, where customs holds them (every profile shows that hold).
            if (!part.dangerousGoods().isEmpty() && s.region == World.APAC && s.stopWeek > weeks) {
                onHand[current][wh] = 0;
                onOrder[current][wh] = 0;
            }
        }
        for (Part part : parts) {
            int i = part.index();
            boolean current = part.supersededBy().isEmpty();
            double u = rng.nextDouble();
            if (current) {
                double cover = u < 0.07 ? 0 : Draws.uniform(rng, 2, 12);
                long stock = Math.round(centralDemand[i] * cover);
                if (centralDemand[i] == 0) {
                    stock = 1 + rng.nextInt(60); // stocked centrally, never sold: dead stock
                }
                onHand[i][0] = stock;
                onOrder[i][0] = rng.nextDouble() < 0.25 && centralDemand[i] > 0
                        ? roundUp(Math.round(centralDemand[i] * Draws.uniform(rng, 4, 12)) + 1, part.minOrderQty()) : 0;
            } else if (u < 0.5) {
                onHand[i][0] = 1 + rng.nextInt(100);
                onOrder[i][0] = 0;
            }
            for (int r = 1; r <= regions; r++) {
                if (onHand[i][r] < 0 && rng.nextDouble() < 0.01) {
                    onHand[i][r] = 1 + rng.nextInt(15); // stock where the part never sells
                    onOrder[i][r] = 0;
                }
            }
        }
        String[] warehouse = new String[regions + 1];
        warehouse[0] = World.CENTRAL_WAREHOUSE;
        for (int r = 0; r < regions; r++) {
            warehouse[r + 1] = World.REGIONS.get(r).warehouseId();
        }
        Integer[] order = new Integer[regions + 1];
        for (int i = 0; i <= regions; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing(i -> warehouse[i]));
        try (CsvFile csv = new CsvFile(master, "inventory.csv", "warehouse_id", "part_no", "on_hand", "on_order")) {
            for (int w : order) {
                for (Part part : parts) {
                    if (onHand[part.index()][w] >= 0) {
                        csv.row(warehouse[w], part.partNo(), onHand[part.index()][w], onOrder[part.index()][w]);
                    }
                }
            }
        }
    }

    private static long roundUp(long quantity, int multiple) {
        return multiple <= 1 ? quantity : ((quantity + multiple - 1) / multiple) * multiple;
    }

    /** Units in the field per month, consistent with the series' demand and the family's failure rate. */
    private void writeInstalledBase(Path master) throws IOException {
        List<DemandSeries> withBase = new ArrayList<>();
        for (DemandSeries s : series) {
            if (s.family.installedBase) {
                withBase.add(s);
            }
        }
        withBase.sort(Comparator.comparing((DemandSeries s) -> parts.get(s.family.currentPart()).partNo())
                .thenComparingInt(s -> s.region));
        YearMonth first = YearMonth.from(start);
        YearMonth last = YearMonth.from(end.minusDays(1));
        try (CsvFile csv = new CsvFile(master, "installed_base.csv", "part_no", "country", "month", "units_in_field")) {
            // rows grouped by part, then country (alphabetical), then month
            int i = 0;
            while (i < withBase.size()) {
                int current = withBase.get(i).family.currentPart();
                int j = i;
                List<String[]> rows = new ArrayList<>();
                while (j < withBase.size() && withBase.get(j).family.currentPart() == current) {
                    DemandSeries s = withBase.get(j);
                    World.Region region = World.REGIONS.get(s.region);
                    for (int c = 0; c < region.countries().length; c++) {
                        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                            int week = (int) Math.max(0, ChronoUnit.WEEKS.between(start, m.atDay(1)));
                            if (week < s.startWeek) {
                                continue;
                            }
                            // the installed base follows the demand's trend, not its season
                            double weekly = s.p * Math.max(1, s.meanSize * s.trend(week)) * region.countryWeights()[c];
                            long units = Math.round(weekly * 52 / s.family.annualFailureRate);
                            rows.add(new String[] {region.countries()[c], m.toString(), Long.toString(units)});
                        }
                    }
                    j++;
                }
                rows.sort(Comparator.comparing((String[] a) -> a[0]).thenComparing(a -> a[1]));
                String partNo = parts.get(current).partNo();
                for (String[] row : rows) {
                    csv.row(partNo, row[0], row[1], row[2]);
                }
                i = j;
            }
        }
    }

    /** A row of warehouses.csv with the warehouse's party of record ({@link World#PARTIES}). */
    private static void warehouseRow(CsvFile csv, String id, String region, String country, String role) {
        World.PartyOfRecord p = World.PARTIES.get(id);
        csv.row(id, region, country, role, p.legalName(), p.street(), p.city(), p.postalCode(), p.vatNumber(),
                p.eori(), p.taxId());
    }

    /**
     * The rows of hs_national.csv of a part: for each export destination whose tariff needs a
     * number of digits ({@link World#NATIONAL_CODE_DIGITS}) the part's HS code does not have, the
     * code's first six digits followed by national digits made from the part number. Parts
     * without a valid HS code get none; two gaps on purpose: {@link World#NATIONAL_CODE_GAP} has
     * no US code and {@link World#NATIONAL_CODE_WRONG_LENGTH} a JP code one digit too long (their
     * lines to those destinations are held HS_NATIONAL_CODE_MISSING).
     */
    static List<String[]> nationalCodes(Part p) {
        List<String[]> rows = new ArrayList<>();
        String hs = p.hsCode();
        if (!hs.matches("[0-9]{6,10}")) {
            return rows;
        }
        int index = Integer.parseInt(p.partNo().substring(2));
        for (java.util.Map.Entry<String, Integer> e : World.NATIONAL_CODE_DIGITS.entrySet()) {
            String country = e.getKey();
            int digits = e.getValue();
            if (hs.length() == digits || (p.partNo().equals(World.NATIONAL_CODE_GAP) && country.equals("US"))) {
                continue;
            }
            if (p.partNo().equals(World.NATIONAL_CODE_WRONG_LENGTH) && country.equals("JP")) {
                digits++;
            }
            // national digits: 10..99 from the part number, then 0s (e.g. 853710 -> 85371023 for BR)
            StringBuilder code = new StringBuilder(hs.substring(0, 6))
                    .append(String.format(java.util.Locale.ROOT, "%02d", 10 + index * 13 % 90));
            while (code.length() < digits) {
                code.append('0');
            }
            rows.add(new String[] {p.partNo(), country, code.substring(0, digits)});
        }
        return rows;
    }
}
