package com.sparecast.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Debian's Chromium, headless, for tests that look at a page as a user would: a screenshot
 * and the DOM after scripts ran. Started with the flags this machine's closed network needs
 * (no background networking, no component updates) and a fresh profile per call.
 */
public final class HeadlessChromium {

    private static final long TIMEOUT_SECONDS = 120;

    private final Path executable;
    private final Path scratch;

    private HeadlessChromium(Path executable, Path scratch) {
        this.executable = executable;
        this.scratch = scratch;
    }

    /** Chromium with its profiles under {@code scratch}, or null when none is installed. */
    public static HeadlessChromium find(Path scratch) {
        Path executable = locate();
        return executable == null ? null : new HeadlessChromium(executable, scratch);
    }

    /** Takes a {@code width} x {@code height} screenshot of {@code page} into {@code png}. */
    public BufferedImage screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        run(List.of("--screenshot=" + png, "--window-size=" + width + "," + height, page.toUri().toString()),
                "shot-" + png.getFileName());
        return ImageIO.read(png.toFile());
    }

    /** The DOM of {@code page} once its scripts ran. */
    public String dumpDom(Path page) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", page.toUri().toString()), "dom-" + page.getFileName());
    }

    /** A page's DOM after its scripts ran, and the errors they logged to the console. */
    public record Rendered(String dom, List<String> consoleErrors) {
    }

    /** Renders {@code page} with console logging on, to see the errors a user's browser would show. */
    public Rendered renderWithConsole(Path page) throws IOException, InterruptedException {
        return renderWithConsole(page, List.of(), "console-" + page.getFileName());
    }

    /** As {@link #renderWithConsole(Path)}, in a {@code width} x {@code height} window. */
    public Rendered renderWithConsole(Path page, int width, int height) throws IOException, InterruptedException {
        return renderWithConsole(page, List.of("--window-size=" + width + "," + height),
                "console-" + width + "-" + page.getFileName());
    }

    private Rendered renderWithConsole(Path page, List<String> flags, String label) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(flags);
        args.addAll(List.of("--enable-logging=stderr", "--v=0", "--dump-dom", page.toUri().toString()));
        String dom = run(args, label);
        List<String> errors = Files.readString(scratch.resolve(label + ".err"), StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("CONSOLE") && (l.contains("Uncaught") || l.contains("Error") || l.contains("ERROR")))
                .toList();
        return new Rendered(dom, errors);
    }

    private String run(List<String> args, String label) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--allow-file-access-from-files",
                "--user-data-dir=" + Files.createDirectories(scratch.resolve("profile-" + label))));
        command.addAll(args);
        Path out = scratch.resolve(label + ".out");
        Path err = scratch.resolve(label + ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("chromium did not finish in " + TIMEOUT_SECONDS + " s: " + command);
            }
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        assertEquals(0, p.exitValue(), () -> "chromium failed: " + command + "\n" + tail(err));
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** Distinct colours on a 4-pixel grid: a blank page has one or two. */
    public static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    private static String tail(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8);
            return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }

    /** {@code $CHROMIUM}, then chromium, chromium-browser or google-chrome on the PATH. */
    private static Path locate() {
        String override = System.getenv("CHROMIUM");
        if (override != null && !override.isBlank() && Files.isExecutable(Path.of(override))) {
            return Path.of(override);
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
