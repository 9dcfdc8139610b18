package com.sparecast.jobs.generate;

import com.sparecast.models.series.DemandClass;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The invented world's parts: part families (supersession chains), the parts of
 * {@code parts.csv}, and the demand series per family and region with their generating
 * parameters. Drawn from the seed alone, in a fixed order.
 */
final class Catalogue {

    private static final long STREAM_FAMILIES = 1;
    static final long STREAM_SERIES = 2;

    final List<Family> families = new ArrayList<>();
    final List<Part> parts = new ArrayList<>();
    final List<DemandSeries> series = new ArrayList<>();

    private final Scale scale;
    private final long seed;
    private final Timeline timeline;
    private final int weeks;

    private Catalogue(Scale scale, long seed, Timeline timeline) {
        this.scale = scale;
        this.seed = seed;
        this.timeline = timeline;
        this.weeks = timeline.weeks;
    }

    static Catalogue build(Scale scale, long seed, Timeline timeline) {
        Catalogue catalogue = new Catalogue(scale, seed, timeline);
        catalogue.buildFamiliesAndParts();
        catalogue.buildSeries();
        return catalogue;
    }

    private void buildFamiliesAndParts() {
        SplittableRandom rng = new SplittableRandom(Draws.seed(seed, STREAM_FAMILIES, 0));
        int n = scale.families();
        // Placed on purpose in every profile: dangerous goods selling in APAC (the AIR_PASSENGER
        // lane), an export-controlled part, and supersession chains including a recent cut.
        Map<Integer, Integer> forcedType = Map.of(2, PartCatalog.LITHIUM_ION, 5, PartCatalog.LITHIUM_METAL,
                8, PartCatalog.ENCRYPTED, 61, PartCatalog.ENCRYPTED);
        Map<Integer, Integer> forcedChain = Map.of(10, 3, 20, 2, 30, 3, 40, 2, 50, 2);
        int[] chainLengths = new int[n];
        for (int f = 0; f < n; f++) {
            int type = forcedType.containsKey(f) ? forcedType.get(f) : Draws.pick(rng, PartCatalog.CUMULATIVE);
            PartCatalog.PartType t = PartCatalog.TYPES.get(type);
            Family family = new Family(f, type);
            boolean consumable = Arrays.stream(t.packSizes()).max().orElse(1) > 1;
            family.popularity = scale.volumeScale() * Draws.logNormal(rng, 0, 1.25) * (consumable ? 2.0 : 1.0);
            family.failureShare = rng.nextDouble() < 0.3 ? 0 : Draws.uniform(rng, 0.1, 0.6);
            family.returnRate = Draws.uniform(rng, 0.01, 0.06);
            family.lineQuantity = consumable ? Draws.uniform(rng, 1.5, 4) : (t.maxCost() > 500 ? 1 : Draws.uniform(rng, 1, 1.6));
            family.annualFailureRate = Draws.uniform(rng, 0.02, 0.12);
            family.installedBase = family.failureShare > 0 && rng.nextDouble() < scale.installedBaseShare() / 0.7;
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
            chainLengths[f] = chainLength;
        }
        // Part numbers: the originals first, successors after them (newer parts get higher numbers).
        int next = n;
        for (Family family : families) {
            int length = chainLengths[family.index];
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
                        Formats.money(revCost), currency, Formats.decimal(weight, 3), hs, origin, pack, moq, t.unNumber(),
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
        double[] yearFraction = timeline.yearFractionByWeek();
        SplittableRandom rng = new SplittableRandom(Draws.seed(seed, STREAM_SERIES, 0));
        for (Family family : families) {
            double seasonPhase = Draws.uniform(rng, 0, 2 * StrictMath.PI);
            boolean seasonal = rng.nextDouble() < 0.25;
            boolean noDemand = rng.nextDouble() < 0.02 || family.index % 45 == 44; // stocked, never sold
            for (int r = 0; r < World.REGIONS.size(); r++) {
                World.Region region = World.REGIONS.get(r);
                boolean forced = (r == World.APAC && (family.type == PartCatalog.LITHIUM_ION
                        || family.type == PartCatalog.LITHIUM_METAL || family.type == PartCatalog.ENCRYPTED));
                double presence = Math.min(1, region.presence() * scale.presenceScale());
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
                        weeks, yearFraction, new SplittableRandom(Draws.seed(seed, STREAM_SERIES, index + 1L)), InputSetGenerator.HORIZON));
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
}
