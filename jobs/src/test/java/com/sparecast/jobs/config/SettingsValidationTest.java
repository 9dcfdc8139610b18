package com.sparecast.jobs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.jobs.batch.NightlyRun;
import com.sparecast.jobs.batch.RunOutcome;
import com.sparecast.jobs.batch.RunRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, "every setting is checked before anything starts": every {@code sparecast.*} key is
 * known, typed and range-checked; a bad value or an unknown key is exit 2 and one line, and
 * nothing (not even the work folder) is created.
 */
class SettingsValidationTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultsAreValid() {
        Settings.load(null).validate();
        for (String key : SettingKeys.names()) {
            assertTrue(key.startsWith("sparecast."), key);
        }
    }

    @Test
    void everyKeyOfTheDefaultsFileIsInTheCatalogue() {
        Settings defaults = Settings.load(null);
        defaults.withPrefix("sparecast.").keySet().stream().map(k -> "sparecast." + k)
                .filter(k -> !SettingKeys.delegated(k))
                .forEach(k -> assertTrue(SettingKeys.names().contains(k), k + " is not catalogued"));
    }

    @Test
    void badValuesAndUnknownKeysAreExitTwoAndOneLineBeforeAnythingStarts() throws Exception {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("sparecast.ingest.progress-seconds=abc", "sparecast.ingest.progress-seconds");
        cases.put("sparecast.quality.max-rejected-share=abc", "sparecast.quality.max-rejected-share");
        cases.put("sparecast.quality.max-rejected-share=-1", "out of range [0, 1]");
        cases.put("sparecast.quality.max-rejected-share=1.5", "out of range [0, 1]");
        cases.put("sparecast.report.part-pages=lots", "sparecast.report.part-pages");
        cases.put("sparecast.report.part-pages=-3", "out of range");
        cases.put("sparecast.spark.shuffle-partitions=0", "sparecast.spark.shuffle-partitions");
        cases.put("sparecast.input.max-quantity=+7", "sparecast.input.max-quantity");
        cases.put("sparecast.input.max-quantity=\u0665", "sparecast.input.max-quantity");
        cases.put("sparecast.input.min-date=yesterday", "sparecast.input.min-date");
        cases.put("sparecast.input.min-date=0000-01-01", "out of range [1900-01-01, 2100-01-01]");
        cases.put("sparecast.input.max-unit-cost=0", "out of range (0, ");
        cases.put("sparecast.s3.path-style=yes", "true or false");
        cases.put("sparecast.zone=Mars/Olympus", "time zone");
        cases.put("sparecast.spark.driver-memory=lots", "sparecast.spark.driver-memory");
        cases.put("sparecast.quality.max-rejected-shares=0.1", "did you mean sparecast.quality.max-rejected-share?");
        cases.put("sparecast.report.partpages=10", "did you mean sparecast.report.part-pages?");
        cases.put("sparecast.input.max-quantiy=10", "did you mean sparecast.input.max-quantity?");
        cases.put("sparecast.trade.gross-weight-factr=1.1", "sparecast.trade.gross-weight-factr");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String[] kv = c.getKey().split("=", 2);
            Path work = dir.resolve("work-" + Math.abs(c.getKey().hashCode()));
            Settings settings = Settings.withOverrides(Map.of(kv[0], kv[1], "sparecast.work-dir", work.toString()));
            ConfigurationException e = assertThrows(ConfigurationException.class, settings::validate, c.getKey());
            assertTrue(e.getMessage().contains(c.getValue()), c.getKey() + " -> " + e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());

            Path input = Files.createDirectories(dir.resolve("input/master"));
            RunOutcome outcome = NightlyRun.execute(new RunRequest(input.getParent().toString(),
                    dir.resolve("out").toString(), LocalDate.of(2026, 11, 20), "local[1]", false, settings));
            assertEquals(RunOutcome.USAGE, outcome.exitCode(), c.getKey() + " -> " + outcome.message());
            assertFalse(Files.exists(work), "nothing was started: " + c.getKey());
        }
    }

    @Test
    void goodValuesPass() {
        Settings.withOverrides(Map.of("sparecast.input.max-quantity", "500", "sparecast.input.min-date", "2010-01-01",
                "sparecast.quality.max-rejected-share", "0", "sparecast.plan.order-cost", "",
                "sparecast.spark.conf.spark.executor.memory", "2g", "sparecast.trade.fx.EUR", "1.1",
                "sparecast.s3.path-style", "TRUE", "sparecast.input.max-unit-cost", "1e6")).validate();
    }
}
