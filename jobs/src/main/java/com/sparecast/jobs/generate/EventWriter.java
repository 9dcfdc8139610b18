package com.sparecast.jobs.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Streams the three event feeds. Week by week, every series draws its demand, splits it into
 * order lines on working days and countries of its region, and some lines bring a field
 * failure (0-3 days before) or a return (3-47 days after). One week of lines and the returns
 * still to come are all that is held; sorted by day they are written, so the files are in
 * date order and ids increase with dates. The weeks after the history are drawn too, for the
 * ground truth's realised path.
 */
final class EventWriter {

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
    private static final long STREAM_CUSTOMERS = 4;
    private static final int HORIZON = InputSetGenerator.HORIZON;

    private final long seed;
    private final Path output;
    private final int partitions;
    /** Times each drawn line, failure and return is written ({@link Scale#eventCopies}). */
    private final int copies;
    private final int threads;
    private final int weeks;
    private final int historyDays;
    private final String[] dayText;
    private final int[] dayYear;
    private final boolean[][] warehouseHoliday;
    private final double[][] countryWeights;
    private final List<Family> families;
    private final List<Part> parts;
    private final List<DemandSeries> series;
    /** Data rows per written file, filled by {@link #writeEvents()}. */
    final Map<String, Long> rowsPerFile = new LinkedHashMap<>();

    EventWriter(Catalogue catalogue, Timeline timeline, long seed, Path output, int partitions, int threads,
                int copies) {
        this.seed = seed;
        this.copies = copies;
        this.output = output;
        this.partitions = partitions;
        this.threads = threads;
        this.weeks = timeline.weeks;
        this.historyDays = timeline.historyDays;
        this.dayText = timeline.dayText;
        this.dayYear = timeline.dayYear;
        this.warehouseHoliday = timeline.warehouseHoliday;
        this.countryWeights = World.REGIONS.stream().map(r -> Draws.cumulative(r.countryWeights())).toArray(double[][]::new);
        this.families = catalogue.families;
        this.parts = catalogue.parts;
        this.series = catalogue.series;
    }

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

    /** Rows written per feed, and the units shipped. */
    record Counts(long shipments, long failures, long returns, long units) {
    }

    /** What one partition wrote. */
    private record PartitionResult(long shipments, long failures, long returns, long units,
                                   Map<String, Long> shipmentFiles, Map<String, Long> failureFiles,
                                   Map<String, Long> returnFiles) {
    }

    /**
     * Writes the three feeds. The series are cut into the profile's fixed number of partitions
     * (by family), each written by its own task into its own files with its own id range, so the
     * output does not depend on how many cores run them.
     */
    Counts writeEvents() throws IOException {
        int count = partitions;
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
        long shipments = 0;
        long failures = 0;
        long returns = 0;
        long units = 0;
        for (PartitionResult r : results) {
            shipments += r.shipments();
            failures += r.failures();
            returns += r.returns();
            units += r.units();
            rowsPerFile.putAll(r.shipmentFiles());
            rowsPerFile.putAll(r.failureFiles());
            rowsPerFile.putAll(r.returnFiles());
        }
        return new Counts(shipments, failures, returns, units);
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
                        s.realisedFuture[week - weeks] = demand * copies;
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
                    shipments.print(dayYear[d], Formats.id('S', idBase + ++shipmentSeq), dayText[d], partNo[lines.part[i]],
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
                    failureFeed.print(dayYear[d], Formats.id('F', idBase + ++failureSeq), dayText[d], partNo[failures.part[i]],
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
                        returnFeed.print(dayYear[r.day()], Formats.id('R', returnId), dayText[r.day()],
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
            for (int c = 0; c < copies; c++) {
                lines.add(day, part, s.region, country, q, 0);
            }
            if (failureDraw < f.failureShare) {
                int lag = (int) Long.remainderUnsigned(detail, Math.min(3, dow) + 1);
                int fq = q > 1 && ((detail >>> 8) & 7) == 0 ? 1 + (int) Long.remainderUnsigned(detail >>> 12, q) : 1;
                for (int c = 0; c < copies; c++) {
                    failures.add(day - lag, part, s.region, country, fq, detail >>> 16);
                }
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
                    for (int c = 0; c < copies; c++) {
                        bucket.add(new PendingReturn(returnDay, part, s.region, country, rq, reason, condition));
                    }
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
}
