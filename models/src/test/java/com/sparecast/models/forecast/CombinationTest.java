package com.sparecast.models.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.models.forecast.Combination.Statistic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Combination} pinned to a worked example, computed by hand: the series
 * {@code y = (0, 2, 0, 4)} and the members HistoricAverage, Naive and MovingAverage(2).
 *
 * <pre>
 *                         forecast   fitted()             fitted(2)
 * HistoricAverage         6/4 = 1.5  (NaN, 0, 1, 2/3)     (NaN, NaN, 0, 1)
 * Naive                   4          (NaN, 0, 2, 0)       (NaN, NaN, 0, 2)
 * MovingAverage(2)        (0+4)/2=2  (NaN, 0, 1, 1)       (NaN, NaN, 0, 1)
 * mean                    7.5/3=2.5  (NaN, 0, 4/3, 5/9)   (NaN, NaN, 0, 4/3)
 * median                  2          (NaN, 0, 1, 2/3)     (NaN, NaN, 0, 1)
 * </pre>
 */
class CombinationTest {

    static final double[] Y = {0, 2, 0, 4};
    static final List<ForecastMethod> MEMBERS = List.of(HistoricAverage.create(), Naive.create(), MovingAverage.of(2));

    @Test
    void meanOfTheWorkedExample() {
        FittedForecast fit = Combination.of("Mean3", Statistic.MEAN, MEMBERS).fit(Y);
        assertArrayEquals(new double[] {2.5, 2.5, 2.5}, fit.forecast(3), 1e-12);
        assertArrayEquals(new double[] {Double.NaN, 0, 4.0 / 3, 5.0 / 9}, fit.fitted(), 1e-12);
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, 0, 4.0 / 3}, fit.fitted(2), 1e-12);
    }

    @Test
    void medianOfTheWorkedExample() {
        FittedForecast fit = Combination.of("Median3", Statistic.MEDIAN, MEMBERS).fit(Y);
        assertArrayEquals(new double[] {2, 2}, fit.forecast(2), 1e-12);
        assertArrayEquals(new double[] {Double.NaN, 0, 1, 2.0 / 3}, fit.fitted(), 1e-12);
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, 0, 1}, fit.fitted(2), 1e-12);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        FittedForecast fit = Combination.of("Median2", Statistic.MEDIAN, MEMBERS.subList(0, 2)).fit(Y);
        assertArrayEquals(new double[] {2.75}, fit.forecast(1), 1e-12);
    }

    @Test
    void combiningFitsEqualsFittingTheCombination() {
        Combination c = Combination.of("Mean3", Statistic.MEAN, MEMBERS);
        FittedForecast[] fits = MEMBERS.stream().map(m -> m.fit(Y)).toArray(FittedForecast[]::new);
        assertArrayEquals(c.fit(Y).fitted(3), c.combine(fits).fitted(3));
        assertArrayEquals(c.fit(Y).forecast(4), c.combine(fits).forecast(4));
        assertThrows(IllegalArgumentException.class, () -> c.combine(fits[0]));
    }

    @Test
    void invalidConstructionsThrowNamingTheValue() {
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> Combination.of("Solo", Statistic.MEAN, List.of(Naive.create())));
        assertTrue(one.getMessage().contains("got 1"), one.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Combination.of(" ", Statistic.MEAN, MEMBERS));
        assertEquals("Mean3", Combination.of("Mean3", Statistic.MEAN, MEMBERS).alias());
    }
}
