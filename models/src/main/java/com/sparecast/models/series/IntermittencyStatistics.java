package com.sparecast.models.series;

/**
 * Intermittency statistics of a demand series.
 *
 * <ul>
 *   <li>{@code adi}: average inter-demand interval, {@code n / k} for {@code n} periods with
 *       {@code k} non-zero demands (the convention of tsintermittent's {@code idclass}); infinite
 *       when {@code k = 0}.</li>
 *   <li>{@code cv2}: squared coefficient of variation of the non-zero demand sizes
 *       {@code z_1..z_k}, population variance over squared mean,
 *       {@code (sum (z_i - m)^2 / k) / m^2} with {@code m = sum z_i / k}; 0 when {@code k <= 1}.
 *       The variance is computed in two passes, the mean first and then the squared deviations
 *       from it: the one-pass {@code sum z_i^2 / k - m^2} subtracts two nearly equal numbers
 *       when the sizes are large and close together, and loses their spread.</li>
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
        for (int t = 0; t < y.length; t++) {
            double v = y[t];
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("Demand must be finite and >= 0, got " + v + " at period " + t);
            }
            if (v > 0) {
                k++;
                sum += v;
            }
        }
        double adi = k == 0 ? Double.POSITIVE_INFINITY : (double) y.length / k;
        double cv2 = 0;
        if (k > 1) {
            double mean = sum / k;
            double squares = 0;
            for (double v : y) {
                if (v > 0) {
                    double d = v - mean;
                    squares += d * d;
                }
            }
            cv2 = squares / k / (mean * mean);
        }
        return new IntermittencyStatistics(y.length, k, adi, cv2, (double) (y.length - k) / y.length);
    }

    /** The SBC class with the published cut-offs. */
    public DemandClass demandClass() {
        return DemandClass.of(this);
    }
}
