package com.sparecast.jobs.ingest;

/** The input quality gate failed: nothing is published and the run exits 3. */
public class QualityGateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QualityGateException(String message) {
        super(message);
    }
}
