package com.sparecast.jobs.storage;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The earlier runs published under the run's output location (local or S3): the date folders
 * before the planning date whose {@code _SUCCESS} marker is there, newest first, looked for day
 * by day over the last {@link #LOOKBACK_DAYS} days. A folder without {@code _SUCCESS} is a
 * publication that never completed and is not a plan. Used by the report (what changed, trends,
 * forecast accuracy of earlier runs) and by the plan step (the plan an ACCEPT was given on).
 */
public final class PublishedRuns {

    /** How far back earlier published runs are looked for. */
    public static final int LOOKBACK_DAYS = 91;

    private PublishedRuns() {
    }

    /** Up to {@code max} published dates before {@code date}, newest first. */
    public static List<LocalDate> before(Storage output, LocalDate date, int max) throws IOException {
        List<LocalDate> found = new ArrayList<>();
        for (int back = 1; back <= LOOKBACK_DAYS && found.size() < max; back++) {
            LocalDate earlier = date.minusDays(back);
            if (output.exists(earlier + "/_SUCCESS")) {
                found.add(earlier);
            }
        }
        return found;
    }

    /**
     * The newest published date before {@code date} whose folder holds {@code file} (a path inside
     * the date folder), or null: the search stops at the first, so a nightly run asks once or twice.
     */
    public static LocalDate latestWith(Storage output, LocalDate date, String file) throws IOException {
        for (int back = 1; back <= LOOKBACK_DAYS; back++) {
            LocalDate earlier = date.minusDays(back);
            if (output.exists(earlier + "/_SUCCESS") && output.exists(earlier + "/" + file)) {
                return earlier;
            }
        }
        return null;
    }
}
