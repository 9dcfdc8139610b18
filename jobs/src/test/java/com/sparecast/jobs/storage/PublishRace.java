package com.sparecast.jobs.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Two publishers of one date into one output at once, as two runs with their own work folders
 * are: each with its own storage object (its own S3 client), started together at a barrier.
 */
final class PublishRace {

    private PublishRace() {
    }

    /** A build folder of {@code files} restock files and a manifest, every file naming {@code name}. */
    static Path source(Path parent, String name, int files) throws IOException {
        Path folder = parent.resolve(name);
        Files.createDirectories(folder.resolve("restock"));
        for (int i = 0; i < files; i++) {
            Files.writeString(folder.resolve("restock/" + name + "-" + i + ".csv"), name + "\n");
        }
        Files.writeString(folder.resolve("manifest.json"), "{\"run\":\"" + name + "\"}");
        return folder;
    }

    /**
     * Races the publication of {@code a} and {@code b} as {@code target} and checks the outcome:
     * exactly one is refused with {@link OutputClaimedException}, and the date folder is the other's
     * whole, with {@code _SUCCESS}, and nothing of the refused one. Returns the name of the winner.
     */
    static String raceAndCheck(Supplier<Storage> storages, Path a, Path b, String target) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Throwable> outcomes = new ArrayList<>();
        try {
            List<Future<Throwable>> runs = new ArrayList<>();
            for (Path source : List.of(a, b)) {
                Storage storage = storages.get();
                runs.add(pool.submit(() -> {
                    start.await();
                    try {
                        storage.publishFolder(source, target);
                        return null;
                    } catch (IOException e) {
                        return e;
                    }
                }));
            }
            for (Future<Throwable> run : runs) {
                outcomes.add(run.get());
            }
        } finally {
            pool.shutdownNow();
        }
        int winner = outcomes.get(0) == null ? 0 : 1;
        assertNull(outcomes.get(winner), "one publisher publishes: " + outcomes);
        Throwable refusal = outcomes.get(1 - winner);
        assertInstanceOf(OutputClaimedException.class, refusal, "the other is refused: " + outcomes);
        assertTrue(refusal.getMessage().contains("is being published by " + ClaimOwner.self() + "/publish-"),
                refusal.getMessage());
        assertTrue(refusal.getMessage().contains("this run published nothing"), refusal.getMessage());

        Path won = winner == 0 ? a : b;
        TreeSet<String> expected = new TreeSet<>();
        try (var files = Files.walk(won)) {
            files.filter(Files::isRegularFile).forEach(f -> expected.add(target + "/" + won.relativize(f)));
        }
        expected.add(target + "/_SUCCESS");
        Storage reader = storages.get();
        TreeSet<String> published = new TreeSet<>();
        reader.list(target).forEach(f -> published.add(f.path()));
        assertEquals(expected, published, "the date folder is the winner's whole, nothing of the refused run");
        try (InputStream in = reader.open(target + "/manifest.json")) {
            assertEquals("{\"run\":\"" + won.getFileName() + "\"}", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return won.getFileName().toString();
    }
}
