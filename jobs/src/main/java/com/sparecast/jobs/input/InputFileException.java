package com.sparecast.jobs.input;

/** An input file that cannot be read as its format says: the message names the file, line and column. */
public class InputFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InputFileException(String message) {
        super(message);
    }
}
