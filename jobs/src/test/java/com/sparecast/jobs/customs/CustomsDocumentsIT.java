package com.sparecast.jobs.customs;

import com.sparecast.models.logistics.Shipment;
import com.sparecast.models.logistics.ShipmentLine;
import com.sparecast.models.logistics.ShipmentPlan;
import com.sparecast.models.trade.Parties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Renders the customs documents in headless Chromium: a screenshot must be a real page and the
 * rendered DOM must show every line of the shipment. Skipped only when no Chromium is installed
 * (looked up as {@code $CHROMIUM}, then {@code chromium}, {@code chromium-browser},
 * {@code google-chrome} on the PATH).
 */
class CustomsDocumentsIT {

    private static final long TIMEOUT_SECONDS = 120;

    private static Path chromium;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findChromium() {
        chromium = locate();
        assumeTrue(chromium != null, "chromium is not installed: skipping the rendering test");
    }

    @Test
    void commercialInvoiceRendersWithEveryLine() throws Exception {
        ShipmentPlan plan = DocumentFixtures.plan();
        Shipment s = plan.shipments().get(0);
        List<ShipmentLine> lines = plan.documentLines(s);
        Parties parties = DocumentFixtures.PLANNER.partiesOf(s);
        renderAndCheck("commercial_invoice", CustomsDocuments.commercialInvoiceHtml(s, lines, parties), s, lines);
    }

    @Test
    void packingListRendersWithEveryLine() throws Exception {
        ShipmentPlan plan = DocumentFixtures.plan();
        Shipment s = plan.shipments().get(0);
        List<ShipmentLine> lines = plan.documentLines(s);
        Parties parties = DocumentFixtures.PLANNER.partiesOf(s);
        renderAndCheck("packing_list", CustomsDocuments.packingListHtml(s, lines, parties), s, lines);
    }

    private void renderAndCheck(String name, String html, Shipment s, List<ShipmentLine> lines) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("customs").resolve(s.shipmentId()));
        Path page = folder.resolve(name + ".html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        Path png = tmp.resolve(name + ".png");

        run(List.of("--screenshot=" + png, "--window-size=1200,1600", page.toUri().toString()), name + "-shot");
        assertTrue(Files.exists(png), "no screenshot at " + png);
        assertTrue(Files.size(png) > 10_000, "screenshot too small: " + Files.size(png) + " bytes");
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1200, image.getWidth());
        assertEquals(1600, image.getHeight());
        assertTrue(distinctColours(image) > 16, "the screenshot looks blank");

        String dom = run(List.of("--dump-dom", page.toUri().toString()), name + "-dom");
        assertTrue(dom.contains("data-shipment-id=\"" + s.shipmentId() + "\""), dom);
        assertEquals(lines.size(), count(dom, "<tr data-part-no="), dom);
        for (ShipmentLine l : lines) {
            assertTrue(dom.contains("data-part-no=\"" + l.partNo() + "\""), "no row for " + l.partNo());
            assertTrue(dom.contains("<td>" + l.partNo() + "</td>"), "part number not shown: " + l.partNo());
        }
    }

    /** Runs chromium headless with the given arguments; returns its standard output. */
    private String run(List<String> args, String label) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createDirectories(tmp.resolve("profile-" + label))));
        command.addAll(args);
        Path out = tmp.resolve(label + ".out");
        Path err = tmp.resolve(label + ".err");
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

    private static String tail(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8);
            return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

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
