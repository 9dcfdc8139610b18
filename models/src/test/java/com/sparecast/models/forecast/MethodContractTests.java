package com.sparecast.models.forecast;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.function.Executable;

/** The contract of {@link ForecastMethodContractTest} for every method. */
class MethodContractTests {

    @Nested
    class NaiveContract extends ForecastMethodContractTest {
        @Override
        ForecastMethod method() {
            return Naive.create();
        }

        @Override
        List<Executable> invalidParameters() {
            return List.of();
        }
    }

    @Nested
    class HistoricAverageContract extends ForecastMethodContractTest {
        @Override
        ForecastMethod method() {
            return HistoricAverage.create();
        }

        @Override
        List<Executable> invalidParameters() {
            return List.of();
        }
    }

    @Nested
    class MovingAverageContract extends ForecastMethodContractTest {
        @Override
        ForecastMethod method() {
            return MovingAverage.of(4);
        }

        @Override
        List<Executable> invalidParameters() {
            return List.of(() -> MovingAverage.of(0), () -> MovingAverage.of(-3));
        }
    }

    @Nested
    class SimpleExponentialSmoothingContract extends ForecastMethodContractTest {
        @Override
        ForecastMethod method() {
            return SimpleExponentialSmoothing.optimized();
        }

        @Override
        ForecastMethod fixedAt(FittedForecast fit) {
            return SimpleExponentialSmoothing.of(fit.parameters().get("alpha"));
        }

        @Override
        List<Executable> invalidParameters() {
            return List.of(() -> SimpleExponentialSmoothing.of(0), () -> SimpleExponentialSmoothing.of(1.5),
                    () -> SimpleExponentialSmoothing.of(Double.NaN),
                    () -> SimpleExponentialSmoothing.optimized(0.5, 0.2));
        }
    }

    @Nested
    class HoltDampedContract extends ForecastMethodContractTest {
        @Override
        ForecastMethod method() {
            return HoltDamped.optimized();
        }

        @Override
        ForecastMethod fixedAt(FittedForecast fit) {
            Map<String, Double> p = fit.parameters();
            return HoltDamped.of(p.get("alpha"), p.get("beta"), p.get("phi"));
        }

        @Override
        List<Executable> invalidParameters() {
            return List.of(() -> HoltDamped.of(0, 0, 0.9), () -> HoltDamped.of(0.2, 0.3, 0.9),
                    () -> HoltDamped.of(0.2, 0.1, 1.2), () -> HoltDamped.of(0.2, -0.1, 0.9),
                    () -> HoltDamped.of(0.2, 0.1, 0.9).withInitialState(Double.NaN, 0));
        }
    }

    @Nested
    class HoltDampedWithInitialStateContract extends ForecastMethodContractTest {
        @Override
        ForecastMethod method() {
            return HoltDamped.of(0.3, 0.05, 0.9).withInitialState(2, 0.5);
        }

        @Override
        List<Executable> invalidParameters() {
            return List.of();
        }

        @Override
        void allZeroSeriesForecastsZero() {
            // A given initial level is not zero: the all-zero case of this variant is tested below.
            FittedForecast fit = HoltDamped.of(0.3, 0.05, 0.9).withInitialState(0, 0).fit(new double[30]);
            org.junit.jupiter.api.Assertions.assertArrayEquals(new double[6], fit.forecast(6), 1e-12);
        }
    }

    @Nested
    class CrostonClassicContract extends ForecastMethodContractTest {
        @Override
        ForecastMethod method() {
            return CrostonClassic.withDefaults();
        }

        @Override
        List<Executable> invalidParameters() {
            return List.of(() -> CrostonClassic.of(0), () -> CrostonClassic.of(1.01), () -> CrostonClassic.of(Double.NaN));
        }
    }

    @Nested
    class CrostonSBAContract extends ForecastMethodContractTest {
        @Override
        ForecastMethod method() {
            return CrostonSBA.withDefaults();
        }

        @Override
        List<Executable> invalidParameters() {
            return List.of(() -> CrostonSBA.of(0), () -> CrostonSBA.of(2));
        }
    }

