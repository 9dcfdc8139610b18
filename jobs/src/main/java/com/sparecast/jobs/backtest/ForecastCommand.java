package com.sparecast.jobs.backtest;

import com.sparecast.jobs.input.DemandHistory;
import com.sparecast.jobs.input.DemandHistory.SeriesData;
import com.sparecast.jobs.input.Frequency;
import com.sparecast.jobs.input.InstalledBaseFile;
import com.sparecast.models.distribution.LeadTimeDemandModel;
import com.sparecast.models.selection.AutomaticForecaster;
import com.sparecast.models.selection.SeriesForecast;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sparecast forecast}: per-series forecasts of a long-format demand history with the
 * automatically chosen method and per-period quantiles.
 *
 * <p>Output, one row per series and future period, sorted by part_no, region, period:
 * {@code part_no, region, period, step, method, demand_class, mean, q10, q50, q90, q95, reason}.
 * A {@code .gz} output name is gzipped. Text cells that a spreadsheet would run as a formula get
 * a leading {@code '} (CONTRACT.md).
 */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = {"Per-series forecasts with the automatically chosen method and per-period quantiles.",
            "Writes part_no,region,period,step,method,demand_class,mean,q10,q50,q90,q95,reason."})
public class ForecastCommand implements Callable<Integer> {

    /** The quantiles written, as probabilities. */
    static final double[] PROBABILITIES = {0.1, 0.5, 0.9, 0.95};

    /** The header of the output. */
    static final List<String> HEADER = List.of("part_no", "region", "period", "step", "method", "demand_class", "mean",
            "q10", "q50", "q90", "q95", "reason");

    @Spec
    CommandSpec spec;

    @Mixin
    HistoryOptions input;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "CSV to write (.gz to compress).")
    Path output;

    private record Row(SeriesData series, SeriesForecast forecast, double[][] quantiles) {
    }

    @Override
    public Integer call() throws IOException {
        int horizon = input.horizon();
        Frequency f = input.frequency();
        long t0 = System.nanoTime();
        DemandHistory h = input.readHistory(f);
        InstalledBaseFile base = input.readInstalledBase(h.frequency());
        AutomaticForecaster auto = AutomaticForecaster.withDefaults()
                .withDefaultChosenOn(h.series().stream().map(SeriesData::demand).toList(), horizon);
        LeadTimeDemandModel model = LeadTimeDemandModel.withDefaults();
        List<Row> rows = h.series().parallelStream().map(s -> {
            double[] units = base == null ? null
                    : base.unitsFor(s.partNo(), s.region(), s.start(), s.demand().length + horizon);
            SeriesForecast fc = auto.forecast(s.demand(), horizon, units);
            return new Row(s, fc, model.quantiles(fc, PROBABILITIES));
        }).toList();
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream raw = Files.newOutputStream(output);
             OutputStream stream = output.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw;
             Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
             CSVPrinter csv = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get().print(writer)) {
            csv.printRecord(HEADER);
            for (Row r : rows) {
                LocalDate next = h.frequency().plus(h.end(), 1);
                for (int step = 0; step < horizon; step++) {
                    double[] q = r.quantiles()[step];
                    csv.printRecord(safe(r.series().partNo()), safe(r.series().region()),
                            h.frequency().plus(next, step), step + 1, r.forecast().method(), r.forecast().demandClass(),
                            number(r.forecast().mean()[step]), number(q[0]), number(q[1]), number(q[2]), number(q[3]),
                            safe(r.forecast().reason()));
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(summary(h, rows, (System.nanoTime() - t0) / 1e9));
        out.flush();
        return 0;
    }

    private static String summary(DemandHistory h, List<Row> rows, double seconds) {
        Map<String, Integer> byMethod = new TreeMap<>();
        Map<String, Integer> byClass = new TreeMap<>();
        for (Row r : rows) {
            byMethod.merge(r.forecast().method(), 1, Integer::sum);
            byClass.merge(r.forecast().demandClass().name(), 1, Integer::sum);
        }
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%d series, %s buckets %s to %s, forecast from %s%n", rows.size(),
                h.frequency().label(), h.start(), h.end(), h.frequency().plus(h.end(), 1)));
        b.append(String.format(Locale.ROOT, "%-28s %8s%n", "method", "series"));
        byMethod.forEach((k, v) -> b.append(String.format(Locale.ROOT, "%-28s %8d%n", k, v)));
        b.append(String.format(Locale.ROOT, "%-28s %8s%n", "demand class", "series"));
        byClass.forEach((k, v) -> b.append(String.format(Locale.ROOT, "%-28s %8d%n", k, v)));
        b.append(String.format(Locale.ROOT, "%.2f s%n", seconds));
        return b.toString();
    }

    /** A number as plain text, rounded to 6 decimals (deterministic and readable). */
    static String number(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v);
        s = s.indexOf('.') >= 0 ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    /** A text cell a spreadsheet would run as a formula gets a leading apostrophe (CONTRACT.md). */
    static String safe(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
