package com.sparecast.jobs.generate;

/**
 * A part and its successors: a supersession chain of one to three parts, of which one is active
 * at a time. Demand series belong to families, so the history moves from part to part at
 * the cut weeks, as it does when an engineering change replaces a part.
 */
final class Family {

    final int index;
    final int type;
    /** Part indices, oldest first; the last one is current. */
    int[] parts;
    /** Week from which {@code parts[k + 1]} replaces {@code parts[k]}. */
    int[] cutWeeks;
    /** Median weekly demand across regions before regional scaling. */
    double popularity;
    /** Share of shipment lines that come with a field-failure record. */
    double failureShare;
    /** Share of shipment lines that are later returned. */
    double returnRate;
    /** Mean units per order line. */
    double lineQuantity;
    /** Annual failure rate of installed units, when the family has an installed base. */
    double annualFailureRate;
    boolean installedBase;

    Family(int index, int type) {
        this.index = index;
        this.type = type;
    }

    /** The part index active in a week. */
    int partAt(int week) {
        int k = 0;
        while (k < cutWeeks.length && week >= cutWeeks[k]) {
            k++;
        }
        return parts[k];
    }

    int currentPart() {
        return parts[parts.length - 1];
    }
}
