package com.sparecast.jobs.backtest;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sparecast history}: the weekly demand history of an input folder (shipments per ISO
 * week, part and region, superseded parts moved to the last part of their chain, complete weeks
 * only), in the long format {@code backtest}, {@code forecast} and {@code simulate} read. See
 * {@link ShipmentHistory}.
 */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Weekly demand history (part_no,region,period,quantity) of an input folder's shipments,",
            "mapped to regions by master/regions.csv and to the last part of each supersession chain."})
public final class HistoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "DIR",
            description = "Input folder with shipments/*.csv, master/regions.csv and master/parts.csv.")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "History CSV to write.")
    Path output;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "Planning date: only weeks that end before it count (default: the day after the last ship date).")
    String date;

    @Override
    public Integer call() throws IOException {
        LocalDate planning = null;
        if (date != null) {
            try {
                planning = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new ParameterException(spec.commandLine(), "--date: not an ISO date: " + date);
            }
        }
        if (!Files.isDirectory(input)) {
            throw new ParameterException(spec.commandLine(), "--input: no such folder: " + input);
        }
        long started = System.nanoTime();
        ShipmentHistory.Counts c;
        try {
            c = ShipmentHistory.convert(input, planning, output);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--input: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%d shipment rows: %d used, %d skipped (unknown country, bad date or quantity), %d in "
                        + "incomplete or later weeks%n%d series, %d non-zero weeks, %s to %s, written to %s (%.1f s)%n",
                c.rowsRead(), c.rowsUsed(), c.rowsSkipped(), c.rowsAfterLastCompleteWeek(), c.series(), c.buckets(),
                c.firstWeek(), c.lastWeek(), output, (System.nanoTime() - started) / 1e9);
        out.flush();
        return 0;
    }
}
