package com.sparecast.models.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.models.forecast.Combination;
import com.sparecast.models.forecast.HistoricAverage;
import com.sparecast.models.forecast.Methods;
import com.sparecast.models.forecast.Naive;
import com.sparecast.models.reference.Reference;
import com.sparecast.models.series.DemandClass;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutomaticForecasterTest {

    private final AutomaticForecaster auto = AutomaticForecaster.withDefaults();

    @Test
    void allZeroHistoryForecastsZero() {
        SeriesForecast f = auto.forecast(new double[52], 8);
        assertEquals("Zero", f.method());
        assertEquals(DemandClass.NO_DEMAND, f.demandClass());
        assertArrayEquals(new double[8], f.mean(), 0);
        assertEquals(0, f.errorVariance(), 0);
    }

    @Test
    void shortHistoryFallsBack() {
        SeriesForecast intermittent = auto.forecast(new double[] {0, 3, 0, 0, 1, 0, 0, 2}, 4);
        assertEquals("HistoricAverage", intermittent.method());
        assertEquals(0.75, intermittent.mean()[0], 1e-12);
        assertTrue(intermittent.reason().startsWith("short history (8 < 16 periods)"), intermittent.reason());
        SeriesForecast smooth = auto.forecast(new double[] {5, 6, 5, 7, 6}, 4);
        assertEquals("HistoricAverage", smooth.method());
        assertEquals(5.8, smooth.mean()[0], 1e-12);
    }

    @Test
    void sameInputGivesIdenticalOutput() {
        double[] y = Reference.get("series.raf0431");
        SeriesForecast a = auto.forecast(y.clone(), 12);
        SeriesForecast b = auto.forecast(y.clone(), 12);
        assertEquals(a.method(), b.method());
        assertEquals(a.reason(), b.reason());
        assertArrayEquals(a.mean(), b.mean(), 0);
        assertEquals(a.errorVariance(), b.errorVariance(), 0);
    }

    @Test
    void theChoiceUsesOnlyTheHistoryItIsGiven() {
        double[] y = Reference.get("series.raf1160");
        double[] train = Arrays.copyOf(y, 72);
        double[] otherFuture = Arrays.copyOf(train, 84);
        Arrays.fill(otherFuture, 72, 84, 50);
        // A backtest calls it with the training part only: the outcome cannot leak.
        assertEquals(auto.forecast(train, 12).method(), auto.forecast(Arrays.copyOf(otherFuture, 72), 12).method());
    }

    @Test
    void defaultIsKeptUnlessAChallengerWinsClearly() {
        SeriesForecast f = auto.forecast(Reference.get("series.raf0006"), 12);
        assertFalse(f.reason().isBlank());
        assertEquals(DemandClass.of(f.statistics()), f.demandClass());
        // A step change in smooth demand: the level methods lag, Naive tracks it exactly.
        double[] step = new double[40];
        Arrays.fill(step, 0, 28, 10);
        Arrays.fill(step, 28, 40, 30);
        SeriesForecast s = auto.forecast(step, 6);
        assertEquals("Naive", s.method());
        assertEquals(30, s.mean()[0], 1e-12);
    }

    @Test
    void naiveNeverChosenForIntermittentDemandUnlessEveryOtherIsBiased() {
        double[] y = Reference.get("series.raf1160");
        SeriesForecast f = auto.forecast(y, 12);
        assertTrue(!f.method().equals("Naive") || f.reason().contains("bias guard"), f.method() + ": " + f.reason());
    }

    @Test
    void installedBaseJoinsTheCandidatesWhenGiven() {
        // Failures proportional to a fleet that grows in steps: 1 failure per 100 units per period.
        double[] units = new double[60];
        double[] y = new double[48];
        for (int t = 0; t < units.length; t++) {
            units[t] = 100 * (2 + t / 6);
        }
        for (int t = 0; t < y.length; t++) {
            y[t] = units[t] / 100;
        }
        SeriesForecast f = auto.forecast(y, 12, units);
        assertEquals("InstalledBase", f.method(), f.reason());
        assertEquals(units[48] * (Arrays.stream(y).sum() / Arrays.stream(units, 0, 48).sum()), f.mean()[0], 1e-9);
        assertEquals(auto.forecast(y, 12).method(), auto.forecast(y, 12, null).method());
    }

    @Test
    void candidatesCanBeRestricted() {
        AutomaticForecaster only = auto.withCandidates(List.of(HistoricAverage.create(), Naive.create()));
        SeriesForecast f = only.forecast(Reference.get("series.raf0431"), 6);
        assertTrue(List.of("HistoricAverage", "Naive").contains(f.method()), f.method());
    }

    @Test
    void aCombinationCandidateIsScoredAndForecastLikeItsFitOnItsOwn() {
        Combination mean = Combination.of("MeanCombination", Combination.Statistic.MEAN,
                List.of(HistoricAverage.create(), Naive.create()));
        AutomaticForecaster only = auto.withCandidates(List.of(mean, Naive.create())).withDefault("MeanCombination");
        double[] y = Reference.get("series.raf0431");
        SeriesForecast f = only.forecast(y, 6);
        SeriesForecast own = AutomaticForecaster.forecastWith(mean, y, 6);
        assertEquals("MeanCombination", f.method(), f.reason());
        assertArrayEquals(own.mean(), f.mean(), 1e-12);
        assertEquals(own.errorVariance(), f.errorVariance(), 1e-12);
        assertArrayEquals(own.spanErrorVariance(), f.spanErrorVariance(), 1e-12);
        // Members that are not candidates are fitted by the combination itself.
        SeriesForecast alone = auto.withCandidates(List.of(mean)).forecast(y, 6);
        assertEquals("MeanCombination", alone.method());
        assertArrayEquals(own.mean(), alone.mean(), 1e-12);
    }

    @Test
    void forecastWithAGivenMethod() {
        double[] y = Reference.get("series.raf0006");
        SeriesForecast f = AutomaticForecaster.forecastWith(Methods.byAlias("croStonSba"), y, 3);
        assertEquals("CrostonSBA", f.method());
        assertEquals(Reference.get("raf0006.CrostonSBA.0.1.mean")[0], f.mean()[0], 1e-12);
        assertTrue(f.errorVariance() > 0);
    }

    @Test
    void invalidArgumentsThrow() {
        assertThrows(IllegalArgumentException.class, () -> auto.forecast(new double[] {1, 2}, 0));
        assertThrows(IllegalArgumentException.class, () -> auto.forecast(new double[0], 3));
        assertThrows(IllegalArgumentException.class, () -> auto.withMinHistory(3));
        assertThrows(IllegalArgumentException.class, () -> auto.withMargin(1));
        assertThrows(IllegalArgumentException.class, () -> auto.withCandidates(List.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Methods.byAlias("Prophet"));
        assertTrue(e.getMessage().contains("Prophet") && e.getMessage().contains("TSB"), e.getMessage());
    }

    @Test
    void serializableForSparkExecutors() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(auto);
        }
        AutomaticForecaster copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (AutomaticForecaster) in.readObject();
        }
        double[] y = Reference.get("series.raf1160");
        assertArrayEquals(auto.forecast(y, 6).mean(), copy.forecast(y, 6).mean(), 0);
    }

    @Test
    void defaultTrialIsTheRuleWithEachCandidateAsTheDefault() {
        for (double[] y : List.of(Reference.get("series.raf0006"), Reference.get("series.raf1160"),
                new double[] {0, 3, 0, 0, 1, 0, 0, 2, 0, 0, 4, 0, 1, 0})) {
            int horizon = 12;
            int v = Math.min(horizon, y.length / 4);
            double[] train = Arrays.copyOf(y, y.length - v);
            double[] actual = Arrays.copyOfRange(y, y.length - v, y.length);
            double[] trial = auto.defaultTrial(y, horizon);
            List<String> aliases = auto.aliases();
            assertEquals(aliases.size(), trial.length);
            for (int m = 0; m < aliases.size(); m++) {
                double[] f = auto.withDefault(aliases.get(m)).forecast(train, horizon).mean();
                assertEquals(ErrorMeasures.of(train, actual, Arrays.copyOf(f, v)).rmsse(), trial[m], 1e-12,
                        aliases.get(m) + " as the default");
            }
        }
        assertEquals(null, auto.defaultTrial(new double[] {0, 0, 0, 0, 0, 0, 0, 5}, 2), "no demand before the cut");
    }

    @Test
    void theDataSetChoosesTheMeanForStationaryDemandAndASmootherForDriftingDemand() {
        java.util.Random random = new java.util.Random(5);
        List<double[]> stationary = new java.util.ArrayList<>();
        List<double[]> drifting = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) {
            double[] a = new double[104];
            double[] b = new double[104];
            double level = 2;
            for (int t = 0; t < a.length; t++) {
                a[t] = poisson(random, 0.8);
                level = Math.max(0.2, level * Math.exp(0.15 * random.nextGaussian()));
                b[t] = poisson(random, level);
            }
            stationary.add(a);
            drifting.add(b);
        }
        assertEquals("HistoricAverage", auto.withDefaultChosenOn(stationary, 12).defaultMethod());
        String drift = auto.withDefaultChosenOn(drifting, 12).defaultMethod();
        assertTrue(List.of("SimpleExponentialSmoothing", "TSB", "MovingAverage", "Naive").contains(drift), drift);
        assertEquals("HistoricAverage", auto.withDefaultChosenOn(List.of(), 12).defaultMethod(), "no series: unchanged");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> auto.withDefault("Prophet"));
        assertTrue(e.getMessage().contains("Prophet") && e.getMessage().contains("TSB"), e.getMessage());
    }

    /** Knuth's multiplication method: enough for test data. */
    private static double poisson(java.util.Random random, double mean) {
        double limit = Math.exp(-mean);
        double p = random.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= random.nextDouble();
            k++;
        }
        return k;
    }
}
