package com.sparecast.models.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The contract every {@link ForecastMethod} keeps (statsforecast's invariants): the fitted value
 * at {@code t} is the one-step forecast from the first {@code t} points, an all-zero series
 * works, invalid series and parameters throw with a message naming the value, and the same input
 * gives the same output. Subclasses supply the method and its invalid constructions.
 */
abstract class ForecastMethodContractTest {

    /** Intermittent, lumpy, smooth, leading zeros, a single demand, trending. */
    static final List<double[]> SERIES = List.of(
            new double[] {0, 0, 3, 0, 0, 0, 1, 0, 5, 0, 0, 2, 0, 0, 0, 0, 4, 0, 1, 0, 0, 0, 0, 7},
            new double[] {6, 2, 0, 0, 1, 0, 0, 0, 0, 0, 10, 0, 0, 1, 0, 0, 0, 4, 0, 0, 1, 0, 0, 0, 0, 2},
            new double[] {12, 15, 11, 14, 13, 18, 12, 16, 15, 14, 17, 13, 19, 15, 16, 14},
            new double[] {0, 0, 0, 0, 0, 0, 0, 0, 2, 0},
            new double[] {0, 0, 0, 4, 0, 0, 0, 0},
            new double[] {1, 2, 2, 3, 5, 4, 6, 7, 7, 9, 10, 9, 12, 13},
            new double[] {5},
            new double[] {0, 3});

    /** The method under test, as users get it. */
    abstract ForecastMethod method();

    /**
     * The method with the parameters of {@code fit} held fixed, so that prefix fits use them too;
     * for methods without estimated parameters, the method itself.
     */
    ForecastMethod fixedAt(FittedForecast fit) {
        return method();
    }

    /** Constructions with invalid parameters; each must throw IllegalArgumentException. */
    abstract List<Executable> invalidParameters();

    double tolerance() {
        return 1e-9;
    }

    @Test
    void fittedValueAtTEqualsOneStepForecastFromFirstTPoints() {
        for (double[] y : SERIES) {
            FittedForecast fit = method().fit(y);
            double[] fitted = fit.fitted();
            assertEquals(y.length, fitted.length, "one fitted value per period");
            ForecastMethod fixed = fixedAt(fit);
            for (int t = 1; t < y.length; t++) {
                double expected = fixed.fit(Arrays.copyOf(y, t)).forecast(1)[0];
                assertEquals(expected, fitted[t], tolerance() * Math.max(1, Math.abs(expected)),
                        method().alias() + " fitted[" + t + "] of " + Arrays.toString(y));
            }
        }
    }

    @Test
    void fittedValueStepsAheadEqualsTheForecastFromItsOrigin() {
        for (double[] y : SERIES) {
            FittedForecast fit = method().fit(y);
            ForecastMethod fixed = fixedAt(fit);
            assertArrayEquals(fit.fitted(), fit.fitted(1), 0.0, "fitted(1) is fitted()");
            for (int steps = 2; steps <= 4; steps++) {
                double[] ahead = fit.fitted(steps);
                assertEquals(y.length, ahead.length, "one fitted value per period");
                for (int t = steps; t < y.length; t++) {
                    int origin = t - steps + 1;
                    double expected = fixed.fit(Arrays.copyOf(y, origin)).forecast(steps)[steps - 1];
                    assertEquals(expected, ahead[t], tolerance() * Math.max(1, Math.abs(expected)),
                            method().alias() + " fitted(" + steps + ")[" + t + "] of " + Arrays.toString(y));
                }
            }
            assertThrows(IllegalArgumentException.class, () -> fit.fitted(0));
        }
    }

    @Test
    void allZeroSeriesForecastsZero() {
        double[] zeros = new double[30];
        FittedForecast fit = method().fit(zeros);
        assertArrayEquals(new double[6], fit.forecast(6), 1e-12);
        double[] fitted = fit.fitted();
        for (int t = 1; t < fitted.length; t++) {
            assertEquals(0, fitted[t], 1e-12, "fitted[" + t + "]");
        }
        fit.parameters().values().forEach(v -> assertTrue(Double.isFinite(v), "parameter " + v));
    }

    @Test
    void forecastsAreFiniteAndNonNegative() {
        for (double[] y : SERIES) {
            FittedForecast fit = method().fit(y);
            for (double f : fit.forecast(12)) {
                assertTrue(f >= 0 && Double.isFinite(f), method().alias() + " forecast " + f + " of " + Arrays.toString(y));
            }
            for (Map.Entry<String, Double> p : fit.parameters().entrySet()) {
                assertTrue(Double.isFinite(p.getValue()), p.getKey());
            }
        }
    }

    @Test
    void sameInputGivesIdenticalOutput() {
        for (double[] y : SERIES) {
            FittedForecast a = method().fit(y.clone());
            FittedForecast b = method().fit(y.clone());
            assertArrayEquals(a.forecast(8), b.forecast(8), 0.0);
            assertArrayEquals(a.fitted(), b.fitted(), 0.0);
            assertEquals(a.parameters(), b.parameters());
        }
    }

    @Test
    void fitDoesNotModifyTheSeries() {
        double[] y = SERIES.get(1).clone();
        method().fit(y).fitted();
        assertArrayEquals(SERIES.get(1), y, 0.0);
    }

    @Test
    void invalidSeriesThrowsWithAClearMessage() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> method().fit(new double[0]));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> method().fit(new double[] {1, -2, 3}));
        assertTrue(negative.getMessage().contains("-2.0") && negative.getMessage().contains("period 1"),
                negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> method().fit(new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> method().fit(new double[] {1, Double.POSITIVE_INFINITY}));
        assertThrows(IllegalArgumentException.class, () -> method().fit(null));
    }

    @Test
    void horizonBelowOneThrows() {
        FittedForecast fit = method().fit(SERIES.get(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fit.forecast(0));
        assertTrue(e.getMessage().contains("horizon") && e.getMessage().contains("0"), e.getMessage());
    }

    @Test
    void invalidParametersThrowWithAClearMessage() {
        List<Executable> constructions = invalidParameters();
        for (Executable c : constructions) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, c);
            assertFalse(e.getMessage() == null || e.getMessage().isBlank());
            assertTrue(e.getMessage().contains("got") || e.getMessage().contains("must"), e.getMessage());
        }
    }

    @Test
    void aliasIsTheLiteratureName() {
        assertTrue(method().alias().matches("[A-Z][A-Za-z]+"), method().alias());
    }
}
