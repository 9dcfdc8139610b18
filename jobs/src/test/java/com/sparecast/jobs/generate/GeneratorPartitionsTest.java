package com.sparecast.jobs.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The large profile's shape (several event partitions written in parallel) at a test's size. */
class GeneratorPartitionsTest {

    static final Scale PARTITIONED = new Scale("test", 120, 0.8, 0.1, 60, 0.1, 3);

    @Test
    void partitionsGiveTheSameBytesOnOneThreadOrMany(@TempDir Path one, @TempDir Path many) throws IOException {
        LocalDate end = LocalDate.of(2026, 11, 23); // a Monday: the history ends with a full week
        GenerationSummary a = new InputSetGenerator().generate(PARTITIONED, 5, end, one, 1);
        GenerationSummary b = new InputSetGenerator().generate(PARTITIONED, 5, end, many, 3);
        assertEquals(a, b);
        List<Path> files = GeneratedInputSetTest.files(one);
        assertEquals(files, GeneratedInputSetTest.files(many));
        for (Path relative : files) {
            assertArrayEquals(Files.readAllBytes(one.resolve(relative)), Files.readAllBytes(many.resolve(relative)),
                    relative.toString());
        }
        assertTrue(files.contains(Path.of("shipments/shipments-2025-p3.csv")), files.toString());
        assertEquals(LocalDate.of(2025, 9, 29), a.historyStart());
        assertEquals(LocalDate.of(2026, 11, 22), a.historyEnd());
    }

    @Test
    void idsAreUniqueAcrossPartitionsAndCountsAddUp(@TempDir Path dir) throws IOException {
        GenerationSummary summary = new InputSetGenerator().generate(PARTITIONED, 9, LocalDate.of(2026, 6, 3), dir, 2);
        long rows = 0;
        for (String feed : List.of("shipments", "failures", "returns")) {
            Set<String> ids = new HashSet<>();
            try (var files = Files.list(dir.resolve(feed))) {
                for (Path file : files.sorted().toList()) {
                    for (CSVRecord r : GeneratedInputSetTest.read(file)) {
                        assertTrue(ids.add(r.get(0)), "duplicate id " + r.get(0) + " in " + file);
                        assertTrue(r.get(0).matches("[SFR]\\d{8,9}"), r.get(0));
                        rows++;
                    }
                }
            }
        }
        assertEquals(summary.eventRows(), rows);
        assertEquals(summary.rowsPerFile().values().stream().mapToLong(Long::longValue).sum(), rows);
    }
}
