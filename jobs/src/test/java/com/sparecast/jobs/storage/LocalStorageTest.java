package com.sparecast.jobs.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing to a local folder after a publication that was killed half way. */
class LocalStorageTest {

    @TempDir
    Path temp;

    @Test
    void republishingCleansTheLeftoversOfAKilledPublication() throws IOException {
        Path build = temp.resolve("build");
        Files.createDirectories(build.resolve("plans"));
        Files.writeString(build.resolve("plans/replenishment.csv"), "new");
        Files.writeString(build.resolve("manifest.json"), "{}");
        Path out = temp.resolve("out");
        // Killed after moving the previous folder aside, before the staged copy was moved in.
        Files.createDirectories(out.resolve(".2026-11-20.replaced/plans"));
        Files.writeString(out.resolve(".2026-11-20.replaced/plans/replenishment.csv"), "old");
        Files.createDirectories(out.resolve(".2026-11-20.publishing/plans"));
        Files.writeString(out.resolve(".2026-11-20.publishing/plans/half.csv"), "half");

        new LocalStorage(out).publishFolder(build, "2026-11-20");

        assertEquals(List.of("2026-11-20", "2026-11-20/_SUCCESS", "2026-11-20/manifest.json", "2026-11-20/plans",
                "2026-11-20/plans/replenishment.csv"), tree(out));
        assertEquals("new", Files.readString(out.resolve("2026-11-20/plans/replenishment.csv")));
    }

    @Test
    void republishingReplacesThePreviousFolderWhole() throws IOException {
        Path out = temp.resolve("out");
        Files.createDirectories(out.resolve("2026-11-20/restock"));
        Files.writeString(out.resolve("2026-11-20/restock/WH-GONE.csv"), "stale");
        Files.writeString(out.resolve("2026-11-20/_SUCCESS"), "");
        Path build = temp.resolve("build");
        Files.createDirectories(build);
        Files.writeString(build.resolve("manifest.json"), "{}");

        new LocalStorage(out).publishFolder(build, "2026-11-20");

        assertEquals(List.of("2026-11-20", "2026-11-20/_SUCCESS", "2026-11-20/manifest.json"), tree(out));
    }

    static List<String> tree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }
}
