package com.sparecast.jobs.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/**
 * A place files are read from or published to: a local folder or an S3 prefix. Paths inside a
 * storage are relative, with {@code /} separators.
 */
public interface Storage extends Serializable {

    /** The location as the user wrote it ({@code /data/in} or {@code s3://bucket/prefix}). */
    String location();

    /** Files under {@code folder} (relative), recursively, sorted by path. */
    List<StoredFile> list(String folder) throws IOException;

    boolean exists(String path) throws IOException;

    InputStream open(String path) throws IOException;

    /**
     * The file {@code path} from byte {@code offset} on (the split reading of large feed files);
     * a storage that can seek or ask for a range does so rather than read the bytes before.
     */
    default InputStream open(String path, long offset) throws IOException {
        InputStream in = open(path);
        try {
            in.skipNBytes(offset);
            return in;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** A URI Spark can read {@code path} through (file: or s3a:). */
    String sparkUri(String path);

    /**
     * Creates the file {@code path} holding {@code content} only if no file is there, atomically:
     * of concurrent creators exactly one gets true (locally a hard link to a complete temporary
     * file; on S3 a {@code PUT} with {@code If-None-Match: *}).
     */
    boolean createIfAbsent(String path, byte[] content) throws IOException;

    /** Names of the files directly in {@code folder}, hidden names included; empty if there is none. */
    List<String> names(String folder) throws IOException;

    /** Deletes the file {@code path}; nothing if it is not there. */
    void delete(String path) throws IOException;

    /**
     * Publishes the local folder {@code source} as {@code target} atomically, holding the output
     * date's {@link OutputClaim} ({@link OutputClaimedException} when another process holds it):
     * readers see the folder only once its {@code _SUCCESS} marker is there, which is written
     * last, after {@code manifest.json}; an earlier publication of {@code target} is replaced.
     */
    default void publishFolder(Path source, String target, OutputClaim.Timing timing) throws IOException {
        try (OutputClaim claim = OutputClaim.acquire(this, target, timing)) {
            publishClaimed(source, target, claim);
        }
    }

    /** {@link #publishFolder(Path, String, OutputClaim.Timing)} with the default claim timing. */
    default void publishFolder(Path source, String target) throws IOException {
        publishFolder(source, target, OutputClaim.DEFAULT);
    }

    /**
     * The publication itself, by the holder of {@code claim}, which it verifies before anything
     * becomes visible to readers; callers use {@link #publishFolder}.
     */
    void publishClaimed(Path source, String target, OutputClaim claim) throws IOException;

    /** The storage for a location string. */
    static Storage of(String location, StorageSettings settings) {
        if (location.startsWith("s3://") || location.startsWith("s3a://")) {
            return S3Storage.of(location, settings);
        }
        return new LocalStorage(Path.of(location));
    }
}
