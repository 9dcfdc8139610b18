package com.sparecast.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sparecast.jobs.HeadlessChromium;
import com.sparecast.jobs.TestInputs;
import com.sparecast.jobs.batch.JobRepositoryConfiguration;
import com.sparecast.jobs.batch.NightlyRun;
import com.sparecast.jobs.batch.RunOutcome;
import com.sparecast.jobs.batch.RunRequest;
import com.sparecast.jobs.config.Settings;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the nightly job on data-samples, then opens its {@code report/index.html} and the page of
 * the first exception part in headless Chromium, from the file system with no network: no
 * console errors, the scripts ran, the exception table and the part chart are there.
 * Screenshots go to {@code target/report-screenshots/}. Skipped only when Chromium is missing.
 */
class ReportIT {

    static final LocalDate DATE = LocalDate.parse("2026-11-20");
    static final Path SCREENSHOTS = Path.of("target", "report-screenshots");

    @TempDir
    Path temp;

    @Test
    void reportOfADataSamplesRunRendersInChromium() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.find(temp.resolve("chromium"));
        assumeTrue(chromium != null, "chromium is not installed: skipping the report rendering test");
        Path input = TestInputs.copyOf(TestInputs.dataSamples(), temp.resolve("input"));
        Path output = temp.resolve("out");
        Settings settings = Settings.withOverrides(Map.of("sparecast.work-dir", temp.resolve("work").toString()));
        RunOutcome outcome;
        try {
            outcome = NightlyRun.execute(new RunRequest(input.toString(), output.toString(), DATE, "local[2]", false,
                    settings));
        } finally {
            try (Connection c = DriverManager.getConnection(JobRepositoryConfiguration.jdbcUrl(settings), "sa", "")) {
                c.createStatement().execute("SHUTDOWN");
            }
        }
        assertEquals(0, outcome.exitCode(), outcome.message());

        Path report = output.resolve(DATE.toString()).resolve("report");
        Path index = report.resolve("index.html");
        String html = Files.readString(index, StandardCharsets.UTF_8);
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "the page must fetch nothing");
        assertFalse(html.contains("@example"), "no personal data in the report");

        Files.createDirectories(SCREENSHOTS);
        String dom = render(chromium, index, "index");
        assertTrue(dom.contains("<table id=\"queue\""), "no exception queue");
        assertTrue(dom.contains("data-tables="), "the page's script did not run");
        int exceptionRows = rowsOf(dom, "queue");
        assertTrue(exceptionRows > 0, "the exception table is empty");
        for (String section : List.of("accuracy-region", "feedback-regions", "feedback-rising", "return-reasons")) {
            assertTrue(dom.contains("<table id=\"" + section + "\""), "no table " + section);
        }

        Matcher link = Pattern.compile("href=\"(parts/[^\"]+\\.html)\"").matcher(html);
        assertTrue(link.find(), "no exception line links to a part page");
        Path part = report.resolve(link.group(1));
        String partDom = render(chromium, part, "part");
        assertTrue(partDom.contains("<svg id=\"demand-chart\""), "no chart on " + part);
        assertTrue(partDom.contains("class=\"history\""), "no history line on " + part);
        assertTrue(partDom.contains("class=\"forecast\""), "no forecast line on " + part);
        assertTrue(partDom.contains("<table id=\"order\""), "no order figures on " + part);

        try (Stream<Path> pages = Files.list(report.resolve("parts"))) {
            long count = pages.count();
            assertTrue(count > 0 && count <= ExceptionParts.DEFAULT_CAP, count + " part pages");
        }
        byte[] csv = Files.readAllBytes(report.resolve("feedback.csv"));
        assertTrue(csv.length > 3 && csv[0] == (byte) 0xEF && csv[1] == (byte) 0xBB && csv[2] == (byte) 0xBF,
                "feedback.csv starts with a byte-order mark");
        String feedback = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertTrue(feedback.startsWith(String.join(",", Feedback.CSV_COLUMNS)), feedback.lines().findFirst().orElse(""));
        assertTrue(feedback.lines().anyMatch(l -> l.startsWith("region,")), "region rows in feedback.csv");
    }

    /** Screenshot and DOM of a page; fails on any console error. */
    private String render(HeadlessChromium chromium, Path page, String name) throws Exception {
        Path png = SCREENSHOTS.resolve(name + ".png").toAbsolutePath();
        Files.deleteIfExists(png);
        BufferedImage image = chromium.screenshot(page, png, 1400, 1800);
        assertTrue(Files.exists(png), "no screenshot at " + png);
        assertTrue(HeadlessChromium.distinctColours(image) > 16, "the screenshot looks blank: " + png);
        HeadlessChromium.Rendered rendered = chromium.renderWithConsole(page);
        assertEquals(List.of(), rendered.consoleErrors(), "console errors on " + page);
        return rendered.dom();
    }

    private static int rowsOf(String dom, String id) {
        int start = dom.indexOf("<table id=\"" + id + "\"");
        int end = dom.indexOf("</table>", start);
        String table = dom.substring(start, end);
        int n = 0;
        for (int i = table.indexOf("<tr>", table.indexOf("<tbody>")); i >= 0; i = table.indexOf("<tr>", i + 1)) {
            n++;
        }
        return n;
    }
}
