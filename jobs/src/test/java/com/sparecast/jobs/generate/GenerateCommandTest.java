package com.sparecast.jobs.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new GenerateCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void helpExitsZero() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("--profile"));
    }

    @Test
    void usageErrorsExitTwo(@TempDir Path dir) {
        assertEquals(2, run("--profile", "huge", "--output", dir.toString()));
        assertTrue(err.toString().contains("expected small, medium or large"), err.toString());
        assertEquals(2, run("--profile", "small"));
        assertEquals(2, run("--profile", "small", "--end", "2026-13-01", "--output", dir.toString()));
        assertEquals(2, run("--profile", "small", "--seed", "x", "--output", dir.toString()));
        assertEquals(2, run("--profile", "small", "--events-scale", "0", "--output", dir.toString()));
        assertTrue(err.toString().contains("--events-scale must be 1 to 8"), err.toString());
    }

    /**
     * Twice the events over the same series: the same parts and series, exactly twice the shipment
     * rows (every drawn line written twice), and a ground truth whose realised demand doubles.
     */
    @Test
    void eventsScaleDoublesTheRowsOverTheSameSeries(@TempDir Path dir) throws Exception {
        assertEquals(0, run("--profile", "small", "--seed", "7", "--end", "2026-11-20", "--output", dir.resolve("x1").toString()));
        assertEquals(0, run("--profile", "small", "--seed", "7", "--end", "2026-11-20", "--events-scale", "2",
                "--output", dir.resolve("x2").toString()));
        java.util.List<java.util.regex.MatchResult> runs = java.util.regex.Pattern
                .compile("(\\d+) parts, (\\d+) series \\(\\d+ with demand\\), (\\d+) shipments").matcher(out.toString())
                .results().toList();
        assertEquals(2, runs.size(), out.toString());
        assertTrue(out.toString().contains("generated small-x2 (seed 7)"), out.toString());
        assertEquals(runs.get(0).group(1), runs.get(1).group(1));
        assertEquals(runs.get(0).group(2), runs.get(1).group(2));
        assertEquals(2 * Long.parseLong(runs.get(0).group(3)), Long.parseLong(runs.get(1).group(3)));
        List<String> once = Files.readAllLines(dir.resolve("x1/ground_truth/future_demand.csv"));
        List<String> twice = Files.readAllLines(dir.resolve("x2/ground_truth/future_demand.csv"));
        assertEquals(once.size(), twice.size());
        for (int i = 1; i < once.size(); i++) {
            String[] a = once.get(i).split(",");
            String[] b = twice.get(i).split(",");
            assertEquals(a[0] + a[1] + a[2], b[0] + b[1] + b[2]);
            assertEquals(2 * Long.parseLong(a[4]), Long.parseLong(b[4]), twice.get(i));
        }
    }

    @Test
    void generatesAndRefusesToOverwriteWithoutForce(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("set");
        assertEquals(0, run("--profile", "SMALL", "--seed", "7", "--end", "2026-11-20", "--output", output.toString()));
        assertTrue(Files.exists(output.resolve("master/parts.csv")));
        assertTrue(out.toString().contains("generated small (seed 7) for planning date 2026-11-20"), out.toString());
        Files.writeString(output.resolve("README.md"), "kept");

        assertEquals(2, run("--profile", "small", "--end", "2026-11-20", "--output", output.toString()));
        assertTrue(err.toString().contains("--force"), err.toString());

        assertEquals(0, run("--profile", "small", "--end", "2026-11-20", "--output", output.toString(), "--force"));
        assertEquals("kept", Files.readString(output.resolve("README.md")));
    }
}
