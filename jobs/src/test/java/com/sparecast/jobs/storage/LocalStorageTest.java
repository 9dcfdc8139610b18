package com.sparecast.jobs.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing to a local folder after a publication that was killed half way; reading only
 * regular files inside the location (no symbolic links, devices, pipes or folders as files).
 */
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

    @Test
    void aSymbolicLinkInAFeedFolderIsAnErrorNamingItAndNothingIsRead() throws IOException {
        Path input = temp.resolve("in");
        Files.createDirectories(input.resolve("shipments"));
        Files.writeString(input.resolve("shipments/a.csv"), "shipment_id\n");
        Files.createSymbolicLink(input.resolve("shipments/zz-link.csv"), Path.of("/etc/passwd"));
        LocalStorage storage = new LocalStorage(input);

        UnsafeInputException e = assertThrows(UnsafeInputException.class, () -> storage.list("shipments"));
        assertTrue(e.getMessage().contains("zz-link.csv") && e.getMessage().contains("symbolic link"), e.getMessage());
        e = assertThrows(UnsafeInputException.class, () -> storage.list(""));
        assertTrue(e.getMessage().contains("zz-link.csv"), e.getMessage());
        e = assertThrows(UnsafeInputException.class, () -> storage.open("shipments/zz-link.csv"));
        assertTrue(e.getMessage().contains("zz-link.csv"), e.getMessage());
    }

    @Test
    void aSymbolicLinkToAFolderIsAnErrorNamingIt() throws IOException {
        Path input = temp.resolve("in");
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("secret.csv"), "x\n");
        Files.createDirectories(input);
        Files.createSymbolicLink(input.resolve("shipments"), elsewhere);
        LocalStorage storage = new LocalStorage(input);

        UnsafeInputException e = assertThrows(UnsafeInputException.class, () -> storage.list("shipments"));
        assertTrue(e.getMessage().contains("shipments") && e.getMessage().contains("symbolic link"), e.getMessage());
        assertThrows(UnsafeInputException.class, () -> storage.list(""));
        e = assertThrows(UnsafeInputException.class, () -> storage.open("shipments/secret.csv"));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    }

    @Test
    void aFolderWhereAFileIsExpectedIsAnErrorNamingIt() throws IOException {
        Path input = temp.resolve("in");
        Files.createDirectories(input.resolve("master/parts.csv"));
        LocalStorage storage = new LocalStorage(input);

        UnsafeInputException e = assertThrows(UnsafeInputException.class, () -> storage.open("master/parts.csv"));
        assertTrue(e.getMessage().contains("parts.csv") && e.getMessage().contains("a folder where a file is expected"),
                e.getMessage());
    }

    @Test
    void aPipeIsAnErrorNamingIt() throws Exception {
        Path input = temp.resolve("in");
        Files.createDirectories(input.resolve("shipments"));
        Path fifo = input.resolve("shipments/pipe.csv");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(mkfifo.waitFor() == 0 && Files.exists(fifo, LinkOption.NOFOLLOW_LINKS), "mkfifo works");
        LocalStorage storage = new LocalStorage(input);

        UnsafeInputException e = assertThrows(UnsafeInputException.class, () -> storage.list("shipments"));
        assertTrue(e.getMessage().contains("pipe.csv") && e.getMessage().contains("device, pipe or socket"), e.getMessage());
        assertThrows(UnsafeInputException.class, () -> storage.open("shipments/pipe.csv"));
    }

    @Test
    void pathsThatLeaveTheLocationAreRefused() throws IOException {
        Path input = Files.createDirectories(temp.resolve("in"));
        Files.writeString(temp.resolve("outside.csv"), "x\n");
        LocalStorage storage = new LocalStorage(input);

        assertThrows(UnsafeInputException.class, () -> storage.open("../outside.csv"));
        assertThrows(UnsafeInputException.class, () -> storage.open("a\u0000b"));
        assertThrows(UnsafeInputException.class, () -> storage.list("../"));
    }

    @Test
    void aLocationThatIsItselfALinkIsReadThroughIt() throws IOException {
        Path real = Files.createDirectories(temp.resolve("real/shipments"));
        Files.writeString(real.resolve("a.csv"), "x\n");
        Path link = Files.createSymbolicLink(temp.resolve("link"), temp.resolve("real"));

        assertEquals(List.of("shipments/a.csv"), new LocalStorage(link).list("shipments").stream()
                .map(StoredFile::path).toList());
        assertEquals(List.of("shipments/a.csv"), new LocalStorage(link).list("").stream().map(StoredFile::path).toList());
    }

    static List<String> tree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }
}
