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
                .filter(k -> !SettingKeys.inFamily(k))
                .forEach(k -> assertTrue(SettingKeys.names().contains(k), k + " is not catalogued"));
    }

    /**
     * The settings cases of the corpus, {@code src/test/resources/broken/settings.tsv} (setting, value,
     * what the message holds): each is exit 2 with one line, before anything starts: no work folder,
     * no output, nothing written anywhere.
     */
    @Test
    void badValuesAndUnknownKeysAreExitTwoAndOneLineBeforeAnythingStarts() throws Exception {
        java.util.List<String> cases = Files.readAllLines(Path.of("src", "test", "resources", "broken", "settings.tsv"),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(cases.size() > 10, "the corpus' settings cases: " + cases.size());
        Path input = Files.createDirectories(dir.resolve("input/master"));
        for (String c : cases.subList(1, cases.size())) {
            String[] kv = c.split("\t", -1);
            Path work = dir.resolve("work-" + Math.abs(c.hashCode()));
            Settings settings = Settings.withOverrides(Map.of(kv[0], kv[1], "sparecast.work-dir", work.toString()));
            ConfigurationException e = assertThrows(ConfigurationException.class, settings::validate, c);
            assertTrue(e.getMessage().contains(kv[2]), c + " -> " + e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());

            RunOutcome outcome = NightlyRun.execute(new RunRequest(input.getParent().toString(),
                    dir.resolve("out").toString(), LocalDate.of(2026, 11, 20), "local[1]", false, settings));
            assertEquals(RunOutcome.USAGE, outcome.exitCode(), c + " -> " + outcome.message());
            assertFalse(outcome.message().contains("\n"), "one line: " + outcome.message());
            try (java.util.stream.Stream<Path> written = Files.list(dir)) {
                assertEquals(java.util.List.of(dir.resolve("input")), written.toList(), "nothing was started: " + c);
            }
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
