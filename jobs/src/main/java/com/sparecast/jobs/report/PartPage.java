package com.sparecast.jobs.report;

import java.time.LocalDate;
import java.util.Map;

/**
 * What the page of one exception plan line shows.
 *
 * @param warehouseId the warehouse of the plan line
 * @param partNo the part
 * @param description the part's description
 * @param exception the exception code
 * @param exceptionReason why
 * @param region the series' region (ALL for a central warehouse)
 * @param method the forecasting method chosen
 * @param methodReason why it was chosen
 * @param demandClass SBC demand class
 * @param firstWeek the Monday of {@code history[0]}
 * @param history weekly demand, oldest first
 * @param forecast mean forecast per future week, starting the week after the history
 * @param quantiles per future week, the p50, p80, p90 and p95 forecast quantiles
 * @param leadTime lead-time and lead-time-demand figures, in display order
 * @param order the numbers behind the order, in display order
 */
public record PartPage(String warehouseId, String partNo, String description, String exception, String exceptionReason,
                       String region, String method, String methodReason, String demandClass, LocalDate firstWeek,
                       double[] history, double[] forecast, double[][] quantiles, Map<String, Object> leadTime,
                       Map<String, Object> order) {

    /** The page's file name under {@code report/parts/}. */
    public String fileName() {
        String name = (warehouseId + "_" + partNo).replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.length() > MAX_STEM) {
            // A long part number: cut, and keep names distinct with a hash of the whole key.
            name = name.substring(0, MAX_STEM) + "-" + Integer.toHexString((warehouseId + "\u0000" + partNo).hashCode());
        }
        return name + ".html";
    }

    /** Longest file name stem before the hash suffix: names stay well under file system limits. */
    private static final int MAX_STEM = 120;
}
