package com.sparecast.jobs.storage;

import com.sparecast.jobs.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One publisher per output date: the claim a publication holds on {@code <output>/<date>} while
 * it writes, so two runs (other work folders, other hosts) never publish into one date folder at
 * once.
 *
 * <p>The claim lives next to the date folder as a sequence of small files,
 * {@code .<date>.claim/<generation>} (12 digits), each created with
 * {@link Storage#createIfAbsent} (a hard link locally, {@code PUT If-None-Match: *} on S3): of
 * two processes creating the same generation exactly one succeeds. The latest generation is the
 * claim's state: held by an owner until an expiry, or free. A process claims the date by creating
 * the generation after the latest when that one is free, expired, or held by a process of this host
 * that is gone; otherwise it is refused with {@link OutputClaimedException}. The holder renews the
 * claim every heartbeat by creating the next generation, and frees it at the end the same way;
 * older generations are deleted (the latest one, a few bytes, stays). Nothing ever rewrites or
 * deletes the latest generation, so no conditional overwrite or delete is needed, which S3
 * servers support unevenly. A holder whose renewal fails has lost the claim (another process found
 * it expired) and refuses to finish its publication ({@link #verify}).
 */
public final class OutputClaim implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(OutputClaim.class);

    /** The claim folder of {@code <date>} is {@code .<date>.claim}. */
    static final String SUFFIX = ".claim";
    private static final String HELD = "HELD";
    private static final String FREE = "FREE";
    private static final int ATTEMPTS = 5;

    /** How often a holder renews its claim, and how long a claim holds without renewal. */
    public record Timing(long beatMillis, long staleMillis) {

        /** The job repository claims' timing: {@code sparecast.schedule.heartbeat-seconds} and {@code stale-after-seconds}. */
        public static Timing from(Settings settings) {
            return new Timing(seconds(settings, "sparecast.schedule.heartbeat-seconds", 30),
                    seconds(settings, "sparecast.schedule.stale-after-seconds", 300));
        }

        private static long seconds(Settings settings, String key, double otherwise) {
            double s = settings.get(key).isEmpty() ? otherwise : settings.getDouble(key);
            return Math.max(1, Math.round(s * 1000));
        }
    }

    /** The default timing (heartbeat 30 s, stale after 300 s). */
    public static final Timing DEFAULT = new Timing(30_000, 300_000);

    private record State(String state, String owner, long expires) {

        boolean standsIn() {
            return HELD.equals(state) && expires > System.currentTimeMillis() && !ClaimOwner.diedOnThisHost(owner);
        }

        byte[] bytes() {
            return ("state=" + state + "\nowner=" + owner + "\nexpires=" + Instant.ofEpochMilli(expires) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        }

        static State parse(byte[] bytes) throws IOException {
            Properties p = new Properties();
            p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
            try {
                return new State(p.getProperty("state", ""), p.getProperty("owner", ""),
                        Instant.parse(p.getProperty("expires", "")).toEpochMilli());
            } catch (java.time.format.DateTimeParseException e) {
                throw new IOException("unreadable claim: " + e.getMessage(), e);
            }
        }
    }

    private final Storage storage;
    private final String folder;
    private final String target;
    private final String owner;
    private final Timing timing;
    private final ScheduledExecutorService heart;
    private long generation;
    private volatile long expires;
    private volatile String lostTo;

    private OutputClaim(Storage storage, String target, String owner, Timing timing, long generation, long expires) {
        this.storage = storage;
        this.folder = folderOf(target);
        this.target = target;
        this.owner = owner;
        this.timing = timing;
        this.generation = generation;
        this.expires = expires;
        this.heart = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "publish-claim-heartbeat");
            t.setDaemon(true);
            return t;
        });
    }

    static String folderOf(String target) {
        return "." + target + SUFFIX;
    }

    /**
     * Claims {@code target} (a date folder) of {@code storage} for this process, or throws
     * {@link OutputClaimedException} naming the live owner.
     */
    public static OutputClaim acquire(Storage storage, String target, Timing timing) throws IOException {
        String owner = ClaimOwner.self() + "/publish-" + UUID.randomUUID().toString().substring(0, 8);
        String folder = folderOf(target);
        State standing = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long latest = latest(storage, folder);
            State current = latest == 0 ? null : read(storage, folder, latest);
            if (latest > 0 && current == null) {
                continue; // cleaned up under us by a newer holder: look again
            }
            if (current != null && current.standsIn()) {
                throw new OutputClaimedException(storage.location(), target, current.owner(), current.expires());
            }
            if (current != null && HELD.equals(current.state())) {
                LOG.warn("Taking over the publish claim on {}/{} of {} ({})", storage.location(), target, current.owner(),
                        ClaimOwner.diedOnThisHost(current.owner()) ? "its process is gone"
                                : "expired at " + Instant.ofEpochMilli(current.expires()));
            }
            State mine = new State(HELD, owner, System.currentTimeMillis() + timing.staleMillis());
            if (create(storage, folder, latest + 1, mine)) {
                OutputClaim claim = new OutputClaim(storage, target, owner, timing, latest + 1, mine.expires());
                claim.deleteOlder();
                claim.heart.scheduleAtFixedRate(claim::renew, timing.beatMillis(), timing.beatMillis(),
                        TimeUnit.MILLISECONDS);
                return claim;
            }
            standing = read(storage, folder, latest + 1);
            if (standing != null && standing.standsIn()) {
                throw new OutputClaimedException(storage.location(), target, standing.owner(), standing.expires());
            }
        }
        throw new IOException("Cannot claim " + storage.location() + "/" + target + " for publishing: " + ATTEMPTS
                + " attempts lost to other processes" + (standing == null ? "" : " (last: " + standing.owner() + ")"));
    }

    /** Who holds the claim: {@code pid@host/publish-<random>}. */
    public String owner() {
        return owner;
    }

    /**
     * Throws when the claim is no longer this process's: its renewal failed, it expired unrenewed,
     * or the latest generation is another owner's. The caller must then not make its publication
     * visible.
     */
    public synchronized void verify() throws IOException {
        if (lostTo == null) {
            long latest = latest(storage, folder);
            State current = latest == generation ? read(storage, folder, latest) : null;
            if (current == null || !owner.equals(current.owner())) {
                State other = latest == 0 ? null : read(storage, folder, latest);
                lostTo = other == null ? "another process" : other.owner();
            }
        }
        if (lostTo == null && System.currentTimeMillis() >= expires) {
            lostTo = "nobody yet (it expired at " + Instant.ofEpochMilli(expires) + ")";
        }
        if (lostTo != null) {
            throw new IOException("The publish claim on " + storage.location() + "/" + target + " was taken over by "
                    + lostTo + " (this run could not renew it within " + timing.staleMillis() / 1000.0
                    + " s); this publication is abandoned: run it again");
        }
    }

    private synchronized void renew() {
        if (lostTo != null) {
            return;
        }
        try {
            State next = new State(HELD, owner, System.currentTimeMillis() + timing.staleMillis());
            if (create(storage, folder, generation + 1, next)) {
                generation++;
                expires = next.expires();
                deleteOlder();
            } else {
                State other = read(storage, folder, generation + 1);
                lostTo = other == null ? "another process" : other.owner();
                LOG.warn("The publish claim on {}/{} was taken over by {}", storage.location(), target, lostTo);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot renew the publish claim on {}/{}: {}", storage.location(), target, e.getMessage());
        }
    }

    /** Frees the claim (the next generation says so); a claim already lost is left to its new owner. */
    @Override
    public synchronized void close() throws IOException {
        heart.shutdownNow();
        if (lostTo != null) {
            return;
        }
        if (create(storage, folder, generation + 1, new State(FREE, owner, System.currentTimeMillis()))) {
            generation++;
            deleteOlder();
        }
    }

    private void deleteOlder() {
        try {
            for (String name : storage.names(folder)) {
                long g = generationOf(name);
                if (g > 0 && g < generation) {
                    storage.delete(folder + "/" + name);
                }
            }
        } catch (IOException e) {
            LOG.debug("Old publish claim files of {} stay: {}", target, e.getMessage());
        }
    }

    private static long latest(Storage storage, String folder) throws IOException {
        long latest = 0;
        for (String name : storage.names(folder)) {
            latest = Math.max(latest, generationOf(name));
        }
        return latest;
    }

    private static long generationOf(String name) {
        return name.matches("[0-9]{12}") ? Long.parseLong(name) : 0;
    }

    private static String path(String folder, long generation) {
        return folder + "/" + String.format("%012d", generation);
    }

    /** Creates the generation; a creation whose answer was lost but that landed (a retried PUT) is ours too. */
    private static boolean create(Storage storage, String folder, long generation, State state) throws IOException {
        if (storage.createIfAbsent(path(folder, generation), state.bytes())) {
            return true;
        }
        State there = read(storage, folder, generation);
        return there != null && there.owner().equals(state.owner()) && there.state().equals(state.state());
    }

    /** The generation's state, null if it is gone (deleted by a newer holder). */
    private static State read(Storage storage, String folder, long generation) throws IOException {
        try (InputStream in = storage.open(path(folder, generation))) {
            return State.parse(in.readAllBytes());
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
