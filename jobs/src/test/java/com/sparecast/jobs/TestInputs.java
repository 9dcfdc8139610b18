package com.sparecast.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Test inputs: the committed data-samples set, copied so a test may change it. */
public final class TestInputs {

    private TestInputs() {
    }

    /** The repository's data-samples folder (tests run with jobs/ as working directory). */
    public static Path dataSamples() {
        Path fromModule = Path.of("..", "data-samples");
        Path fromRoot = Path.of("data-samples");
        Path found = Files.isDirectory(fromModule) ? fromModule : fromRoot;
        if (!Files.isDirectory(found.resolve("master"))) {
            throw new IllegalStateException("data-samples not found from " + Path.of("").toAbsolutePath());
        }
        return found.toAbsolutePath().normalize();
    }

    /** Copies {@code source} (without its ground truth) to {@code target}. */
    public static Path copyOf(Path source, Path target) {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.toList()) {
                Path relative = source.relativize(p);
                if (relative.startsWith("ground_truth")) {
                    continue;
                }
                Path destination = target.resolve(relative.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(p, destination);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
