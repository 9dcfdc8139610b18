package com.sparecast.jobs.config;

/** A usage or configuration error: nothing was started; the CLI exits 2. */
public class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }
}
