package com.sparecast.jobs.storage;

/**
 * An input path that is not a regular file inside the input location: a symbolic link, a device,
 * a pipe, a folder where a file is expected, or a path that leaves the location. Nothing is read
 * from it; the run stops before anything is published (exit code 3), naming it.
 */
public class UnsafeInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnsafeInputException(String message) {
        super(message);
    }
}
