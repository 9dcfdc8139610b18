package com.sparecast.jobs.generate;

import com.sparecast.models.series.DemandClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Writes a complete synthetic input set (event feeds, master data and the ground truth the
 * demand was drawn from) for {@code sparecast generate}.
 *
 * <p>Deterministic: everything is drawn from generators seeded from the seed and a fixed stream
 * name (master data) or the series index (demand), consumed in a fixed order, and written
 * without any hash ordering or clock, so the same arguments give byte-identical files.
 *
 * <p>Bounded memory: events are generated week by week over all series and written at once;
 * only one week of order lines and the returns still to come (a few weeks) are held.
 */
public final class InputSetGenerator {

    /** Weeks of ground truth after the planning date. */
    public static final int HORIZON = 26;

    /** The folders the generator owns under its output folder and replaces on every run. */
    public static final List<String> OWNED_FOLDERS = List.of("shipments", "failures", "returns", "master", "ground_truth");

    static final String[] SHIPMENT_COLUMNS = {"shipment_id", "ship_date", "part_no", "warehouse_id", "country", "quantity"};
    static final String[] FAILURE_COLUMNS = {"failure_id", "failure_date", "part_no", "country", "quantity",
        "product_model", "serial_no"};
    static final String[] RETURN_COLUMNS = {"return_id", "return_date", "part_no", "country", "quantity", "reason_code",
        "condition", "customer_name", "customer_email", "customer_phone", "customer_address"};

    static final String[] REASONS = {"DEFECTIVE", "DAMAGED_IN_TRANSIT", "WRONG_PART", "NOT_NEEDED", "OTHER"};
    private static final double[] REASON_WEIGHTS = Draws.cumulative(0.36, 0.12, 0.17, 0.25, 0.10);
    static final String[] CONDITIONS = {"REFURBISHABLE", "SCRAP", "UNKNOWN"};
    /** Condition weights per reason, in the order of {@link #REASONS}. */
    private static final double[][] CONDITION_WEIGHTS = {
        Draws.cumulative(0.50, 0.38, 0.12), Draws.cumulative(0.15, 0.75, 0.10), Draws.cumulative(0.85, 0.05, 0.10),
        Draws.cumulative(0.88, 0.02, 0.10), Draws.cumulative(0.30, 0.20, 0.50)};
    /** Ship days Monday to Saturday. */
    private static final double[] WEEKDAY_WEIGHTS = Draws.cumulative(0.22, 0.22, 0.20, 0.19, 0.15, 0.02);
    private static final int MAX_LINES_PER_WEEK = 40;

    private static final long STREAM_FAMILIES = 1;
    private static final long STREAM_SERIES = 2;
    private static final long STREAM_INVENTORY = 3;
    private static final long STREAM_CUSTOMERS = 4;

    /** Generates into {@code output}, replacing the {@link #OWNED_FOLDERS} and leaving anything else alone. */
    public GenerationSummary generate(Profile profile, long seed, LocalDate end, Path output) throws IOException {
        return generate(profile.scale(), seed, end, output, Runtime.getRuntime().availableProcessors());
    }

