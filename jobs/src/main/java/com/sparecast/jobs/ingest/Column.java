package com.sparecast.jobs.ingest;

import java.io.Serializable;
import java.util.Set;

/**
 * One column of an event feed.
 *
 * @param name header name
 * @param kind how its value is checked
 * @param required whether the column and a value must be present
 * @param personal personal data: never leaves the ingest step
 * @param codes the allowed values of a {@link ColumnKind#CODE} column
 */
public record Column(String name, ColumnKind kind, boolean required, boolean personal, Set<String> codes)
        implements Serializable {

    static Column required(String name, ColumnKind kind) {
        return new Column(name, kind, true, false, Set.of());
    }

    static Column code(String name, String... codes) {
        return new Column(name, ColumnKind.CODE, true, false, Set.of(codes));
    }

    static Column optional(String name) {
        return new Column(name, ColumnKind.TEXT, false, false, Set.of());
    }

    static Column personal(String name) {
        return new Column(name, ColumnKind.TEXT, false, true, Set.of());
    }
}
