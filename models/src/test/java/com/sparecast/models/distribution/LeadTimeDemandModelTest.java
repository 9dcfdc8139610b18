package com.sparecast.models.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.models.selection.AutomaticForecaster;
import com.sparecast.models.selection.SeriesForecast;
import com.sparecast.models.series.DemandClass;
import com.sparecast.models.series.IntermittencyStatistics;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class LeadTimeDemandModelTest {

    private final LeadTimeDemandModel model = LeadTimeDemandModel.withDefaults();

    @Test
    void compoundMomentsOverUncertainLeadTime() {
        // mu = 2, s2 = 5, L ~ (3, 1), R = 1: E = 2 * 4 = 8, Var = 4 * 5 + 4 * 1 = 24.
        LeadTimeDemand d = model.over(2, 5, new LeadTime(3, 1), 1);
        assertEquals(8, d.distribution().mean(), 1e-12);
        assertEquals(24, d.distribution().variance(), 1e-12);
        assertEquals("NegativeBinomial", d.distribution().name());
        assertTrue(d.reason().startsWith("NegativeBinomial: variance-to-mean 3.00"), d.reason());
    }

    @Test
    void familyByVarianceToMeanAndLevel() {
        assertEquals("Poisson", model.over(1, 1.05, new LeadTime(2, 0), 0).distribution().name());
        assertEquals("Poisson", model.over(1, 0.5, new LeadTime(2, 0), 0).distribution().name());
        assertEquals("NegativeBinomial", model.over(1, 3, new LeadTime(2, 0), 0).distribution().name());
        assertEquals("Normal", model.over(20, 60, new LeadTime(2, 0), 0).distribution().name());
        assertEquals("Zero", model.over(0, 0, new LeadTime(2, 0), 1).distribution().name());
        assertTrue(model.over(20, 60, new LeadTime(2, 0), 0).reason().contains(">= 30"));
        LeadTimeDemand far = model.withNormalLevel(5000).over(1000, 1200, new LeadTime(1, 0), 0);
        assertEquals("Normal", far.distribution().name(), far.reason());
    }

    @Test
    void aSkewedLargeDemandIsNegativeBinomialNotNormal() {
        // Mean 40 over the span: sd 20 is a coefficient of variation of exactly 0.5, still normal;
        // sd 30 (0.75) puts 9% of a normal below zero: negative binomial with the same moments.
        LeadTimeDemand atLimit = model.over(20, 200, new LeadTime(2, 0), 0);
        assertEquals("Normal", atLimit.distribution().name(), atLimit.reason());
        assertTrue(atLimit.reason().contains("coefficient of variation 0.50 <= 0.50"), atLimit.reason());
        LeadTimeDemand skewed = model.over(20, 450, new LeadTime(2, 0), 0);
        assertEquals("NegativeBinomial", skewed.distribution().name(), skewed.reason());
        assertTrue(skewed.reason().contains("coefficient of variation 0.75 > 0.50"), skewed.reason());
        assertEquals(40, skewed.distribution().mean(), 1e-9);
        assertEquals(900, skewed.distribution().variance(), 1e-6);
        // The right tail is heavier than the normal's: the 99th percentile of NB(40, 900) is above
        // mean + 2.326 sd = 109.8.
        assertTrue(skewed.distribution().quantile(0.99) > 110, String.valueOf(skewed.distribution().quantile(0.99)));
        assertEquals("Normal", model.withNormalMaxCv(1).over(20, 450, new LeadTime(2, 0), 0).distribution().name());
        assertThrows(IllegalArgumentException.class, () -> model.withNormalMaxCv(0));
    }

    @Test
    void forecastSeriesUseTheErrorVarianceOverTheSpanAndTheMeanOverIt() {
        double[] history = {4, 6, 5, 7, 3, 5, 6, 4, 5, 6, 5, 4};
        IntermittencyStatistics stats = IntermittencyStatistics.of(history);
        // One-step error variance 2, but errors that persist: 6 over 2 periods, 14 over 3.
        SeriesForecast f = new SeriesForecast("HoltDamped", "test", stats.demandClass(), stats,
                new double[] {5, 6, 7, 8}, 2, new double[] {2, 6, 14});
        LeadTime leadTime = new LeadTime(1.5, 0.5);
        LeadTimeDemand d = model.over(f, history, leadTime, 1, 1L);
        // Span 2.5: mean per period (5 + 6 + 0.5 * 7) / 2.5 = 5.8, E = 14.5; error variance over the
        // span 6 + 0.5 * (14 - 6) = 10, plus 5.8^2 * 0.5^2 for the lead time's spread.
        assertEquals(14.5, d.distribution().mean(), 1e-9);
        assertEquals(10 + 5.8 * 5.8 * 0.25, d.distribution().variance(), 1e-9);
        // Without span variances the one-step variance scales with the span: 2.5 * 6.
        SeriesForecast independent = new SeriesForecast("HoltDamped", "test", stats.demandClass(), stats,
                new double[] {5, 6, 7, 8}, 6);
        assertEquals(15 + 5.8 * 5.8 * 0.25, model.over(independent, history, leadTime, 1, 1L).distribution().variance(),
                1e-9);
    }

    @Test
    void lumpySeriesGetsASeededBootstrap() {
        double[] history = {0, 0, 12, 0, 0, 0, 1, 0, 0, 30, 0, 0, 0, 0, 2, 0, 0, 9, 0, 0, 0, 0, 0, 15};
        SeriesForecast f = AutomaticForecaster.withDefaults().forecast(history, 8);
        assertEquals(DemandClass.LUMPY, f.demandClass());
        LeadTimeDemand a = model.over(f, history, new LeadTime(4, 1.5), 1, 42L);
        LeadTimeDemand b = model.over(f, history, new LeadTime(4, 1.5), 1, 42L);
        LeadTimeDemand c = model.over(f, history, new LeadTime(4, 1.5), 1, 43L);
        assertEquals("Bootstrap", a.distribution().name());
        assertTrue(a.reason().startsWith("Bootstrap: lumpy demand"), a.reason());
        for (double p : new double[] {0.1, 0.5, 0.9, 0.95, 0.99}) {
            assertEquals(a.distribution().quantile(p), b.distribution().quantile(p), 0.0, "same seed, same result");
        }
        assertEquals(a.distribution().mean(), b.distribution().mean(), 0.0);
        assertNotEquals(a.distribution().mean(), c.distribution().mean());
        // The compound bootstrap (CompoundBootstrap): 6 demands in 24 periods, mean size 69 / 6 =
        // 11.5; occurrence p = (mu / 11.5 + 0.25) / 2, mean (L + R) p 11.5 = 5 (mu + 2.875) / 2
        // (Monte Carlo error of 1000 draws).
        double expected = 5 * (f.meanPerPeriod(5) + 2.875) / 2;
        assertEquals(expected, a.distribution().mean(), 0.15 * expected);
        // An intermittent series gets it too.
        double[] intermittent = {0, 1, 0, 0, 2, 0, 1, 0, 0, 1, 0, 0, 2, 0, 0, 1, 0, 1, 0, 0};
        SeriesForecast g = AutomaticForecaster.withDefaults().forecast(intermittent, 8);
        assertEquals(DemandClass.INTERMITTENT, g.demandClass());
        LeadTimeDemand i = model.over(g, intermittent, new LeadTime(2, 0), 1, 42L);
        assertTrue(i.reason().startsWith("Bootstrap: intermittent demand"), i.reason());
    }

    @Test
    void nonLumpySeriesUsesTheMoments() {
        double[] history = {3, 4, 2, 5, 3, 4, 3, 2, 4, 5, 3, 4, 3, 4, 2, 3, 4, 5, 3, 4};
        SeriesForecast f = AutomaticForecaster.withDefaults().forecast(history, 4);
        LeadTimeDemand d = model.over(f, history, new LeadTime(2, 0), 1, 1L);
        assertNotEquals("Bootstrap", d.distribution().name());
        assertEquals(f.meanPerPeriod() * 3, d.distribution().mean(), 1e-9);
    }

    @Test
    void errorVarianceIsCappedByTheSizeBiasedMeanOfTheHistory() {
        // Intermittent, sizes 1 and 3: E[y^2 | y > 0] / E[y | y > 0] = (1 + 9) / (1 + 3) = 2.5.
        double[] history = {0, 1, 0, 0, 3, 0, 0, 0, 0, 0};
        assertEquals(2.5, LeadTimeDemandModel.sizeBiasedMean(history), 1e-12);
        IntermittencyStatistics stats = IntermittencyStatistics.of(history);
        assertEquals(DemandClass.INTERMITTENT, stats.demandClass());
        // The moments apply to smooth and erratic series (intermittent ones are bootstrapped):
        // the forecasts below carry the class ERRATIC. A smoothing method that followed the zeros to 1e-6 but kept the error variance 0.3:
        SeriesForecast collapsed = new SeriesForecast("SimpleExponentialSmoothing", "test", DemandClass.ERRATIC,
                stats, new double[] {1e-6}, 0.3);
        LeadTimeDemand d = model.over(collapsed, history, new LeadTime(2, 0), 1, 1L);
        // variance per period min(0.3, 1e-6 * 2.5): over 3 periods 7.5e-6, Poisson-like, not a
        // negative binomial whose tail asks for millions of units
        assertEquals(3e-6, d.distribution().mean(), 1e-15);
        assertEquals(model.over(1e-6, 2.5e-6, new LeadTime(2, 0), 1).distribution().name(), d.distribution().name());
        assertTrue(d.distribution().quantile(0.999) <= 1, d.reason());
        // Where the forecast keeps the level the errors were made at, the cap does not bind.
        SeriesForecast level = new SeriesForecast("TSB", "test", DemandClass.ERRATIC, stats, new double[] {0.4}, 0.6);
        assertEquals(3 * 0.6, model.over(level, history, new LeadTime(2, 0), 1, 1L).distribution().variance(), 1e-9);
        // No demand in the history: nothing to cap with.
        SeriesForecast none = new SeriesForecast("TSB", "test", DemandClass.ERRATIC, stats, new double[] {0.4}, 0.6);
        assertEquals(3 * 0.6, model.over(none, new double[5], new LeadTime(2, 0), 1, 1L).distribution().variance(),
                1e-9);
    }

    @Test
    void perPeriodQuantilesAreOrderedAndOnePerStep() {
        double[] history = {0, 2, 0, 0, 1, 0, 3, 0, 0, 0, 1, 0, 0, 2, 0, 0, 0, 4, 0, 1};
        SeriesForecast f = AutomaticForecaster.withDefaults().forecast(history, 5);
        double[][] q = model.quantiles(f, 0.1, 0.5, 0.9, 0.95);
        assertEquals(5, q.length);
        for (double[] row : q) {
            assertEquals(4, row.length);
            for (int i = 1; i < row.length; i++) {
                assertTrue(row[i] >= row[i - 1]);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> model.quantiles(f, 1.0));
    }

    @Test
    void zeroForecastHasZeroQuantiles() {
        SeriesForecast f = new SeriesForecast("Zero", "none", DemandClass.NO_DEMAND, IntermittencyStatistics.of(new double[4]),
                new double[3], 0);
        assertArrayEquals(new double[] {0, 0}, model.quantiles(f, 0.5, 0.95)[2], 0);
        assertEquals(0, model.over(f, new double[4], new LeadTime(2, 1), 1, 7L).distribution().quantile(0.99), 0);
    }

    @Test
    void invalidArgumentsThrow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.over(-1, 1, new LeadTime(1, 0), 0));
        assertTrue(e.getMessage().contains("-1.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.withReplicates(10));
        assertThrows(IllegalArgumentException.class, () -> new LeadTime(-1, 0));
    }

    @Test
    void modelIsSerializable() throws Exception {
        new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(model);
    }
}
