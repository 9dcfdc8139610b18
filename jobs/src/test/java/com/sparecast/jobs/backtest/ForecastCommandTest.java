package com.sparecast.jobs.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.jobs.input.DemandHistory;
import com.sparecast.jobs.input.Frequency;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesOneRowPerSeriesAndFuturePeriodWithOrderedQuantiles() throws Exception {
        Path out = dir.resolve("out/forecasts.csv");
        BacktestCommandTest.Run r = BacktestCommandTest.run(new ForecastCommand(), "--history",
                BacktestCommandTest.fixture().toString(), "--horizon", "6", "--output", out.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(String.join(",", ForecastCommand.HEADER), lines.get(0));
        assertEquals(1 + 40 * 6, lines.size());
        assertTrue(lines.get(1).startsWith("RAF-0001,ALL,2003-01-01,1,"), lines.get(1));
        assertTrue(lines.get(6).startsWith("RAF-0001,ALL,2003-06-01,6,"), lines.get(6));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", 12);
            double mean = Double.parseDouble(c[6]);
            double q10 = Double.parseDouble(c[7]);
            double q50 = Double.parseDouble(c[8]);
            double q90 = Double.parseDouble(c[9]);
            double q95 = Double.parseDouble(c[10]);
            assertTrue(mean >= 0 && q10 <= q50 && q50 <= q90 && q90 <= q95, line);
            assertTrue(List.of("SMOOTH", "ERRATIC", "INTERMITTENT", "LUMPY", "NO_DEMAND").contains(c[5]), line);
        }
        assertTrue(r.out().startsWith("40 series, month buckets 1996-01-01 to 2002-12-01, forecast from 2003-01-01"),
                r.out());
        // Deterministic: a second run writes the same bytes.
        Path again = dir.resolve("again.csv");
        BacktestCommandTest.run(new ForecastCommand(), "--history", BacktestCommandTest.fixture().toString(),
                "--horizon", "6", "--output", again.toString());
        assertEquals(Files.readString(out), Files.readString(again));
    }

    @Test
    void weeklyHistoryWithGapsAndGzipOutput() throws Exception {
        Path history = dir.resolve("weekly.csv");
        // P1 has weeks 1 and 4 (2 and 3 missing = zero; two rows of week 4 add up); P2 starts
        // later; the file ends in week 6.
        Files.writeString(history, """
                part_no,region,period,quantity
                P1,EU,2026-01-05,3
                P1,EU,2026-01-26,1
                P1,EU,2026-01-26,1
                P2,US,2026-01-19,4
                =cmd,US,2026-02-09,2
                """);
        DemandHistory h = DemandHistory.read(history, null);
        assertEquals(Frequency.WEEK, h.frequency());
        assertEquals(List.of("=cmd", "P1", "P2"), h.series().stream().map(DemandHistory.SeriesData::partNo).toList());
        assertEquals(List.of(3.0, 0.0, 0.0, 2.0, 0.0, 0.0),
                java.util.Arrays.stream(h.series().get(1).demand()).boxed().toList());
        assertEquals(List.of(4.0, 0.0, 0.0, 0.0), java.util.Arrays.stream(h.series().get(2).demand()).boxed().toList());
        Path out = dir.resolve("f.csv.gz");
        BacktestCommandTest.Run r = BacktestCommandTest.run(new ForecastCommand(), "--history", history.toString(),
                "--horizon", "2", "--output", out.toString());
        assertEquals(0, r.exit(), r.err());
        String text;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(out))) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            text = b.toString(StandardCharsets.UTF_8);
        }
        List<String> lines = text.lines().toList();
        assertEquals(7, lines.size());
        assertTrue(lines.get(1).startsWith("'=cmd,US,2026-02-16,1,"), "formula-looking text is escaped: " + lines.get(1));
        assertTrue(lines.get(3).startsWith("P1,EU,2026-02-16,1,"), lines.get(3));
    }

    @Test
    void installedBaseJoinsTheCandidates() throws Exception {
        // P1 fails once a month per 100 units of a fleet that grows by 100 units every 6 months.
        StringBuilder history = new StringBuilder("part_no,region,period,quantity\n");
        StringBuilder base = new StringBuilder("part_no,country,month,units_in_field\n");
        java.time.LocalDate start = java.time.LocalDate.of(2022, 1, 1);
        for (int t = 0; t < 54; t++) {
            int units = 100 * (2 + t / 6);
            java.time.LocalDate month = start.plusMonths(t);
            if (t < 48) {
                history.append("P1,EU,").append(month).append(',').append(units / 100).append('\n');
            }
            base.append("P1,EU,").append(month.toString(), 0, 7).append(',').append(units).append('\n');
        }
        Path h = dir.resolve("h.csv");
        Path b = dir.resolve("installed_base.csv");
        Files.writeString(h, history);
        Files.writeString(b, base);
        Path out = dir.resolve("ib.csv");
        BacktestCommandTest.Run r = BacktestCommandTest.run(new ForecastCommand(), "--history", h.toString(),
                "--horizon", "6", "--installed-base", b.toString(), "--output", out.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.get(1).startsWith("P1,EU,2026-01-01,1,InstalledBase,SMOOTH,10,"), lines.get(1));
        assertTrue(lines.get(6).startsWith("P1,EU,2026-06-01,6,InstalledBase,SMOOTH,10,"), lines.get(6));
        Path missing = dir.resolve("none.csv");
        r = BacktestCommandTest.run(new ForecastCommand(), "--history", h.toString(), "--horizon", "6",
                "--installed-base", missing.toString(), "--output", out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("--installed-base: no such file"), r.err());
    }
}
