package com.sparecast.jobs.batch;

import com.sparecast.jobs.storage.ClaimOwner;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears the lock file that a killed process leaves on the embedded H2 job repository, before
 * this process first opens it.
 *
 * <p>With {@code AUTO_SERVER} the process that holds the database writes its server's address
 * into {@code <db>.lock.db}. After a {@code kill -9} that file stays, and the next process asks
 * the address whether the holder still runs. H2 sets no read timeout on that question: when
 * another program has since taken the port and accepts without answering (Spark opens random
 * ports all the time), the open waits forever. So Sparecast does not ask H2's question when it
 * can answer it itself: every process that opens the database leaves a record {@code pid@host}
 * in {@code <db>.openers/}, and when the lock file's only openers are processes of this host that
 * are gone, the lock file is stale and is removed. Anything else (a live opener, an opener on
 * another host, a lock file without records) is left to H2.
 *
 * <p>The check and the writing of this process's record happen under an operating-system lock
 * (released by the kernel when a process dies), so two processes starting together never both
 * decide, and a process that has written its record is never taken for a dead one.
 */
final class EmbeddedRepositoryLock {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRepositoryLock.class);

    /** The databases this process has already prepared: the records stand until it exits. */
    private static final Set<Path> PREPARED = new HashSet<>();

    private EmbeddedRepositoryLock() {
    }

    /** H2's lock file of the file database {@code db} (the path without {@code .mv.db}). */
    static Path lockFile(Path db) {
        return db.resolveSibling(db.getFileName() + ".lock.db");
    }

    /** The folder of opener records of {@code db}. */
    static Path openers(Path db) {
        return db.resolveSibling(db.getFileName() + ".openers");
    }

    /**
     * Removes {@code db}'s lock file when every process recorded as having opened it is a process
     * of this host that is gone, and records this process as an opener. Once per database per
     * process.
     */
    static synchronized void beforeFirstOpen(Path db) {
        Path key = db.toAbsolutePath().normalize();
        if (PREPARED.contains(key)) {
            return;
        }
        Path openers = openers(key);
        try {
            Files.createDirectories(openers);
            try (FileChannel guard = FileChannel.open(openers.resolve(".guard"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock ignored = guard.lock()) {
                removeIfStale(key, openers);
                Path self = openers.resolve(ClaimOwner.self());
                Files.writeString(self, "");
                self.toFile().deleteOnExit();
            }
        } catch (IOException e) {
            // Without the records H2 decides alone, as before: worth a warning, not a stop.
            LOG.warn("Cannot check the lock of the job repository {}: {}", key, e.toString());
        }
        PREPARED.add(key);
    }

    private static void removeIfStale(Path db, Path openers) throws IOException {
        Set<String> dead = new HashSet<>();
        boolean anyOtherOpener = false;
        try (DirectoryStream<Path> records = Files.newDirectoryStream(openers, entry -> !entry.getFileName().toString()
                .startsWith("."))) {
            for (Path record : records) {
                String owner = record.getFileName().toString();
                if (ClaimOwner.diedOnThisHost(owner)) {
                    dead.add(owner);
                    Files.deleteIfExists(record);
                } else {
                    anyOtherOpener = true;
                }
            }
        }
        Path lock = lockFile(db);
        if (!dead.isEmpty() && !anyOtherOpener && Files.deleteIfExists(lock)) {
            LOG.info("Removed the lock file {} left by {}, no longer running", lock, String.join(", ", dead));
        }
    }
}
