package com.sparecast.jobs.storage;

/**
 * A file in a storage.
 *
 * @param path relative path with {@code /} separators
 * @param size bytes
 */
public record StoredFile(String path, long size) {

    /** The file name without folders. */
    public String name() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