    /** Generates at any scale, writing event partitions on up to {@code threads} threads. */
    GenerationSummary generate(Scale scale, long seed, LocalDate end, Path output, int threads) throws IOException {
        for (String folder : OWNED_FOLDERS) {
            deleteRecursively(output.resolve(folder));
        }
        Files.createDirectories(output);
        return new Run(scale, seed, end, output, threads).execute();
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** One generation: its calendar, its world and its writers. */
    private static final class Run {
        private final Scale profile;
        private final int threads;
        private final long seed;
        private final LocalDate end;
        private final Path output;
        private final int weeks;
        private final LocalDate start;
        /** Days of history: day indices {@code 0 .. historyDays - 1} are before the planning date. */
        private final int historyDays;
        private final String[] dayText;
        private final int[] dayYear;
        /** Per region, per day: the regional warehouse's country has a public holiday. */
        private final boolean[][] warehouseHoliday;
        private final List<Holidays.Holiday> holidays;
        private final double[][] countryWeights;

        private final List<Family> families = new ArrayList<>();
        private final List<Part> parts = new ArrayList<>();
        private final List<DemandSeries> series = new ArrayList<>();
        private final Map<String, Long> rowsPerFile = new LinkedHashMap<>();

        Run(Scale profile, long seed, LocalDate end, Path output, int threads) {
            this.profile = profile;
            this.threads = threads;
            this.seed = seed;
            this.end = end;
            this.output = output;
            this.weeks = profile.weeks();
            LocalDate lastDay = end.minusDays(1);
            LocalDate lastMonday = lastDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            this.start = lastMonday.minusWeeks(weeks - 1L);
            this.historyDays = (int) ChronoUnit.DAYS.between(start, end);
            int totalDays = (weeks + HORIZON + 1) * 7;
            this.dayText = new String[totalDays];
            this.dayYear = new int[totalDays];
            for (int d = 0; d < totalDays; d++) {
                LocalDate date = start.plusDays(d);
                dayText[d] = date.toString();
                dayYear[d] = date.getYear();
            }
            this.holidays = Holidays.between(start, end.plusMonths(3));
            this.warehouseHoliday = new boolean[World.REGIONS.size()][totalDays];
            for (Holidays.Holiday h : holidays) {
                int d = (int) ChronoUnit.DAYS.between(start, h.date());
                if (d < 0 || d >= totalDays) {
                    continue;
                }
                for (int r = 0; r < World.REGIONS.size(); r++) {
                    if (World.REGIONS.get(r).warehouseCountry().equals(h.country())) {
                        warehouseHoliday[r][d] = true;
                    }
                }
            }
            this.countryWeights = World.REGIONS.stream().map(r -> Draws.cumulative(r.countryWeights())).toArray(double[][]::new);
        }

        GenerationSummary execute() throws IOException {
            long t0 = System.nanoTime();
            buildFamiliesAndParts();
            buildSeries();
            long t1 = System.nanoTime();
            writeMasterData();
            long t2 = System.nanoTime();
            long[] counts = writeEvents();
            long t3 = System.nanoTime();
            writeGroundTruth();
            long t4 = System.nanoTime();
            if (Boolean.getBoolean("sparecast.generate.timing")) {
                System.err.printf("build %.1f s, master %.1f s, events %.1f s, truth %.1f s%n",
                        (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9);
            }
            int withHistory = (int) series.stream().filter(s -> s.hadHistory).count();
            GenerationSummary summary = new GenerationSummary(profile.id(), seed, end, start, end.minusDays(1), weeks,
                    parts.size(), series.size(), withHistory, counts[0], counts[1], counts[2], Map.copyOf(rowsPerFile));
            writeSummary(summary, counts[3]);
            return summary;
        }

        // ---------------------------------------------------------------- master data

        private void buildFamiliesAndParts() {
            SplittableRandom rng = new SplittableRandom(Draws.seed(seed, STREAM_FAMILIES, 0));
            int n = profile.families();
            // Placed on purpose in every profile: dangerous goods selling in APAC (the AIR_PASSENGER
            // lane), an export-controlled part, and supersession chains including a recent cut.
            Map<Integer, Integer> forcedType = Map.of(2, PartCatalog.LITHIUM_ION, 5, PartCatalog.LITHIUM_METAL,
                    8, PartCatalog.ENCRYPTED, 61, PartCatalog.ENCRYPTED);
            Map<Integer, Integer> forcedChain = Map.of(10, 3, 20, 2, 30, 3, 40, 2, 50, 2);
            List<int[]> successors = new ArrayList<>();
            for (int f = 0; f < n; f++) {
                int type = forcedType.containsKey(f) ? forcedType.get(f) : Draws.pick(rng, PartCatalog.CUMULATIVE);
                PartCatalog.PartType t = PartCatalog.TYPES.get(type);
                Family family = new Family(f, type);
                boolean consumable = Arrays.stream(t.packSizes()).max().orElse(1) > 1;
                family.popularity = profile.volumeScale() * Draws.logNormal(rng, 0, 1.25) * (consumable ? 2.0 : 1.0);
                family.failureShare = rng.nextDouble() < 0.3 ? 0 : Draws.uniform(rng, 0.1, 0.6);
                family.returnRate = Draws.uniform(rng, 0.01, 0.06);
                family.lineQuantity = consumable ? Draws.uniform(rng, 1.5, 4) : (t.maxCost() > 500 ? 1 : Draws.uniform(rng, 1, 1.6));
                family.annualFailureRate = Draws.uniform(rng, 0.02, 0.12);
                family.installedBase = family.failureShare > 0 && rng.nextDouble() < profile.installedBaseShare() / 0.7;
                int chainLength = forcedChain.getOrDefault(f, rng.nextDouble() < 0.05 ? (rng.nextDouble() < 0.35 ? 3 : 2) : 1);
                family.cutWeeks = new int[chainLength - 1];
                if (chainLength > 1) {
                    int recent = f == 30 ? weeks - 6 : -1;
                    int last = recent > 0 ? recent : 30 + rng.nextInt(Math.max(1, weeks - 40));
                    if (chainLength == 3) {
                        int first = 10 + rng.nextInt(Math.max(1, last - 20));
                        family.cutWeeks = new int[] {first, last};
                    } else {
                        family.cutWeeks = new int[] {last};
                    }
                }
                families.add(family);
                successors.add(new int[] {chainLength});
            }
            // Part numbers: the originals first, successors after them (newer parts get higher numbers).
            int next = n;
            for (Family family : families) {
                int length = successors.get(family.index)[0];
                family.parts = new int[length];
                family.parts[0] = family.index;
                for (int k = 1; k < length; k++) {
                    family.parts[k] = next++;
                }
            }
            Part[] table = new Part[next];
            for (Family family : families) {
                PartCatalog.PartType t = PartCatalog.TYPES.get(family.type);
                String variant = PartCatalog.VARIANTS[rng.nextInt(PartCatalog.VARIANTS.length)];
                String origin = PartCatalog.ORIGINS[rng.nextInt(PartCatalog.ORIGINS.length)];
                String currency = (origin.equals("US") || origin.equals("MX")) && rng.nextDouble() < 0.7 ? "USD" : "EUR";
                double cost = StrictMath.exp(Draws.uniform(rng, StrictMath.log(t.minCost()), StrictMath.log(t.maxCost())));
                double weight = Draws.uniform(rng, t.minKg(), t.maxKg());
                int pack = t.packSizes()[rng.nextInt(t.packSizes().length)];
                int moq = pack * new int[] {1, 1, 1, 2, 5}[rng.nextInt(5)];
                String hs = hsCode(rng, t.hs6(), family.index, t.unNumber().isEmpty() && !t.eccn().startsWith("5A0"));
                for (int k = 0; k < family.parts.length; k++) {
                    int idx = family.parts[k];
                    String revision = k == 0 ? "" : " rev " + (char) ('A' + k);
                    double revCost = cost * (1 + 0.06 * k);
                    table[idx] = new Part(idx, Part.number(idx), t.description() + variant + revision,
                            money(revCost), currency, decimal(weight, 3), hs, origin, pack, moq, t.unNumber(),
                            k + 1 < family.parts.length ? Part.number(family.parts[k + 1]) : "", t.eccn(), family.index);
                }
            }
            parts.addAll(Arrays.asList(table));
        }

        /** Mostly valid 6-10 digit codes; a few % empty and a couple malformed, as in real master data. */
        private String hsCode(SplittableRandom rng, String hs6, int familyIndex, boolean mayBeBroken) {
            double u = rng.nextDouble();
            if (!mayBeBroken) {
                u = 0.5; // keep the dangerous-goods and export-control cases about one reason each
            }
            if (familyIndex == 12 || familyIndex == 25 || u < 0.03) {
                return "";
            }
            if (familyIndex == 15) {
                return hs6.substring(0, 2) + "." + hs6.substring(2, 4);
            }
            if (familyIndex == 33 || u > 0.998) {
                return hs6.substring(0, 4) + "-" + hs6.substring(4);
            }
            double v = rng.nextDouble();
            if (v < 0.4) {
                return hs6;
            }
            String ext = hs6 + (rng.nextDouble() < 0.6 ? "00" : Integer.toString(10 + 10 * rng.nextInt(9)));
            return v < 0.8 ? ext : ext + (rng.nextDouble() < 0.7 ? "00" : "90");
        }

        private void buildSeries() {
            double[] yearFraction = new double[weeks + HORIZON + 1];
            for (int w = 0; w < yearFraction.length; w++) {
                yearFraction[w] = (start.plusWeeks(w).getDayOfYear() - 1) / 365.25;
            }
            SplittableRandom rng = new SplittableRandom(Draws.seed(seed, STREAM_SERIES, 0));
            for (Family family : families) {
                double seasonPhase = Draws.uniform(rng, 0, 2 * StrictMath.PI);
                boolean seasonal = rng.nextDouble() < 0.25;
                boolean noDemand = rng.nextDouble() < 0.02 || family.index % 45 == 44; // stocked, never sold
                for (int r = 0; r < World.REGIONS.size(); r++) {
                    World.Region region = World.REGIONS.get(r);
                    boolean forced = (r == World.APAC && (family.type == PartCatalog.LITHIUM_ION
                            || family.type == PartCatalog.LITHIUM_METAL || family.type == PartCatalog.ENCRYPTED));
                    double presence = Math.min(1, region.presence() * profile.presenceScale());
                    double u = rng.nextDouble();
                    double noise = Draws.logNormal(rng, 0, 0.5);
                    double c = rng.nextDouble();
                    double pu = rng.nextDouble();
                    double cvu = rng.nextDouble();
                    double tu = rng.nextDouble();
                    double su = rng.nextDouble();
                    double trend = tu < 0.2 ? Draws.uniform(rng, -0.25, 0.35) : 0;
                    double amplitude = seasonal ? Draws.uniform(rng, 0.1, 0.4) : 0;
                    int startWeek = su < 0.08 && family.cutWeeks.length == 0 ? weeks / 3 + rng.nextInt(weeks - weeks / 3 - 8) : 0;
                    int stopWeek = su > 0.97 && family.cutWeeks.length == 0 && startWeek == 0
                            ? weeks / 4 + rng.nextInt(weeks - weeks / 4 - 10) : Integer.MAX_VALUE;
                    if (!forced && (noDemand || u >= presence)) {
                        continue;
                    }
                    double mu = Math.min(400, Math.max(0.05, family.popularity * region.volumeFactor() * noise));
                    if (forced) {
                        mu = Math.max(mu, 1.2);
                        startWeek = 0;
                        stopWeek = Integer.MAX_VALUE;
                    }
                    DemandClass cls = chooseClass(mu, c);
                    double p;
                    double cv2;
                    if (cls == DemandClass.SMOOTH || cls == DemandClass.ERRATIC) {
                        p = 0.8 + 0.2 * pu;
                        cv2 = cls == DemandClass.SMOOTH ? 0.05 + 0.3 * cvu : 0.6 + 1.0 * cvu;
                    } else {
                        p = 0.12 + 0.53 * pu;
                        cv2 = cls == DemandClass.INTERMITTENT ? 0.05 + 0.3 * cvu : 0.7 + 1.3 * cvu;
                        double minSize = cls == DemandClass.LUMPY ? 2.5 : 1;
                        p = Math.max(cls == DemandClass.LUMPY ? 0.04 : 0.06, Math.min(p, mu / minSize));
                    }
                    double meanSize = Math.max(1, mu / p);
                    if (cls == DemandClass.LUMPY && meanSize < 2.5) {
                        cls = DemandClass.INTERMITTENT;
                        cv2 = 0.05 + 0.3 * cvu;
                    }
                    int index = series.size();
                    series.add(new DemandSeries(index, family, r, cls, p, cv2, meanSize, trend, amplitude,
                            seasonPhase + (r == 5 || (r == 4 && c < 0.3) ? StrictMath.PI : 0), startWeek, stopWeek,
                            weeks, yearFraction, new SplittableRandom(Draws.seed(seed, STREAM_SERIES, index + 1L)), HORIZON));
                }
            }
        }

        private static DemandClass chooseClass(double mu, double u) {
            if (mu >= 2) {
                return u < 0.55 ? DemandClass.SMOOTH : u < 0.9 ? DemandClass.ERRATIC : u < 0.95 ? DemandClass.INTERMITTENT : DemandClass.LUMPY;
            }
            if (mu >= 0.6) {
                return u < 0.25 ? DemandClass.SMOOTH : u < 0.5 ? DemandClass.ERRATIC : u < 0.75 ? DemandClass.INTERMITTENT : DemandClass.LUMPY;
            }
            return u < 0.55 ? DemandClass.INTERMITTENT : DemandClass.LUMPY;
        }

        private void writeMasterData() throws IOException {
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
            try (CsvFile csv = new CsvFile(master, "warehouses.csv", "warehouse_id", "region", "country", "role")) {
                csv.row(World.CENTRAL_WAREHOUSE, World.CENTRAL_REGION, World.CENTRAL_COUNTRY, "CENTRAL");
                World.REGIONS.stream().sorted(Comparator.comparing(World.Region::warehouseId))
                        .forEach(r -> csv.row(r.warehouseId(), r.id(), r.warehouseCountry(), "REGIONAL"));
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
                                double weekly = s.p * s.size(Math.min(week, weeks)) * region.countryWeights()[c];
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

        // ---------------------------------------------------------------- events

        /** One week of order lines or failures, columnar, in generation order. */
        private static final class WeekBuffer {
            int size;
            int[] day = new int[1024];
            int[] part = new int[1024];
            int[] region = new int[1024];
            int[] country = new int[1024];
            int[] quantity = new int[1024];
            long[] extra = new long[1024];
            int[] order = new int[1024];

            void add(int d, int p, int r, int c, int q, long x) {
                if (size == day.length) {
                    int n = size * 2;
                    day = Arrays.copyOf(day, n);
                    part = Arrays.copyOf(part, n);
                    region = Arrays.copyOf(region, n);
                    country = Arrays.copyOf(country, n);
                    quantity = Arrays.copyOf(quantity, n);
                    extra = Arrays.copyOf(extra, n);
                    order = new int[n];
                }
                day[size] = d;
                part[size] = p;
                region[size] = r;
                country[size] = c;
                quantity[size] = q;
                extra[size] = x;
                size++;
            }

            /** Fills {@link #order} with the row indices sorted by day, stable (counting sort). */
            void sortByDay(int firstDay) {
                int[] counts = new int[8];
                for (int i = 0; i < size; i++) {
                    counts[day[i] - firstDay + 1]++;
                }
                for (int k = 1; k < 8; k++) {
                    counts[k] += counts[k - 1];
                }
                for (int i = 0; i < size; i++) {
                    order[counts[day[i] - firstDay]++] = i;
                }
            }
        }

        /** A return waiting for its date: created when the line ships, written in its week. */
        private record PendingReturn(int day, int part, int region, int country, int quantity, int reason, int condition) {
        }

        /** What one partition wrote. */
        private record PartitionResult(long shipments, long failures, long returns, long units,
                                       Map<String, Long> shipmentFiles, Map<String, Long> failureFiles,
                                       Map<String, Long> returnFiles) {
        }

        /**
         * Writes the three feeds. The series are cut into the profile's fixed number of partitions
         * (by family), each written by its own task into its own files with its own id range, so the
         * output does not depend on how many cores run them. Returns shipments, failures, returns
         * and the total units shipped.
         */
        private long[] writeEvents() throws IOException {
            int count = profile.partitions();
            List<List<DemandSeries>> groups = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                groups.add(new ArrayList<>());
            }
            for (DemandSeries s : series) {
                groups.get(s.family.index % count).add(s);
            }
            List<PartitionResult> results = new ArrayList<>();
            if (count == 1) {
                results.add(writePartition(groups.get(0), "", 0));
            } else {
                ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(count, threads)));
                try {
                    List<Future<PartitionResult>> futures = new ArrayList<>();
                    for (int k = 0; k < count; k++) {
                        List<DemandSeries> group = groups.get(k);
                        String suffix = "-p" + (k + 1);
                        long idBase = k * 100_000_000L;
                        futures.add(pool.submit(() -> writePartition(group, suffix, idBase)));
                    }
                    for (Future<PartitionResult> f : futures) {
                        results.add(f.get());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while generating events", e);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw new IllegalStateException("generating events failed", e.getCause());
                } finally {
                    pool.shutdownNow();
                }
            }
            long[] totals = new long[4];
            for (PartitionResult r : results) {
                totals[0] += r.shipments();
                totals[1] += r.failures();
                totals[2] += r.returns();
                totals[3] += r.units();
                rowsPerFile.putAll(r.shipmentFiles());
                rowsPerFile.putAll(r.failureFiles());
                rowsPerFile.putAll(r.returnFiles());
            }
            return totals;
        }

        /** Streams one partition's series week by week into its yearly files. */
        private PartitionResult writePartition(List<DemandSeries> group, String suffix, long idBase) throws IOException {
            WeekBuffer lines = new WeekBuffer();
            WeekBuffer failures = new WeekBuffer();
            @SuppressWarnings("unchecked")
            List<PendingReturn>[] returnsByWeek = new List[weeks + 10];
            String[] partNo = parts.stream().map(Part::partNo).toArray(String[]::new);
            String[][] countries = World.REGIONS.stream().map(World.Region::countries).toArray(String[][]::new);
            String[] warehouse = World.REGIONS.stream().map(World.Region::warehouseId).toArray(String[]::new);
            long shipmentSeq = 0;
            long failureSeq = 0;
            long returnSeq = 0;
            long units = 0;
            try (YearlyCsvWriter shipments = new YearlyCsvWriter(output.resolve("shipments"), "shipments", suffix, SHIPMENT_COLUMNS);
                 YearlyCsvWriter failureFeed = new YearlyCsvWriter(output.resolve("failures"), "failures", suffix, FAILURE_COLUMNS);
                 YearlyCsvWriter returnFeed = new YearlyCsvWriter(output.resolve("returns"), "returns", suffix, RETURN_COLUMNS)) {
                for (int week = 0; week < weeks + HORIZON; week++) {
                    boolean history = week < weeks;
                    lines.size = 0;
                    failures.size = 0;
                    int firstDay = week * 7;
                    for (DemandSeries s : group) {
                        int demand = s.draw(week);
                        if (!history) {
                            s.realisedFuture[week - weeks] = demand;
                            continue;
                        }
                        if (demand == 0) {
                            continue;
                        }
                        s.hadHistory = true;
                        splitIntoLines(s, week, demand, lines, failures, returnsByWeek);
                    }
                    if (!history) {
                        continue;
                    }
                    lines.sortByDay(firstDay);
                    for (int k = 0; k < lines.size; k++) {
                        int i = lines.order[k];
                        int d = lines.day[i];
                        units += lines.quantity[i];
                        shipments.print(dayYear[d], id('S', idBase + ++shipmentSeq), dayText[d], partNo[lines.part[i]],
                                warehouse[lines.region[i]], countries[lines.region[i]][lines.country[i]], lines.quantity[i]);
                    }
                    failures.sortByDay(firstDay);
                    for (int k = 0; k < failures.size; k++) {
                        int i = failures.order[k];
                        int d = failures.day[i];
                        Family f = families.get(parts.get(failures.part[i]).family());
                        String[] models = PartCatalog.TYPES.get(f.type).models();
                        long x = failures.extra[i];
                        String model = models[(int) (x & 0xff) % models.length];
                        failureFeed.print(dayYear[d], id('F', idBase + ++failureSeq), dayText[d], partNo[failures.part[i]],
                                countries[failures.region[i]][failures.country[i]], failures.quantity[i], model,
                                serial(model, dayYear[d], x >>> 8));
                    }
                    List<PendingReturn> due = returnsByWeek[week];
                    returnsByWeek[week] = null;
                    if (due != null) {
                        List<PendingReturn> sorted = new ArrayList<>(due);
                        sorted.sort(Comparator.comparingInt(PendingReturn::day)); // stable
                        for (PendingReturn r : sorted) {
                            String country = countries[r.region()][r.country()];
                            long returnId = idBase + ++returnSeq;
                            PersonalData.Customer c = PersonalData.draw(
                                    new SplittableRandom(Draws.seed(seed, STREAM_CUSTOMERS, returnId)), country);
                            returnFeed.print(dayYear[r.day()], id('R', returnId), dayText[r.day()],
                                    partNo[r.part()], country, r.quantity(), REASONS[r.reason()], CONDITIONS[r.condition()],
                                    c.name(), c.email(), c.phone(), c.address());
                        }
                    }
                }
                shipments.close();
                failureFeed.close();
                returnFeed.close();
                return new PartitionResult(shipmentSeq, failureSeq, returnSeq, units, shipments.rowsPerFile(),
                        failureFeed.rowsPerFile(), returnFeed.rowsPerFile());
            }
        }

        private void splitIntoLines(DemandSeries s, int week, int demand, WeekBuffer lines, WeekBuffer failures,
                                    List<PendingReturn>[] returnsByWeek) {
            SplittableRandom rng = s.rng;
            Family f = s.family;
            int part = f.partAt(week);
            int remaining = demand;
            int count = 0;
            double extra = f.lineQuantity - 1;
            double logRatio = extra > 0 ? StrictMath.log(extra / (extra + 1)) : 0;
            while (remaining > 0) {
                int q;
                if (++count >= MAX_LINES_PER_WEEK) {
                    q = remaining;
                } else {
                    long g = extra > 0 ? (long) (StrictMath.log(1 - rng.nextDouble()) / logRatio) : 0;
                    q = (int) Math.min(remaining, 1 + g);
                }
                remaining -= q;
                int dow = Draws.pick(rng, WEEKDAY_WEIGHTS);
                int country = Draws.pick(rng, countryWeights[s.region]);
                double failureDraw = rng.nextDouble();
                double returnDraw = rng.nextDouble();
                long detail = rng.nextLong();
                dow = avoidHoliday(s.region, week * 7, dow);
                int day = week * 7 + dow;
                if (day >= historyDays) {
                    continue; // the rest of the planning week is in the future
                }
                lines.add(day, part, s.region, country, q, 0);
                if (failureDraw < f.failureShare) {
                    int lag = (int) Long.remainderUnsigned(detail, Math.min(3, dow) + 1);
                    int fq = q > 1 && ((detail >>> 8) & 7) == 0 ? 1 + (int) Long.remainderUnsigned(detail >>> 12, q) : 1;
                    failures.add(day - lag, part, s.region, country, fq, detail >>> 16);
                }
                if (returnDraw < f.returnRate) {
                    long r = Draws.mix(detail);
                    int returnDay = day + 3 + (int) Long.remainderUnsigned(r, 45);
                    if (returnDay < historyDays) {
                        int rq = q > 1 && ((r >>> 8) & 3) == 0 ? 1 + (int) Long.remainderUnsigned(r >>> 10, q) : 1;
                        double reasonU = ((r >>> 20) & 0xFFFFF) / (double) (1 << 20);
                        double conditionU = ((r >>> 40) & 0xFFFFF) / (double) (1 << 20);
                        int reason = pickFrom(REASON_WEIGHTS, reasonU);
                        int condition = pickFrom(CONDITION_WEIGHTS[reason], conditionU);
                        List<PendingReturn> bucket = returnsByWeek[returnDay / 7];
                        if (bucket == null) {
                            bucket = new ArrayList<>();
                            returnsByWeek[returnDay / 7] = bucket;
                        }
                        bucket.add(new PendingReturn(returnDay, part, s.region, country, rq, reason, condition));
                    }
                }
            }
        }

        private static int pickFrom(double[] cumulative, double u) {
            double x = u * cumulative[cumulative.length - 1];
            for (int i = 0; i < cumulative.length - 1; i++) {
                if (x < cumulative[i]) {
                    return i;
                }
            }
            return cumulative.length - 1;
        }

        /** Moves a ship day off the warehouse's public holidays, within the same week. */
        private int avoidHoliday(int region, int firstDay, int dow) {
            if (!warehouseHoliday[region][firstDay + dow]) {
                return dow;
            }
            for (int d = dow + 1; d <= 4; d++) {
                if (!warehouseHoliday[region][firstDay + d]) {
                    return d;
                }
            }
            for (int d = dow - 1; d >= 0; d--) {
                if (!warehouseHoliday[region][firstDay + d]) {
                    return d;
                }
            }
            return 5;
        }

        private static String serial(String model, int year, long bits) {
            StringBuilder sb = new StringBuilder(20);
            for (int i = 0; i < model.length() && sb.length() < 4; i++) {
                char ch = model.charAt(i);
                if (Character.isLetterOrDigit(ch)) {
                    sb.append(Character.toUpperCase(ch));
                }
            }
            sb.append(year % 100 - (int) (bits & 3)); // built up to three years before the failure
            sb.append('-');
            long n = (bits >>> 2) % 10_000_000L;
            String digits = Long.toString(n);
            sb.append("0".repeat(7 - digits.length())).append(digits);
            return sb.toString();
        }

        /** {@code S00000001}: a letter and at least eight digits. */
        static String id(char prefix, long n) {
            String digits = Long.toString(n);
            if (digits.length() >= 8) {
                return prefix + digits;
            }
            char[] c = new char[9];
            c[0] = prefix;
            Arrays.fill(c, 1, 9 - digits.length(), '0');
            digits.getChars(0, digits.length(), c, 9 - digits.length());
            return new String(c);
        }

        // ---------------------------------------------------------------- ground truth

        private void writeGroundTruth() throws IOException {
            Path folder = output.resolve("ground_truth");
            Files.createDirectories(folder);
            try (var readme = InputSetGenerator.class.getResourceAsStream("ground-truth-README.md")) {
                Files.write(folder.resolve("README.md"), readme.readAllBytes());
            }
            List<DemandSeries> sorted = new ArrayList<>(series);
            sorted.sort(Comparator.comparing((DemandSeries s) -> parts.get(s.family.currentPart()).partNo())
                    .thenComparing(s -> World.REGIONS.get(s.region).id()));
            try (CsvFile csv = new CsvFile(folder, "series.csv", "part_no", "region", "history_parts", "demand_class",
                    "adi", "cv2", "mean_size", "mean_per_week", "trend_per_year", "season_amplitude", "start_week",
                    "stop_week", "failure_share", "return_rate")) {
                for (DemandSeries s : sorted) {
                    StringBuilder history = new StringBuilder();
                    for (int k = 0; k < s.family.parts.length; k++) {
                        if (k > 0) {
                            history.append(';');
                        }
                        history.append(parts.get(s.family.parts[k]).partNo());
                    }
                    csv.row(parts.get(s.family.currentPart()).partNo(), World.REGIONS.get(s.region).id(), history,
                            s.demandClass.name(), decimal(s.adi(), 4), decimal(s.effectiveCv2(weeks), 4), decimal(s.meanSize, 4),
                            decimal(s.expected(weeks), 4), decimal(s.trendPerYear, 4), decimal(s.seasonAmplitude, 4),
                            dayText[s.startWeek * 7], s.stopWeek == Integer.MAX_VALUE ? "" : dayText[s.stopWeek * 7],
                            decimal(s.family.failureShare, 4), decimal(s.family.returnRate, 4));
                }
            }
            try (CsvFile csv = new CsvFile(folder, "future_demand.csv", "part_no", "region", "period", "expected", "realised")) {
                for (DemandSeries s : sorted) {
                    String partNo = parts.get(s.family.currentPart()).partNo();
                    String region = World.REGIONS.get(s.region).id();
                    for (int h = 0; h < HORIZON; h++) {
                        csv.row(partNo, region, dayText[(weeks + h) * 7], decimal(s.expected(weeks + h), 4), s.realisedFuture[h]);
                    }
                }
            }
        }

        private void writeSummary(GenerationSummary summary, long units) throws IOException {
            StringBuilder json = new StringBuilder();
            json.append("{\n");
            json.append("  \"profile\": \"").append(profile.id()).append("\",\n");
            json.append("  \"seed\": ").append(seed).append(",\n");
            json.append("  \"planning_date\": \"").append(end).append("\",\n");
            json.append("  \"history_start\": \"").append(start).append("\",\n");
            json.append("  \"history_end\": \"").append(end.minusDays(1)).append("\",\n");
            json.append("  \"history_weeks\": ").append(weeks).append(",\n");
            json.append("  \"future_start\": \"").append(dayText[weeks * 7]).append("\",\n");
            json.append("  \"horizon_weeks\": ").append(HORIZON).append(",\n");
            json.append("  \"parts\": ").append(summary.parts()).append(",\n");
            json.append("  \"series\": ").append(summary.series()).append(",\n");
            json.append("  \"series_with_history\": ").append(summary.seriesWithHistory()).append(",\n");
            json.append("  \"shipments\": ").append(summary.shipments()).append(",\n");
            json.append("  \"failures\": ").append(summary.failures()).append(",\n");
            json.append("  \"returns\": ").append(summary.returns()).append(",\n");
            json.append("  \"units_shipped\": ").append(units).append(",\n");
            json.append("  \"files\": {");
            String sep = "\n";
            for (Map.Entry<String, Long> e : new TreeMap<>(rowsPerFile).entrySet()) {
                json.append(sep).append("    \"").append(e.getKey()).append("\": ").append(e.getValue());
                sep = ",\n";
            }
            json.append("\n  }\n}\n");
            Files.writeString(output.resolve("ground_truth").resolve("summary.json"), json, StandardCharsets.UTF_8);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    /**
     * {@code value} rounded half away from zero to {@code scale} decimals, trailing zeros
     * dropped ({@code 0.035}, {@code 2}, {@code -0.1}). Fast enough for millions of rows.
     */
    static String decimal(double value, int scale) {
        long n = Math.round(Math.abs(value) * POW10[scale]);
        if (n == 0) {
            return "0";
        }
        long whole = n / POW10[scale];
        long fraction = n % POW10[scale];
        StringBuilder sb = new StringBuilder(24);
        if (value < 0) {
            sb.append('-');
        }
        sb.append(whole);
        if (fraction != 0) {
            String digits = Long.toString(fraction + POW10[scale]).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(digits, 0, end);
        }
        return sb.toString();
    }

    static String money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
