package com.sparecast.jobs.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed {@code data-samples/} is what the generator makes today with the command in its
 * README: a change to the generator must come with regenerated samples.
 */
class GeneratedSamplesTest {

    static final Path SAMPLES = Path.of("..", "data-samples");

    @Test
    void committedSamplesAreWhatTheGeneratorMakes(@TempDir Path fresh) throws IOException {
        assumeTrue(Files.isDirectory(SAMPLES.resolve("master")), "data-samples/ not found from " + Path.of("").toAbsolutePath());
        new InputSetGenerator().generate(Profile.SMALL, 42, LocalDate.of(2026, 11, 20), fresh);
        List<Path> expected = GeneratedInputSetTest.files(fresh);
        List<Path> committed = GeneratedInputSetTest.files(SAMPLES).stream()
                .filter(p -> InputSetGenerator.OWNED_FOLDERS.contains(p.getName(0).toString())).toList();
        assertEquals(expected, committed, "regenerate: sparecast generate --profile small --seed 42 --end 2026-11-20 "
                + "--output data-samples --force");
        for (Path relative : expected) {
            // compared as text so that a checkout with CRLF line ends does not fail the test
            assertEquals(Files.readString(fresh.resolve(relative), StandardCharsets.UTF_8).replace("\r\n", "\n"),
                    Files.readString(SAMPLES.resolve(relative), StandardCharsets.UTF_8).replace("\r\n", "\n"),
                    relative + " differs: regenerate data-samples");
        }
    }
}
