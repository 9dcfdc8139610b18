package com.sparecast.models.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sparecast.models.forecast.HistoricAverage;
import com.sparecast.models.forecast.Naive;
import org.junit.jupiter.api.Test;

class ErrorVarianceTest {

    @Test
    void spanErrorVarianceOfARandomWalkGrowsAsTheSumOfSquares() {
        // A random walk forecast by Naive: the error of the sum over k periods is
        // sum_{i=1..k} (k - i + 1) e_i, variance sigma^2 k (k + 1) (2k + 1) / 6 = 1, 5, 14, 30.
        java.util.Random random = new java.util.Random(7);
        double[] walk = new double[20_000];
        walk[0] = 10_000;
        for (int t = 1; t < walk.length; t++) {
            walk[t] = walk[t - 1] + random.nextGaussian();
        }
        double[] span = ErrorVariance.spanMse(walk, Naive.create().fit(walk), 4);
        double[] expected = {1, 5, 14, 30};
        for (int k = 0; k < 4; k++) {
            assertEquals(expected[k], span[k], 0.05 * expected[k], "span " + (k + 1));
        }
        // Independent noise around a level, forecast by the mean of the past: k sigma^2.
        double[] noise = new double[20_000];
        for (int t = 0; t < noise.length; t++) {
            noise[t] = 100 + 3 * random.nextGaussian();
        }
        double[] flat = ErrorVariance.spanMse(noise, HistoricAverage.create().fit(noise), 4);
        for (int k = 0; k < 4; k++) {
            assertEquals(9 * (k + 1), flat[k], 0.05 * 9 * (k + 1), "span " + (k + 1));
        }
    }

    @Test
    void spanErrorVarianceStartsAtTheOneStepMseAndStopsWhereOriginsRunOut() {
        double[] y = {3, 0, 5, 2, 0, 0, 4, 1, 6, 0, 2, 3};
        var fit = HistoricAverage.create().fit(y);
        double[] span = ErrorVariance.spanMse(y, fit, 12);
        assertEquals(ErrorVariance.inSampleMse(y, fit.fitted()), span[0], 1e-12);
        // Origins 1..12 - k have k periods after them; at least 8 are needed: k <= 4.
        assertEquals(4, span.length);
    }

    @Test
    void aForecastCarriesTheErrorVarianceOfItsFitUpToTheLongestSpan() {
        double[] y = new double[120];
        for (int t = 0; t < y.length; t++) {
            y[t] = (t * 7) % 5;
        }
        var fit = HistoricAverage.create().fit(y);
        SeriesForecast longHorizon = AutomaticForecaster.forecastWith(HistoricAverage.create(), y, 26);
        assertEquals(ErrorVariance.inSampleMse(y, fit.fitted()), longHorizon.errorVariance(), 0);
        assertEquals(ErrorVariance.MAX_SPAN, longHorizon.spanErrorVariance().length);
        assertArrayEquals(ErrorVariance.spanMse(y, fit, ErrorVariance.MAX_SPAN), longHorizon.spanErrorVariance(), 0);
        assertEquals(5, AutomaticForecaster.forecastWith(HistoricAverage.create(), y, 5).spanErrorVariance().length);
    }
}
