package com.sparecast.jobs.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
