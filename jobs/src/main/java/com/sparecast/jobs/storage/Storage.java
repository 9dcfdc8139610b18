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

    /** A URI Spark can read {@code path} through (file: or s3a:). */
    String sparkUri(String path);

    /**
     * Publishes the local folder {@code source} as {@code target} atomically: readers see the
     * folder only once its {@code _SUCCESS} marker is there, which is written last, after
     * {@code manifest.json}; an earlier publication of {@code target} is replaced.
     */
    void publishFolder(Path source, String target) throws IOException;

    /** The storage for a location string. */
    static Storage of(String location, StorageSettings settings) {
        if (location.startsWith("s3://") || location.startsWith("s3a://")) {
            return S3Storage.of(location, settings);
        }
        return new LocalStorage(Path.of(location));
    }
}
