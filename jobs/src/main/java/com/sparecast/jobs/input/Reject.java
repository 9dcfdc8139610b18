package com.sparecast.jobs.input;

import java.io.Serializable;

/**
 * A rejected input row.
 *
 * @param feed feed or master table name
 * @param file path relative to the input
 * @param line physical line of the row (1 is the header)
 * @param column the column at fault, or empty when the row as a whole is
 * @param reason reason code
 * @param message what is wrong, naming the value
 * @param raw the row as read, personal fields removed
 */
public record Reject(String feed, String file, long line, String column, RejectReason reason, String message, String raw)
        implements Serializable {
}
