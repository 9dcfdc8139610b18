package com.sparecast.jobs.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import picocli.CommandLine;

/**
 * {@code simulate} on two fixtures in src/test/resources/simulate: 20 series cut from the RAF
 * monthly data (RAF-0001 to RAF-0020, Syntetos &amp; Boylan 2005) and a small weekly gzip file
 * with missing buckets (P-FAST and P-SLOW, 80 weeks; P-SHORT, 10 weeks; P-FAST/US, 1 week); and
 * ground-truth/: a 40-week history (P-FAST/EU-WEST, P-SLOW/NA, and P-GONE/NA that has no future),
 * the generator-style future_demand.csv over 8 weeks after a gap week (P-FAST, P-SLOW, and
 * P-NEW/NA that has no history; realised demand 38 and 2) and master data (service levels A 0.98,
 * B 0.95, C 0.90; lanes to WH-DE 1.5 days and WH-US 21 days; unit costs; regions and tariffs, which
 * the master-data reader requires).
 */
class SimulateCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new SimulateCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path fixture(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = SimulateCommandTest.class.getResourceAsStream("/simulate/" + name)) {
            Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
        }
        return p;
    }

    private static List<Double> all(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": ([0-9.eE-]+|null)").matcher(json);
        List<Double> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1).equals("null") ? Double.NaN : Double.parseDouble(m.group(1)));
        }
        return out;
    }

    @Test
    void monthlyRafFixtureGivesOneResultPerClassAndOverall() throws IOException {
        Path json = dir.resolve("out.json");
        Run r = run("--history", fixture("raf-20-monthly.csv").toString(), "--frequency", "month",
                "--holdout", "12", "--lead-time-mean", "2", "--lead-time-sd", "0.5", "--json", json.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("series 20 (excluded 0"), r.out());
        for (String row : List.of("\nA ", "\nB ", "\nC ", "\nALL ")) {
            assertTrue(r.out().contains(row), row + " in " + r.out());
        }
        String text = Files.readString(json);
        assertTrue(text.startsWith("{\"series\": 20, \"excluded\": 0, \"frequency\": \"month\", \"holdout\": 12"), text);
        // series per class (A, B, C) then overall, which is their sum
        List<Double> series = all(text, "series").subList(1, 5);
        assertEquals(series.get(3), series.get(0) + series.get(1) + series.get(2));
        // lead-time demand calibration: shares in [0, 1], every plan counted once in ALL
        assertTrue(r.out().contains("\nlead-time demand calibration:"), r.out());
        assertTrue(text.contains("\"ltd_calibration\": [\n  {\"abc_class\": \""), text);
        List<Double> shares = all(text, "at_or_below_p80");
        assertTrue(shares.stream().allMatch(v -> v >= 0 && v <= 1), shares.toString());
        List<Double> plans = all(text, "plans");
        // holdout 12, lead time about 2 and review 1: 9 to 10 plans of each of the 20 series reach past their span
        assertTrue(plans.get(plans.size() - 1) >= 20 * 8 && plans.get(plans.size() - 1) <= 20 * 11, plans.toString());
        assertEquals(20.0, series.get(3));
        for (double f : all(text, "fill_rate")) {
            assertTrue(Double.isNaN(f) || (f >= 0 && f <= 1), text);
        }
        // The plans' expected fill rate beside the achieved one, per class and overall: under the
        // class-wide allocation each class's plans expect the class target (0.95) or more, by the
        // last unit of each line (issue 15: what the plan promises, next to what it achieves).
        assertTrue(r.out().contains(" fill_rate  expected "), r.out());
        List<Double> expected = all(text.substring(0, text.indexOf("\"ltd_calibration\"")), "expected_fill_rate");
        assertEquals(4, expected.size(), text);
        // A class whose plans the default stock cap (60 months of mean demand) holds back says so: its
        // expected rate is below the target and it is marked TARGET_UNREACHABLE; the others reach it.
        JsonNode classes = new ObjectMapper().readTree(text).get("classes");
        for (String c : List.of("A", "B", "C")) {
            JsonNode s = classes.get(c).get("sparecast");
            double e = s.get("expected_fill_rate").asDouble();
            assertTrue(e <= 1, text);
            assertEquals(e < 0.9499, s.get("target_unreachable").asBoolean(), c + ": " + text);
            assertTrue(s.get("plans_held_back_by_stock_cap").asLong() <= s.get("plans").asLong(), text);
            if (s.get("target_unreachable").asBoolean()) {
                assertTrue(r.out().contains("TARGET_UNREACHABLE, reaches "), r.out());
            }
        }
        // Without the cap, every class's plans expect the target or more.
        Path uncapped = dir.resolve("uncapped.json");
        assertEquals(0, run("--history", fixture("raf-20-monthly.csv").toString(), "--frequency", "month",
                "--holdout", "12", "--lead-time-mean", "2", "--lead-time-sd", "0.5", "--stock-cap", "none",
                "--trade-off-targets", "none", "--json", uncapped.toString()).exit());
        String free = Files.readString(uncapped);
        for (double e : all(free.substring(0, free.indexOf("\"ltd_calibration\"")), "expected_fill_rate")) {
            assertTrue(Double.isNaN(e) || (e >= 0.9499 && e <= 1), free);
        }
        assertTrue(free.contains("\"target_unreachable\": false") && !free.contains("\"target_unreachable\": true"));
        // Expected against achieved per decile of lines ranked by expected fill rate: every simulated
        // line in one decile or among those without expected demand, the deciles' promises rising.
        assertTrue(r.out().contains("\nexpected against achieved fill rate per decile"), r.out());
        JsonNode root = new ObjectMapper().readTree(text);
        int inDeciles = 0;
        double last = 0;
        for (JsonNode d : root.get("expected_fill_deciles")) {
            inDeciles += d.get("lines").asInt();
            assertTrue(d.get("expected_fill_rate").asDouble() >= last, text);
            last = d.get("expected_fill_rate").asDouble();
        }
        assertEquals(20, inDeciles + root.get("expected_fill_no_expected_demand").get("lines").asInt(), text);
        // Deterministic: the same run gives the same file.
        Path again = dir.resolve("again.json");
        run("--history", fixture("raf-20-monthly.csv").toString(), "--frequency", "month", "--holdout", "12",
                "--lead-time-mean", "2", "--lead-time-sd", "0.5", "--json", again.toString());
        assertEquals(text, Files.readString(again));
    }

    @Test
    void weeklyGzipWithMissingBucketsAndShortSeries() throws IOException {
        Path json = dir.resolve("weekly.json");
        Run r = run("--history", fixture("weekly.csv.gz").toString(), "--holdout", "8", "--fill-rate", "0.9",
                "--allocation", "line", "--json", json.toString());
        assertEquals(0, r.exit(), r.err());
        String text = Files.readString(json);
        // Every series runs to the file's last week (2025-07-07), so P-SHORT (demand in its first 10
        // weeks) and P-FAST/US (its first week only) have 72 training weeks and a zero holdout, as
        // a nightly run sees a part that stopped selling: none is excluded.
        assertTrue(text.startsWith("{\"series\": 4, \"excluded\": 0, \"frequency\": \"week\""), text);
        // Holdout demand: P-FAST weeks 72-79 sum to 15, P-SLOW's are all missing (zero).
        List<Double> demand = all(text, "demand");
        assertEquals(15.0, demand.get(demand.size() - 1));
        assertTrue(text.contains("\"allocation\": \"line\""));
        // With 77 of the 80 weeks held out, every series has 3 training weeks, under the 4 needed.
        assertEquals(0, run("--history", fixture("weekly.csv.gz").toString(), "--holdout", "77", "--json",
                json.toString()).exit());
        assertTrue(Files.readString(json).startsWith("{\"series\": 4, \"excluded\": 4,"), Files.readString(json));
    }

    private Path groundTruthFixture() throws IOException {
        Path gt = dir.resolve("gt");
        Files.createDirectories(gt.resolve("master"));
        for (String name : List.of("history.csv", "future_demand.csv", "master/service_levels.csv",
                "master/warehouses.csv", "master/lanes.csv", "master/parts.csv", "master/regions.csv", "master/tariffs.csv")) {
            try (InputStream in = SimulateCommandTest.class.getResourceAsStream("/simulate/ground-truth/" + name)) {
                Files.copy(in, gt.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return gt;
    }

    @Test
    void groundTruthIsTheSimulatedPathAndMasterDataGivesTargetsAndLeadTimes() throws IOException {
        Path gt = groundTruthFixture();
        Path json = dir.resolve("gt.json");
        String[] args = {"--history", gt.resolve("history.csv").toString(), "--ground-truth",
            gt.resolve("future_demand.csv").toString(), "--master", gt.resolve("master").toString(), "--json",
            json.toString()};
        Run r = run(args);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("series 4 (excluded 2: without history or ground truth), week buckets, ground truth"
                + " 8 weeks from 2026-11-16, lead time per region from lanes, review 1, replanned every 1, targets"
                + " A 0.980, B 0.950, C 0.900"), r.out());
        String text = Files.readString(json);
        assertTrue(text.startsWith("{\"series\": 4, \"excluded\": 2, \"frequency\": \"week\""), text);
        assertTrue(text.contains("\"ground_truth\": true, \"master\": true"), text);
        // no holdout, and lead times and targets come from the master data
        assertTrue(text.contains("\"holdout\": null, \"review\": 1, \"replan_every\": 1, \"lead_time_mean\": null, \"lead_time_sd\": null,"
                + " \"target_fill_rate\": null"), text);
        // Each region's only simulated series is its class A: both in A, demand = realised 38 + 2.
        List<Double> series = all(text, "series").subList(1, 5);
        assertEquals(List.of(2.0, 0.0, 0.0, 2.0), series);
        List<Double> demand = all(text, "demand");
        assertEquals(40.0, demand.get(0));
        assertEquals(40.0, demand.get(demand.size() - 1));
        assertEquals(List.of(0.98, 0.95, 0.9), all(text, "target").subList(0, 3));
        for (double f : all(text, "fill_rate")) {
            assertTrue(Double.isNaN(f) || (f >= 0 && f <= 1), text);
        }
        // The matched normal reaches at least Sparecast's fill rate in class A.
        List<Double> fill = all(text, "fill_rate");
        assertTrue(fill.get(2) >= fill.get(0), text);
        Path again = dir.resolve("again.json");
        args[args.length - 1] = again.toString();
        run(args);
        assertEquals(text, Files.readString(again));
    }

    @Test
    void planningAgainEveryWeekFollowsAStepInDemandThatFixedLevelsMiss() throws IOException {
        // 60 weeks of 5 a week, then a holdout of 20 weeks of 12 a week.
        StringBuilder csv = new StringBuilder("part_no,region,period,quantity\n");
        java.time.LocalDate monday = java.time.LocalDate.of(2025, 1, 6);
        for (int w = 0; w < 80; w++) {
            csv.append("P-STEP,EU-WEST,").append(monday.plusWeeks(w)).append(',').append(w < 60 ? 5 : 12).append('\n');
        }
        Path history = Files.writeString(dir.resolve("step.csv"), csv);
        Path fixed = dir.resolve("fixed.json");
        Path weekly = dir.resolve("weekly.json");
        String[] common = {"--history", history.toString(), "--holdout", "20", "--lead-time-mean", "1",
            "--fill-rate", "0.95", "--allocation", "line"};
        assertEquals(0, run(concat(common, "--replan", "0", "--json", fixed.toString())).exit());
        Run r = run(concat(common, "--json", weekly.toString()));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("replanned every 1"), r.out());
        double fixedFill = all(Files.readString(fixed), "fill_rate").get(0);
        double weeklyFill = all(Files.readString(weekly), "fill_rate").get(0);
        // Levels set for 5 a week fill under half of 12 a week; planned again, the policy catches up.
        assertTrue(fixedFill < 0.5, "fixed " + fixedFill);
        assertTrue(weeklyFill > fixedFill + 0.3, "fixed " + fixedFill + ", weekly " + weeklyFill);
        assertTrue(Files.readString(fixed).contains("\"replan_every\": 0"));
        assertEquals(2, run(concat(common, "--replan", "-1")).exit());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void groundTruthNeedsWeeklyBuckets() throws IOException {
        Path gt = groundTruthFixture();
        assertEquals(2, run("--history", gt.resolve("history.csv").toString(), "--ground-truth",
                gt.resolve("future_demand.csv").toString(), "--frequency", "month").exit());
        assertEquals(2, run("--history", gt.resolve("history.csv").toString(), "--ground-truth",
                dir.resolve("none.csv").toString()).exit());
        assertEquals(2, run("--history", gt.resolve("history.csv").toString(), "--master",
                dir.resolve("none").toString()).exit());
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        Path good = fixture("weekly.csv.gz");
        assertEquals(2, run().exit(), "--history is required");
        assertEquals(2, run("--history", dir.resolve("missing.csv").toString()).exit());
        assertEquals(2, run("--history", good.toString(), "--frequency", "day").exit());
        assertEquals(2, run("--history", good.toString(), "--fill-rate", "1.5").exit());
        assertEquals(2, run("--history", good.toString(), "--holdout", "0").exit());
        assertEquals(2, run("--history", good.toString(), "--stock-cap", "0").exit());
        assertEquals(2, run("--history", good.toString(), "--stock-cap", "lots").exit());
        assertEquals(2, run("--history", good.toString(), "--review", "0").exit());
        assertEquals(2, run("--history", good.toString(), "--lead-time-sd", "-1").exit());
        assertEquals(2, run("--history", good.toString(), "--allocation", "both").exit());
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "part_no,region,period,quantity\nP1,EU,2024-01-01,3\nP1,EU,2024-01-08,x\n",
                StandardCharsets.UTF_8);
        Run r = run("--history", bad.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("line 3") && r.err().contains("quantity"), r.err());
        Path notMonday = dir.resolve("tuesday.csv");
        Files.writeString(notMonday, "part_no,region,period,quantity\nP1,EU,2024-01-02,3\n", StandardCharsets.UTF_8);
        assertEquals(2, run("--history", notMonday.toString()).exit());
        Path shortRow = dir.resolve("short.csv");
        Files.writeString(shortRow, "part_no,region,period,quantity\nP1,EU,2024-01-01,3\nP1,EU\n", StandardCharsets.UTF_8);
        Run s = run("--history", shortRow.toString());
        assertEquals(2, s.exit());
        assertTrue(s.err().contains("line 3"), s.err());
        Path noColumn = dir.resolve("nocol.csv");
        Files.writeString(noColumn, "part_no,period,quantity\nP1,2024-01-01,3\n", StandardCharsets.UTF_8);
        assertTrue(run("--history", noColumn.toString()).err().contains("missing column 'region'"));
    }

    @Test
    void aHeaderOnlyFileHasNoSeries() throws IOException {
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "part_no,region,period,quantity\n", StandardCharsets.UTF_8);
        Path json = dir.resolve("empty.json");
        assertEquals(0, run("--history", empty.toString(), "--json", json.toString()).exit());
        String text = Files.readString(json);
        assertTrue(text.startsWith("{\"series\": 0, \"excluded\": 0"), text);
        assertTrue(text.contains("\"ALL\": {\"series\": 0, \"demand\": 0.0, \"sparecast\": {\"fill_rate\": null"), text);
    }

    /**
     * The trade-off curve on the RAF fixture: one entry per default target, each policy's fill
     * rate in [0, 1], stock rising with the target (Sparecast, the tuned normal and the bootstrap
     * all order up to higher levels for a higher target, and on these 20 series their average on
     * hand does not fall), verdicts that agree with the numbers, the same bytes on a second run, and
     * an SVG chart that parses as XML with three curves of six markers.
     */
    @Test
    void tradeOffCurveOnTheRafFixture() throws Exception {
        Path json = dir.resolve("curve.json");
        Path svg = dir.resolve("curve.svg");
        String[] args = {"--history", fixture("raf-20-monthly.csv").toString(), "--frequency", "month", "--holdout",
                "12", "--lead-time-mean", "2", "--lead-time-sd", "0.5", "--json", json.toString(), "--trade-off-svg",
                svg.toString()};
        Run r = run(args);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\ntrade-off over all series:"), r.out());
        assertTrue(r.out().contains("\n  0.98  "), r.out());
        String text = Files.readString(json);
        assertTrue(text.contains("\"trade_off\": [\n  {\"target\": 0.7, \"sparecast\": {\"fill_rate\": "), text);
        JsonNode curve = new ObjectMapper().readTree(text).get("trade_off");
        double[] targets = {0.70, 0.80, 0.85, 0.90, 0.95, 0.98};
        assertEquals(targets.length, curve.size());
        double[] previous = {-1, -1, -1};
        for (int i = 0; i < targets.length; i++) {
            JsonNode p = curve.get(i);
            assertEquals(targets[i], p.get("target").asDouble(), 1e-12);
            String[] policies = {"sparecast", "normal", "bootstrap"};
            for (int k = 0; k < policies.length; k++) {
                JsonNode result = p.get(policies[k]);
                double fill = result.get("fill_rate").asDouble();
                double onHand = result.get("average_on_hand").asDouble();
                assertTrue(fill >= 0 && fill <= 1, policies[k] + " " + p);
                assertTrue(onHand >= previous[k] - 1e-12, policies[k] + " stock falls at " + p);
                previous[k] = onHand;
            }
            double line = p.get("normal").get("line_target").asDouble();
            assertTrue(line >= 0.5 && line <= 0.9999, p.toString());
            for (String baseline : List.of("normal", "bootstrap")) {
                JsonNode verdict = p.get("sparecast_at_or_below_" + baseline);
                JsonNode at = p.get(baseline + "_on_hand_at_sparecast_fill_rate");
                assertEquals(verdict.isNull(), at.isNull(), p.toString());
                if (!verdict.isNull()) {
                    assertEquals(p.get("sparecast").get("average_on_hand").asDouble() <= at.asDouble() * (1 + 1e-9),
                            verdict.asBoolean(), p.toString());
                }
            }
        }
        // Deterministic: the same run gives the same JSON and the same chart.
        String chart = Files.readString(svg);
        assertEquals(0, run(args).exit());
        assertEquals(text, Files.readString(json));
        assertEquals(chart, Files.readString(svg));
        // The chart is well-formed XML: three curves of six markers, axis labels and a legend.
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertEquals("http://www.w3.org/2000/svg", doc.getDocumentElement().getNamespaceURI());
        assertEquals(3, doc.getElementsByTagNameNS("*", "polyline").getLength());
        assertEquals(18, doc.getElementsByTagNameNS("*", "circle").getLength());
        for (String label : List.of("achieved fill rate", "average on hand", "Sparecast", "normal (tuned)", "bootstrap")) {
            assertTrue(doc.getDocumentElement().getTextContent().contains(label), label);
        }
    }

    @Test
    void tradeOffTargetsAreAnOption() throws IOException {
        Path good = fixture("weekly.csv.gz");
        Path json = dir.resolve("none.json");
        Run r = run("--history", good.toString(), "--holdout", "8", "--trade-off-targets", "none", "--json",
                json.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(!r.out().contains("trade-off over"), r.out());
        assertTrue(Files.readString(json).contains("\"trade_off\": []"));
        Run two = run("--history", good.toString(), "--holdout", "8", "--trade-off-targets", "0.9, 0.5", "--json",
                json.toString());
        assertEquals(0, two.exit(), two.err());
        assertEquals(List.of(0.9, 0.5), all(Files.readString(json), "target").subList(4, 6));
        assertEquals(2, run("--history", good.toString(), "--trade-off-targets", "0.9,1").exit());
        assertEquals(2, run("--history", good.toString(), "--trade-off-targets", "high").exit());
        assertEquals(2, run("--history", good.toString(), "--trade-off-targets", "none", "--trade-off-svg",
                dir.resolve("x.svg").toString()).exit());
    }

    @Test
    void helpExitsZero() {
        Run r = run("--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("--lead-time-mean"));
    }
}
