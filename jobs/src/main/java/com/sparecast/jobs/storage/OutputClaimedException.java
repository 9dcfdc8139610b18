package com.sparecast.jobs.storage;

import java.io.IOException;
import java.time.Instant;

/** Another process holds the publish claim on an output date: this one published nothing. */
public final class OutputClaimedException extends IOException {

    private static final long serialVersionUID = 1L;

    OutputClaimedException(String location, String target, String owner, long expires) {
        super("Output " + location + "/" + target + " is being published by " + owner + " (its claim "
                + location + "/." + target + OutputClaim.SUFFIX + " holds until " + Instant.ofEpochMilli(expires)
                + " unless renewed); this run published nothing. Run it again after that one ends: it resumes at"
                + " publishPlans.");
    }
}
