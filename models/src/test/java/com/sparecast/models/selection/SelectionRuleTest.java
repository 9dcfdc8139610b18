package com.sparecast.models.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.models.forecast.FittedForecast;
import com.sparecast.models.forecast.ForecastMethod;
import com.sparecast.models.series.DemandClass;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectionRuleTest {

    /** Demand of 10 in each of 20 periods: scored from origins 10..19, one step ahead, 10 cells. */
    private static final double[] HISTORY = constant(20, 10);

    /** Forecast 0: error -10 everywhere, squared error 100, bias -10 (= the mean demand). */
    private static final ForecastMethod LOW = new Fixed("Low", constant(20, 0));
    /** Forecast 20: squared error 100, bias +10. */
    private static final ForecastMethod HIGH = new Fixed("High", constant(20, 20));
    /** Forecast 22, -2, 22, ...: errors +12, -12, squared error 144, bias 0. */
    private static final ForecastMethod WILD = new Fixed("Wild", alternating(20, 22, -2));
    /** Forecast 10.9: squared error 0.81, bias 0.9. */
    private static final ForecastMethod CLOSE = new Fixed("Close", constant(20, 10.9));
    /** Forecast 11: squared error 1, bias 1. */
    private static final ForecastMethod NEAR = new Fixed("Near", constant(20, 11));

    @Test
    void theBiasGuardSetsAsideTheLeastSquaredError() {
        // Low has the least squared error (100 < 144) but |bias| 10 >= 1 * 10: Wild is chosen.
        assertEquals(1, choose(new SelectionRule(List.of(LOW, WILD), 1, 0.1), "Wild"));
        // With a limit of 1.5, |bias| 10 < 15: Low beats the default by 100 < 0.9 * 144.
        assertEquals(0, choose(new SelectionRule(List.of(LOW, WILD), 1.5, 0.1), "Wild"));
    }

    @Test
    void aChallengerMustBeatTheDefaultByTheMargin() {
        // Close against the default Near: 0.81 < (1 - 0.1) * 1 chooses Close; 0.81 >= (1 - 0.2) * 1 keeps Near.
        SelectionRule rule = new SelectionRule(List.of(CLOSE, NEAR), 1, 0.1);
        assertEquals(0, choose(rule, "Near"));
        assertEquals(1, choose(rule.withMargin(0.2), "Near"));
        SelectionRule.Scores scores = rule.withMargin(0.2).score(HISTORY, 1, DemandClass.SMOOTH);
        assertEquals("default Near: no challenger beat its squared error by 20% (best Close, RMSE 0.900 vs 1.00) "
                + "among 2 candidates from 10 origins in the last 10 periods", scores.reason(1, 1));
    }

    @Test
    void whenEveryCandidateIsBiasedTheLeastSquaredErrorIsChosen() {
        // High and Low both fail the guard with squared error 100: the tie goes to the earlier, High.
        SelectionRule.Scores scores = new SelectionRule(List.of(HIGH, LOW), 1, 0.1)
                .score(HISTORY, 1, DemandClass.SMOOTH);
        int chosen = scores.choose(scores.defaultIndex("Low"));
        assertEquals(0, chosen);
        assertTrue(scores.reason(chosen, 1).contains("every candidate failed the bias guard"), scores.reason(chosen, 1));
    }

    @Test
    void noOriginWithAForecastFromEveryCandidateGivesNoScores() {
        double[] none = new double[20];
        Arrays.fill(none, Double.NaN);
        assertNull(new SelectionRule(List.of(NEAR, new Fixed("None", none)), 1, 0.1)
                .score(HISTORY, 1, DemandClass.SMOOTH));
    }

    @Test
    void invalidSettingsThrowWithTheValue() {
        assertThrows(IllegalArgumentException.class, () -> new SelectionRule(List.of(), 1, 0.1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SelectionRule(List.of(NEAR), 0, 0.1));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SelectionRule(List.of(NEAR), 1, 1));
        assertTrue(e.getMessage().contains("got 1"), e.getMessage());
    }

    private static int choose(SelectionRule rule, String defaultAlias) {
        SelectionRule.Scores scores = rule.score(HISTORY, 1, DemandClass.SMOOTH);
        return scores.choose(scores.defaultIndex(defaultAlias));
    }

    private static double[] constant(int n, double value) {
        double[] out = new double[n];
        Arrays.fill(out, value);
        return out;
    }

    private static double[] alternating(int n, double even, double odd) {
        double[] out = new double[n];
        for (int t = 0; t < n; t++) {
            out[t] = t % 2 == 0 ? even : odd;
        }
        return out;
    }

    /** Forecasts {@code f[t]} for period {@code t} from every origin, whatever the history. */
    private record Fixed(String alias, double[] f) implements ForecastMethod {
        @Override
        public FittedForecast fit(double[] y) {
            return new FittedForecast() {
                @Override
                public double[] forecast(int horizon) {
                    return new double[horizon];
                }

                @Override
                public double[] fitted() {
                    return f.clone();
                }

                @Override
                public double[] fitted(int steps) {
                    return f.clone();
                }

                @Override
                public Map<String, Double> parameters() {
                    return Map.of();
                }
            };
        }
    }
}
