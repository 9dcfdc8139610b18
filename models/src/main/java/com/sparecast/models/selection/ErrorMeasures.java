package com.sparecast.models.selection;

/**
 * Accuracy of a forecast against the outcomes, scaled by the in-sample one-step naive error of
 * the training series.
 *
 * <ul>
 *   <li>{@code mae = mean |y - f|}, {@code rmse = sqrt(mean (y - f)^2)};</li>
 *   <li>{@code mase = mae / mean_{t>=1} |x_t - x_{t-1}|} (Hyndman &amp; Koehler 2006, IJF 22(4));</li>
 *   <li>{@code rmsse = rmse / sqrt(mean_{t>=1} (x_t - x_{t-1})^2)} (the M5 competition's measure);</li>
 *   <li>{@code bias = mean (f - y)}: positive when the forecast is too high.</li>
 * </ul>
 * A zero scale (a constant training series) gives NaN for the scaled measures.
 *
 * @param mae mean absolute error
 * @param rmse root mean squared error
 * @param mase mean absolute scaled error
 * @param rmsse root mean squared scaled error
 * @param bias mean of forecast minus outcome
 */
public record ErrorMeasures(double mae, double rmse, double mase, double rmsse, double bias) {

    /**
     * The measures of {@code forecast} against {@code actual} (same length), scaled by the
     * naive errors of {@code training}.
     *
     * @throws IllegalArgumentException if the lengths differ, are zero, or training has fewer than 2 values
     */
    public static ErrorMeasures of(double[] training, double[] actual, double[] forecast) {
        if (actual.length != forecast.length || actual.length == 0) {
            throw new IllegalArgumentException("actual and forecast must have the same, non-zero length, got "
                    + actual.length + " and " + forecast.length);
        }
        double[] scale = naiveScale(training);
        double abs = 0;
        double sq = 0;
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double e = forecast[i] - actual[i];
            abs += Math.abs(e);
            sq += e * e;
            sum += e;
        }
        int h = actual.length;
        double mae = abs / h;
        double rmse = Math.sqrt(sq / h);
        double mase = scale[0] > 0 ? mae / scale[0] : Double.NaN;
        double rmsse = scale[1] > 0 ? rmse / scale[1] : Double.NaN;
        return new ErrorMeasures(mae, rmse, mase, rmsse, sum / h);
    }

    /**
     * The in-sample one-step naive errors of {@code training}: {@code {mean |d|, sqrt(mean d^2)}}.
     *
     * @throws IllegalArgumentException if training has fewer than 2 values
     */
    public static double[] naiveScale(double[] training) {
        if (training.length < 2) {
            throw new IllegalArgumentException("training needs at least 2 values for the naive scale, got "
                    + training.length);
        }
        double abs = 0;
        double sq = 0;
        for (int t = 1; t < training.length; t++) {
            double d = training[t] - training[t - 1];
            abs += Math.abs(d);
            sq += d * d;
        }
        int m = training.length - 1;
        return new double[] {abs / m, Math.sqrt(sq / m)};
    }
}
