package com.sparecast.jobs.input;

/** Required master data is missing or unusable: the quality gate fails and nothing is published. */
public class MasterDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MasterDataException(String message) {
        super(message);
    }
}
