package com.sparecast.jobs.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes a complete synthetic input set (event feeds, master data and the ground truth the
 * demand was drawn from) for {@code sparecast generate}.
 *
 * <p>Deterministic: everything is drawn from generators seeded from the seed and a fixed stream
 * name (master data) or the series index (demand), consumed in a fixed order, and written
 * without any hash ordering or clock, so the same arguments give byte-identical files whatever
 * the number of cores.
 *
 * <p>Bounded memory: events are generated week by week over all series and written at once;
 * only one week of order lines and the returns still to come (a few weeks) are held. What
 * grows with the profile is the catalogue: parts and series with their parameters.
 */
public final class InputSetGenerator {

    /** Weeks of ground truth after the planning date. */
    public static final int HORIZON = 26;

    /** The folders the generator owns under its output folder and replaces on every run. */
    public static final List<String> OWNED_FOLDERS = List.of("shipments", "failures", "returns", "master", "ground_truth");

    /** Generates into {@code output}, replacing the {@link #OWNED_FOLDERS} and leaving anything else alone. */
    public GenerationSummary generate(Profile profile, long seed, LocalDate end, Path output) throws IOException {
        return generate(profile, 1, seed, end, output);
    }

    /** Generates {@code profile} with {@code eventCopies} times its events over the same series ({@link Scale#withEventCopies}). */
    public GenerationSummary generate(Profile profile, int eventCopies, long seed, LocalDate end, Path output)
            throws IOException {
        return generate(profile.scale().withEventCopies(eventCopies), seed, end, output,
                Runtime.getRuntime().availableProcessors());
    }

    /** Generates at any scale, writing event partitions on up to {@code threads} threads. */
    GenerationSummary generate(Scale scale, long seed, LocalDate end, Path output, int threads) throws IOException {
        for (String folder : OWNED_FOLDERS) {
            deleteRecursively(output.resolve(folder));
        }
        Files.createDirectories(output);
        long t0 = System.nanoTime();
        Timeline timeline = new Timeline(scale.weeks(), end);
        Catalogue catalogue = Catalogue.build(scale, seed, timeline);
        long t1 = System.nanoTime();
        new MasterDataWriter(catalogue, timeline, seed, output).write();
        long t2 = System.nanoTime();
        EventWriter events = new EventWriter(catalogue, timeline, seed, output, scale.partitions(), threads,
                scale.eventCopies());
        EventWriter.Counts counts = events.writeEvents();
        long t3 = System.nanoTime();
        GroundTruthWriter truth = new GroundTruthWriter(catalogue, timeline, output, scale.eventCopies());
        truth.writeGroundTruth();
        int withHistory = (int) catalogue.series.stream().filter(s -> s.hadHistory).count();
        GenerationSummary summary = new GenerationSummary(scale.id(), seed, end, timeline.start, timeline.historyEnd(),
                timeline.weeks, catalogue.parts.size(), catalogue.series.size(), withHistory, counts.shipments(),
                counts.failures(), counts.returns(), Collections.unmodifiableSortedMap(new TreeMap<>(events.rowsPerFile)));
        truth.writeSummary(summary, counts.units());
        long t4 = System.nanoTime();
        if (Boolean.getBoolean("sparecast.generate.timing")) {
            System.err.printf("catalogue %.1f s, master %.1f s, events %.1f s, truth %.1f s%n",
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9);
        }
        return summary;
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
}
