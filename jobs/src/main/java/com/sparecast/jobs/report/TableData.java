package com.sparecast.jobs.report;

import java.util.List;

/**
 * A small table for the review page, already aggregated and sorted.
 *
 * @param id the HTML id (also the filter box's target)
 * @param title the heading shown above it
 * @param note one sentence under the heading (how it was computed), may be empty
 * @param header column names
 * @param rows cells: text, numbers, or {@link Link}s
 */
public record TableData(String id, String title, String note, List<String> header, List<List<Object>> rows) {

    /** A cell that links to another page of the report. */
    public record Link(String text, String href) {
    }
}
