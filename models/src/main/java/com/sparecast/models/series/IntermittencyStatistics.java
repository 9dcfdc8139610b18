package com.sparecast.models.series;

/**
 * Intermittency statistics of a demand series.
 *
 * <ul>
 *   <li>{@code adi}: average inter-demand interval, {@code n / k} for {@code n} periods with
 *       {@code k} non-zero demands (the convention of tsintermittent's {@code idclass}); infinite
 *       when {@code k = 0}.</li>
 *   <li>{@code cv2}: squared coefficient of variation of the non-zero demand sizes,
 *       population variance over squared mean; 0 when {@code k <= 1}.</li>
 *   <li>{@code zeroShare}: share of periods with zero demand.</li>
 * </ul>
 *
 * @param periods number of periods
 * @param nonZeroPeriods number of periods with positive demand
 * @param adi average inter-demand interval
 * @param cv2 squared coefficient of variation of non-zero sizes
 * @param zeroShare share of zero periods, in [0, 1]
 */
public record IntermittencyStatistics(int periods, int nonZeroPeriods, double adi, double cv2, double zeroShare)
        implements java.io.Serializable {

    /**
     * Computes the statistics of {@code y}.
     *
     * @throws IllegalArgumentException if {@code y} is empty or has a negative or non-finite value
     */
    public static IntermittencyStatistics of(double[] y) {
        if (y.length == 0) {
            throw new IllegalArgumentException("Demand series is empty");
        }
        int k = 0;
        double sum = 0;
        double sumSquares = 0;
        for (int t = 0; t < y.length; t++) {
            double v = y[t];
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("Demand must be finite and >= 0, got " + v + " at period " + t);
            }
            if (v > 0) {
                k++;
                sum += v;
                sumSquares += v * v;
            }
        }
        double adi = k == 0 ? Double.POSITIVE_INFINITY : (double) y.length / k;
        double cv2 = 0;
        if (k > 1) {
            double mean = sum / k;
            double variance = sumSquares / k - mean * mean;
            cv2 = Math.max(0, variance) / (mean * mean);
        }
        return new IntermittencyStatistics(y.length, k, adi, cv2, (double) (y.length - k) / y.length);
    }

    /** The SBC class with the published cut-offs. */
    public DemandClass demandClass() {
        return DemandClass.of(this);
    }
}
