package com.sparecast.jobs.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.jobs.input.DemandHistory;
import com.sparecast.jobs.input.Frequency;
import com.sparecast.models.forecast.Naive;
import com.sparecast.models.forecast.TSB;
import com.sparecast.models.selection.ErrorMeasures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code sparecast backtest} on a fixture cut from the RAF data: the first 40 parts of
 * raf-monthly.csv.gz (Syntetos &amp; Boylan 2005), 84 months each.
 */
class BacktestCommandTest {

    @TempDir
    Path dir;

    static Path fixture() throws URISyntaxException {
        return Path.of(BacktestCommandTest.class.getResource("/raf-fixture.csv").toURI());
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static double number(String json, String method, String key) {
        Matcher m = Pattern.compile("\"" + method + "\": \\{[^}]*\"" + key + "\": ([-0-9.eE]+|null)").matcher(json);
        assertTrue(m.find(), method + "." + key + " in " + json);
        return m.group(1).equals("null") ? Double.NaN : Double.parseDouble(m.group(1));
    }

    @Test
    void writesTheContractJsonAndATable() throws Exception {
        Path json = dir.resolve("bt.json");
        Run r = run(new BacktestCommand(), "--history", fixture().toString(), "--horizon", "12", "--holdout", "12",
                "--frequency", "month", "--json", json.toString());
        assertEquals(0, r.exit(), r.err());
        String text = Files.readString(json, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\n  \"series\": 40,\n  \"excluded\": 0,\n  \"horizon\": 12,\n  \"holdout\": 12,\n"
                + "  \"frequency\": \"month\",\n  \"methods\": {\n"), text);
        List<String> methods = List.of("Naive", "HistoricAverage", "MovingAverage", "SimpleExponentialSmoothing",
                "HoltDamped", "CrostonClassic", "CrostonOptimized", "CrostonSBA", "TSB", "ADIDA", "IMAPA", "Auto");
        for (String m : methods) {
            assertTrue(text.contains("\"" + m + "\": {\n      \"mase_mean\": "), m);
            for (String key : List.of("mase_mean", "mase_median", "rmsse_mean", "mae_mean", "bias_mean", "coverage_80",
                    "coverage_95", "seconds")) {
                double v = number(text, m, key);
                assertTrue(Double.isFinite(v), m + "." + key);
            }
            double c80 = number(text, m, "coverage_80");
            double c95 = number(text, m, "coverage_95");
            assertTrue(c80 >= 0 && c80 <= c95 && c95 <= 1, m + " coverage " + c80 + " " + c95);
        }
        // Independent of the command: Naive's and TSB's mean RMSSE recomputed from the fixture.
        DemandHistory h = DemandHistory.read(fixture(), Frequency.MONTH);
        double naive = 0;
        double tsb = 0;
        for (DemandHistory.SeriesData s : h.series()) {
            double[] train = Arrays.copyOf(s.demand(), 72);
            double[] test = Arrays.copyOfRange(s.demand(), 72, 84);
            naive += ErrorMeasures.of(train, test, Naive.create().fit(train).forecast(12)).rmsse();
            tsb += ErrorMeasures.of(train, test, TSB.optimized().fit(train).forecast(12)).rmsse();
        }
        assertEquals(naive / 40, number(text, "Naive", "rmsse_mean"), 1e-5);
        assertEquals(tsb / 40, number(text, "TSB", "rmsse_mean"), 1e-5);
        assertTrue(r.out().contains("40 series (0 excluded), month buckets 1996-01-01 to 2002-12-01, holdout 12, horizon 12"),
                r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("Auto ")), r.out());
    }

    @Test
    void sameInputGivesTheSameFiguresApartFromTimings() throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        assertEquals(0, run(new BacktestCommand(), "--history", fixture().toString(), "--horizon", "6",
                "--json", a.toString()).exit());
        assertEquals(0, run(new BacktestCommand(), "--history", fixture().toString(), "--horizon", "6",
                "--json", b.toString()).exit());
        String timings = "\"seconds\": [-0-9.eE]+";
        assertEquals(Files.readString(a).replaceAll(timings, ""), Files.readString(b).replaceAll(timings, ""));
        assertTrue(Files.readString(a).contains("\"frequency\": \"month\""), "inferred from first-of-month periods");
    }

    @Test
    void methodsCanBeChosenAndAutoChoosesAmongThem() throws Exception {
        Path json = dir.resolve("m.json");
        Run r = run(new BacktestCommand(), "--history", fixture().toString(), "--horizon", "12", "--methods",
                "CrostonSBA,tsb", "--json", json.toString());
        assertEquals(0, r.exit(), r.err());
        String text = Files.readString(json);
        List<String> keys = new ArrayList<>();
        Matcher m = Pattern.compile("\"([A-Za-z]+)\": \\{\n      \"mase_mean\"").matcher(text);
        while (m.find()) {
            keys.add(m.group(1));
        }
        assertEquals(List.of("CrostonSBA", "TSB", "Auto"), keys);
        assertTrue(r.out().contains("Auto chose: "), r.out());
    }

    @Test
    void usageErrorsExitTwoWithAReason() throws Exception {
        Run r = run(new BacktestCommand(), "--history", fixture().toString(), "--horizon", "0");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("--horizon must be >= 1, got 0"), r.err());
        r = run(new BacktestCommand(), "--history", dir.resolve("missing.csv").toString(), "--horizon", "3");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("--history: no such file"), r.err());
        r = run(new BacktestCommand(), "--history", fixture().toString(), "--horizon", "3", "--methods", "Prophet");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("--methods: unknown method 'Prophet'"), r.err());
        r = run(new BacktestCommand(), "--history", fixture().toString(), "--horizon", "3", "--frequency", "day");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("--frequency: frequency must be week or month, got 'day'"), r.err());
        r = run(new BacktestCommand(), "--horizon", "3");
        assertEquals(2, r.exit());
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "part_no,region,period,quantity\nP1,EU,2026-01-05,2\nP1,EU,2026-01-12,x\n");
        r = run(new BacktestCommand(), "--history", bad.toString(), "--horizon", "3");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("line 3, column quantity: not a number: 'x'"), r.err());
        Path noColumn = dir.resolve("nocol.csv");
        Files.writeString(noColumn, "part_no,period,quantity\nP1,2026-01-05,2\n");
        r = run(new BacktestCommand(), "--history", noColumn.toString(), "--horizon", "3");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("missing column 'region'"), r.err());
    }
}
