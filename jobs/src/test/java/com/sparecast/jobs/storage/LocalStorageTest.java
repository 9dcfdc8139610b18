package com.sparecast.jobs.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void twoPublishersOfOneDateLeaveOneCompleteFolderAndOneRefusal() throws Exception {
        Path out = temp.resolve("out");
        // 2,000 files a publication: the winner holds the claim for far longer than the threads' start skew.
        Path a = PublishRace.source(temp, "A", 2000);
        Path b = PublishRace.source(temp, "B", 2000);
        for (int round = 0; round < 3; round++) {
            PublishRace.raceAndCheck(() -> new LocalStorage(out), a, b, "2026-11-20");
            // Nothing half-written left beside the date folder; the claim is free again (its last generation).
            try (Stream<Path> beside = Files.list(out)) {
                assertEquals(List.of(".2026-11-20.claim", "2026-11-20"),
                        beside.map(p -> p.getFileName().toString()).sorted().toList());
            }
            List<String> generations = new LocalStorage(out).names(".2026-11-20.claim");
            assertEquals(1, generations.size(), generations.toString());
            assertTrue(Files.readString(out.resolve(".2026-11-20.claim").resolve(generations.get(0)))
                    .contains("state=FREE"));
        }
    }

    @Test
    void aLiveClaimRefusesAPublicationUntilItIsFreed() throws Exception {
        Path out = temp.resolve("out");
        LocalStorage storage = new LocalStorage(out);
        Path build = PublishRace.source(temp, "A", 3);
        OutputClaimedException refused;
        String holder;
        try (OutputClaim held = OutputClaim.acquire(storage, "2026-11-20", OutputClaim.DEFAULT)) {
            holder = held.owner();
            refused = assertThrows(OutputClaimedException.class, () -> storage.publishFolder(build, "2026-11-20"));
            held.verify();
        }
        assertTrue(refused.getMessage().startsWith("Output " + out.toAbsolutePath() + "/2026-11-20 is being published by "
                + holder + " (its claim " + out.toAbsolutePath() + "/.2026-11-20.claim holds until 20"), refused.getMessage());
        assertFalse(Files.exists(out.resolve("2026-11-20")), "the refused run wrote nothing");
        assertFalse(Files.exists(out.resolve(".2026-11-20.publishing")));

        storage.publishFolder(build, "2026-11-20");
        assertTrue(Files.exists(out.resolve("2026-11-20/_SUCCESS")));
    }

    @Test
    void theClaimOfAKilledPublisherIsTakenOverAndItsHalfCopyDeleted() throws Exception {
        Path out = temp.resolve("out");
        // A publisher of this host killed mid-copy: its claim (unexpired) and its half staged copy stay.
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String host = ClaimOwner.self().split("@", 2)[1];
        Files.createDirectories(out.resolve(".2026-11-20.claim"));
        Files.writeString(out.resolve(".2026-11-20.claim/000000000007"), "state=HELD\nowner=" + gone.pid() + "@" + host
                + "/publish-dead\nexpires=2999-01-01T00:00:00Z\n");
        Files.createDirectories(out.resolve(".2026-11-20.publishing/restock"));
        Files.writeString(out.resolve(".2026-11-20.publishing/restock/half.csv"), "half");
        // And on another host one whose claim expired (its heart stopped): taken over the same way.
        Files.createDirectories(out.resolve(".2026-11-21.claim"));
        Files.writeString(out.resolve(".2026-11-21.claim/000000000003"),
                "state=HELD\nowner=1@elsewhere/publish-x\nexpires=2020-01-01T00:00:00Z\n");

        LocalStorage storage = new LocalStorage(out);
        storage.publishFolder(PublishRace.source(temp, "A", 2), "2026-11-20");
        storage.publishFolder(PublishRace.source(temp, "B", 2), "2026-11-21");

        assertEquals(List.of("2026-11-20", "2026-11-20/_SUCCESS", "2026-11-20/manifest.json", "2026-11-20/restock",
                "2026-11-20/restock/A-0.csv", "2026-11-20/restock/A-1.csv", "2026-11-21", "2026-11-21/_SUCCESS",
                "2026-11-21/manifest.json", "2026-11-21/restock", "2026-11-21/restock/B-0.csv",
                "2026-11-21/restock/B-1.csv"), tree(out));
        assertFalse(Files.exists(out.resolve(".2026-11-20.publishing")));
        // Generation 8 held by this publication, 9 freed it; 7 and 8 deleted.
        assertEquals(List.of("000000000009"), storage.names(".2026-11-20.claim"));
        assertEquals(List.of("000000000005"), storage.names(".2026-11-21.claim"));
    }

    @Test
    void aHolderWhoseClaimWasTakenOverDoesNotFinish() throws Exception {
        LocalStorage storage = new LocalStorage(temp.resolve("out"));
        // Its heart never beats within the 200 ms the claim holds: another publisher takes it over.
        OutputClaim stalled = OutputClaim.acquire(storage, "d", new OutputClaim.Timing(3_600_000, 200));
        Thread.sleep(300);
        try (OutputClaim other = OutputClaim.acquire(storage, "d", OutputClaim.DEFAULT)) {
            IOException e = assertThrows(IOException.class, stalled::verify);
            assertTrue(e.getMessage().contains("was taken over by " + other.owner()), e.getMessage());
            stalled.close();
            other.verify();
        }
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
    void aFileIsReadFromAnOffsetWithTheSameChecks() throws IOException {
        Path input = temp.resolve("in");
        Files.createDirectories(input.resolve("shipments"));
        Files.writeString(input.resolve("shipments/a.csv"), "shipment_id\nS1\n");
        Files.createSymbolicLink(input.resolve("shipments/zz-link.csv"), input.resolve("shipments/a.csv"));
        LocalStorage storage = new LocalStorage(input);
        // "shipment_id\n" is 12 bytes.
        try (var in = storage.open("shipments/a.csv", 12)) {
            assertEquals("S1\n", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThrows(UnsafeInputException.class, () -> storage.open("shipments/zz-link.csv", 12));
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

    /** Everything under {@code root} but the publish claims ({@code .<date>.claim/}, checked on their own). */
    static List<String> tree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.matches("\\.[^/]*\\.claim(/.*)?"))
                    .sorted().toList();
        }
    }
}
