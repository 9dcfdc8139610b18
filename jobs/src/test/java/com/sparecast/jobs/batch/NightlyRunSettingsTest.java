package com.sparecast.jobs.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.jobs.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad value of a step's setting is exit 2 before anything starts (the contract's "usage or
 * configuration error: nothing was started"), not a failure when that step is reached.
 */
class NightlyRunSettingsTest {

    @TempDir
    Path dir;

    private RunOutcome run(String key, String value) throws Exception {
        Path input = Files.createDirectories(dir.resolve("input/master"));
        Settings settings = Settings.withOverrides(Map.of(key, value, "sparecast.work-dir",
                dir.resolve("work").toString()));
        return NightlyRun.execute(new RunRequest(input.getParent().toString(), dir.resolve("out").toString(),
                LocalDate.of(2026, 11, 20), "local[1]", false, settings));
    }

    @Test
    void anUnknownAllocationIsAConfigurationError() throws Exception {
        RunOutcome outcome = run("sparecast.plan.allocation", "by-value");
        assertEquals(RunOutcome.USAGE, outcome.exitCode(), outcome.message());
        assertEquals("sparecast.plan.allocation must be class or line, got 'by-value'", outcome.message());
        assertFalse(Files.exists(dir.resolve("work")), "nothing was started");
    }

    @Test
    void anUnknownDefaultMethodNamesTheMethods() throws Exception {
        RunOutcome outcome = run("sparecast.forecast.default-method", "Prophet");
        assertEquals(RunOutcome.USAGE, outcome.exitCode(), outcome.message());
        assertTrue(outcome.message().startsWith("sparecast.forecast.default-method: unknown method 'Prophet'"),
                outcome.message());
        assertTrue(outcome.message().contains("TSB"), outcome.message());
    }

    @Test
    void aReportingCurrencyWithoutAnFxRateIsAConfigurationError() throws Exception {
        RunOutcome outcome = run("sparecast.reporting-currency", "XAU");
        assertEquals(RunOutcome.USAGE, outcome.exitCode(), outcome.message());
        assertTrue(outcome.message().startsWith("sparecast.reporting-currency XAU has no FX rate"), outcome.message());
        assertFalse(Files.exists(dir.resolve("work")), "nothing was started");
    }

    @Test
    void aBelowTargetMarginOutsideItsRangeIsAConfigurationError() throws Exception {
        RunOutcome outcome = run("sparecast.plan.below-target-margin", "1.5");
        assertEquals(RunOutcome.USAGE, outcome.exitCode(), outcome.message());
        assertTrue(outcome.message().contains("sparecast.plan.below-target-margin"), outcome.message());
    }

    @Test
    void aLineFloorOutsideItsRangeIsAConfigurationError() throws Exception {
        RunOutcome outcome = run("sparecast.plan.line-floor", "1");
        assertEquals(RunOutcome.USAGE, outcome.exitCode(), outcome.message());
        assertEquals("sparecast.plan.line-floor must be in [0, 0.999), got 1.0", outcome.message());
    }

    @Test
    void aStockCapThatIsNotAPositiveNumberOrNoneIsAConfigurationError() throws Exception {
        RunOutcome zero = run("sparecast.plan.stock-cap-periods", "0");
        assertEquals(RunOutcome.USAGE, zero.exitCode(), zero.message());
        assertEquals("sparecast.plan.stock-cap-periods must be > 0, got 0.0", zero.message());
        RunOutcome word = run("sparecast.plan.stock-cap-periods", "lots");
        assertEquals(RunOutcome.USAGE, word.exitCode(), word.message());
        assertEquals("sparecast.plan.stock-cap-periods must be a number of weeks > 0 or none, got 'lots'",
                word.message());
    }

    @Test
    void aNonNumericPlanSettingIsAConfigurationError() throws Exception {
        RunOutcome outcome = run("sparecast.plan.review-period-weeks", "weekly");
        assertEquals(RunOutcome.USAGE, outcome.exitCode(), outcome.message());
        assertTrue(outcome.message().contains("sparecast.plan.review-period-weeks"), outcome.message());
    }
}