    @Nested
    class CrostonOptimizedContract extends ForecastMethodContractTest {
        @Override
        ForecastMethod method() {
            return CrostonOptimized.create();
        }

        @Override
        ForecastMethod fixedAt(FittedForecast fit) {
            return CrostonOptimized.fixed(fit.parameters().get("alphaSize"), fit.parameters().get("alphaInterval"));
        }

        @Override
        List<Executable> invalidParameters() {
            return List.of(() -> CrostonOptimized.fixed(0, 0.1), () -> CrostonOptimized.fixed(0.1, 1.1));
        }
    }

    @Nested
    class TSBContract extends ForecastMethodContractTest {
        @Override
        ForecastMethod method() {
            return TSB.optimized();
        }

        @Override
        ForecastMethod fixedAt(FittedForecast fit) {
            return TSB.of(fit.parameters().get("alphaD"), fit.parameters().get("alphaP"));
        }

        @Override
        List<Executable> invalidParameters() {
            return List.of(() -> TSB.of(0, 0.1), () -> TSB.of(0.1, 0), () -> TSB.of(0.1, 1.5));
        }
    }

    @Nested
    class ADIDAContract extends ForecastMethodContractTest {
        @Override
        ForecastMethod method() {
            return ADIDA.create();
        }

        @Override
        ForecastMethod fixedAt(FittedForecast fit) {
            Map<String, Double> p = fit.parameters();
            return p.isEmpty() ? method() : ADIDA.fixed(p.get("aggregationLevel").intValue(), p.get("alpha"));
        }

        @Override
        List<Executable> invalidParameters() {
            return List.of(() -> ADIDA.fixed(0, 0.2), () -> ADIDA.fixed(2, 0));
        }
    }

    @Nested
    class IMAPAContract extends ForecastMethodContractTest {
        @Override
        ForecastMethod method() {
            return IMAPA.create();
        }

        @Override
        ForecastMethod fixedAt(FittedForecast fit) {
            Map<String, Double> p = fit.parameters();
            if (p.isEmpty()) {
                return method();
            }
            double[] alphas = new double[p.get("maxAggregationLevel").intValue()];
            for (int k = 1; k <= alphas.length; k++) {
                alphas[k - 1] = p.get("alpha" + k);
            }
            return IMAPA.fixed(alphas);
        }

        @Override
        List<Executable> invalidParameters() {
            return List.of(() -> IMAPA.fixed(), () -> IMAPA.fixed(0.2, 1.2));
        }
    }

    @Nested
    class InstalledBaseContract extends ForecastMethodContractTest {
        @Override
        ForecastMethod method() {
            double[] units = new double[40];
            for (int t = 0; t < units.length; t++) {
                units[t] = 100 + 5 * t;
            }
            return InstalledBase.of(units);
        }

        @Override
        List<Executable> invalidParameters() {
            return List.of(() -> InstalledBase.of(new double[0]), () -> InstalledBase.of(new double[] {1, -1}),
                    () -> InstalledBase.of(new double[] {1}, 0));
        }
    }
    @Nested
    class MeanCombinationContract extends ForecastMethodContractTest {
        @Override
        ForecastMethod method() {
            return Combination.of("MeanCombination", Combination.Statistic.MEAN,
                    List.of(HistoricAverage.create(), Naive.create(), CrostonSBA.withDefaults()));
        }

        @Override
        List<Executable> invalidParameters() {
            return List.of(() -> Combination.of("MeanCombination", Combination.Statistic.MEAN, List.of()));
        }
    }

    @Nested
    class MedianCombinationContract extends ForecastMethodContractTest {
        @Override
        ForecastMethod method() {
            return Combination.of("MedianCombination", Combination.Statistic.MEDIAN,
                    List.of(HistoricAverage.create(), MovingAverage.of(3), CrostonClassic.withDefaults()));
        }

        @Override
        List<Executable> invalidParameters() {
            return List.of(() -> Combination.of("", Combination.Statistic.MEDIAN,
                    List.of(Naive.create(), HistoricAverage.create())));
        }
    }
}
