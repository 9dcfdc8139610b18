package com.sparecast.models.series;

/**
 * Syntetos-Boylan-Croston demand classes, from the average inter-demand interval (ADI) and
 * the squared coefficient of variation of the non-zero demand sizes (CV²).
 *
 * <p>Syntetos, Boylan &amp; Croston (2005), "On the categorization of demand patterns",
 * JORS 56(5), 495-503: cut-offs ADI = 1.32 and CV² = 0.49.
 */
public enum DemandClass {
    /** ADI &lt; 1.32, CV² &lt; 0.49. */
    SMOOTH,
    /** ADI &lt; 1.32, CV² &ge; 0.49. */
    ERRATIC,
    /** ADI &ge; 1.32, CV² &lt; 0.49. */
    INTERMITTENT,
    /** ADI &ge; 1.32, CV² &ge; 0.49. */
    LUMPY,
    /** No non-zero demand in the window: nothing to classify. */
    NO_DEMAND;

    /** The SBC cut-off for the average inter-demand interval. */
    public static final double ADI_CUTOFF = 1.32;
    /** The SBC cut-off for the squared coefficient of variation of demand sizes. */
    public static final double CV2_CUTOFF = 0.49;

    /** Classifies with the published SBC cut-offs. */
    public static DemandClass of(IntermittencyStatistics statistics) {
        return of(statistics, ADI_CUTOFF, CV2_CUTOFF);
    }

    /** Classifies with the given cut-offs; a series with no demand is {@link #NO_DEMAND}. */
    public static DemandClass of(IntermittencyStatistics statistics, double adiCutoff, double cv2Cutoff) {
        if (statistics.nonZeroPeriods() == 0) {
            return NO_DEMAND;
        }
        boolean intermittent = statistics.adi() >= adiCutoff;
        boolean variable = statistics.cv2() >= cv2Cutoff;
        if (intermittent) {
            return variable ? LUMPY : INTERMITTENT;
        }
        return variable ? ERRATIC : SMOOTH;
    }
}
