package com.sparecast.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

        driveQueue(chromium, report);

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

    /**
     * Drives the exception queue in Chromium: {@code browser/drive-queue.js}, appended to a copy of
     * the page, clicks and types as a planner would and leaves what it saw in {@code #drive-result}.
     * Screenshots of the page at 1280 and 1920 px go to {@link #SCREENSHOTS}.
     */
    private void driveQueue(HeadlessChromium chromium, Path report) throws Exception {
        for (int width : new int[] {1280, 1920}) {
            Path png = SCREENSHOTS.resolve("queue-" + width + ".png").toAbsolutePath();
            Files.deleteIfExists(png);
            BufferedImage image = chromium.screenshot(report.resolve("index.html"), png, width, 1000);
            assertEquals(width, image.getWidth(), png.toString());
            assertTrue(HeadlessChromium.distinctColours(image) > 16, "the screenshot looks blank: " + png);
        }
        String page = Files.readString(report.resolve("index.html"), StandardCharsets.UTF_8);
        String driver;
        try (var in = ReportIT.class.getResourceAsStream("/browser/drive-queue.js")) {
            driver = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path driven = report.resolve("index-driven.html");
        Files.writeString(driven, page.replace("</body>", "<script>" + driver + "</script></body>"), StandardCharsets.UTF_8);
        HeadlessChromium.Rendered rendered = chromium.renderWithConsole(driven, 1280, 1000);
        Files.delete(driven);
        assertEquals(List.of(), rendered.consoleErrors(), "console errors while driving the queue");
        Matcher result = Pattern.compile("<pre id=\"drive-result\">(.*?)</pre>", Pattern.DOTALL).matcher(rendered.dom());
        assertTrue(result.find(), "the driver did not finish");
        JsonNode seen = new ObjectMapper().readTree(result.group(1).replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&"));

        // The key columns fit a 1280 px window: the queue ends inside it and the page does not scroll sideways.
        assertEquals(1280, seen.get("viewportWidth").asInt());
        assertTrue(seen.get("queueRight").asDouble() <= 1280, "queue ends at " + seen.get("queueRight"));
        assertTrue(seen.get("pageScrollWidth").asInt() <= 1280, "page is " + seen.get("pageScrollWidth") + " px wide");

        // Default order: priority, highest first, unknown (empty) last.
        List<String> priorities = texts(seen.get("defaultPriorities"));
        assertTrue(priorities.size() > 10, priorities.toString());
        assertEmptyLast(priorities, false);

        // A card click shows exactly its exception's lines, as many as the card says.
        List<String> card = texts(seen.get("cardExceptions"));
        assertFalse(card.isEmpty(), "data-samples has stock-out risks");
        assertTrue(card.stream().allMatch("STOCKOUT_RISK"::equals), card.toString());
        assertEquals(String.valueOf(card.size()), seen.get("cardCount").asText());
        assertEquals(card.size() + " of " + priorities.size() + " lines", seen.get("cardCountText").asText());
        assertTrue(card.size() < priorities.size(), "the card filtered nothing out");
        assertEquals(priorities.size(), seen.get("allShown").asInt(), "the all card shows every line again");

        // Column filters: a warehouse (case-insensitive contains), weeks of cover below 2.
        List<String> warehouse = texts(seen.get("warehouseShown"));
        assertFalse(warehouse.isEmpty());
        assertTrue(warehouse.size() < priorities.size(), "the warehouse filter filtered nothing out");
        assertTrue(warehouse.stream().allMatch(w -> w.contains(seen.get("warehouseFilter").asText())), warehouse.toString());
        List<String> cover = texts(seen.get("coverBelow2"));
        assertFalse(cover.isEmpty());
        assertTrue(cover.stream().allMatch(c -> !c.isEmpty() && Double.parseDouble(c) < 2), cover.toString());

        // Sorting weeks of cover: empty cells last in both directions.
        List<String> ascending = texts(seen.get("ascending"));
        List<String> descending = texts(seen.get("descending"));
        assertTrue(descending.contains(""), "data-samples' queue has lines without weeks of cover (no demand)");
        assertEmptyLast(ascending, true);
        assertEmptyLast(descending, false);
        assertEquals("false", seen.get("sortState").asText());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Numbers in order (ascending or not), every empty cell after the last number. */
    private static void assertEmptyLast(List<String> cells, boolean ascending) {
        int firstEmpty = cells.indexOf("");
        List<String> numbers = firstEmpty < 0 ? cells : cells.subList(0, firstEmpty);
        if (firstEmpty >= 0) {
            assertTrue(cells.subList(firstEmpty, cells.size()).stream().allMatch(String::isEmpty), cells.toString());
        }
        for (int i = 1; i < numbers.size(); i++) {
            double before = Double.parseDouble(numbers.get(i - 1));
            double after = Double.parseDouble(numbers.get(i));
            assertTrue(ascending ? before <= after : before >= after, "out of order at " + i + ": " + cells);
        }
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
