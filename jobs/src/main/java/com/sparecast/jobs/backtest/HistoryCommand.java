package com.sparecast.jobs.backtest;

import com.sparecast.jobs.config.Settings;
import com.sparecast.jobs.input.MasterDataException;
import com.sparecast.jobs.spark.SparkSessions;
import com.sparecast.jobs.storage.LocalStorage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sparecast history}: the weekly demand history of an input folder (shipments per ISO
 * week, part and region, superseded parts moved to the last part of their chain, complete weeks
 * only), in the long format {@code backtest}, {@code forecast} and {@code simulate} read,
 * computed by the nightly job's own ingest checks and weekly aggregation on a local Spark
 * session. See {@link InputFolderHistory}.
 */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Weekly demand history (part_no,region,period,quantity) of an input folder's shipments,",
            "checked and aggregated as the nightly job does: rows its ingest step rejects are left out, countries",
            "map to regions by master/regions.csv and parts to the last part of their supersession chain."})
public final class HistoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "DIR",
            description = "Input folder with shipments/ (CSV or Parquet) and master/ as the nightly job reads them.")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "History CSV to write.")
    Path output;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = {"Planning date: only weeks that end before it count, and shipments after it are rejected",
                "as the nightly job rejects them (default: the day after the last accepted ship date)."})
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
        InputFolderHistory.Counts c;
        boolean ownSession = SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
        Path localDir = ownSession ? Files.createTempDirectory("sparecast-history") : null;
        SparkSession spark = ownSession
                ? SparkSessions.create("local[*]", Settings.load(null), localDir) : SparkSession.active();
        try {
            c = InputFolderHistory.convert(spark, new LocalStorage(input.toAbsolutePath()), planning, output);
        } catch (MasterDataException e) {
            throw new ParameterException(spec.commandLine(), "--input: " + e.getMessage());
        } finally {
            if (ownSession) {
                spark.stop();
                try (Stream<Path> files = Files.walk(localDir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
        List<String> reasons = new ArrayList<>();
        c.rejected().forEach((reason, n) -> reasons.add(reason + " " + n));
        long rejected = c.rejected().values().stream().mapToLong(Long::longValue).sum();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%d shipment rows: %d used, %d rejected by the ingest checks%s, %d in incomplete or later"
                        + " weeks%n%d series, %d non-zero weeks, %s to %s, written to %s (%.1f s)%n",
                c.rowsRead(), c.rowsUsed(), rejected, reasons.isEmpty() ? "" : " (" + String.join(", ", reasons) + ")",
                c.rowsInLaterWeeks(), c.series(), c.buckets(), c.firstWeek(), c.lastWeek(), output,
                (System.nanoTime() - started) / 1e9);
        out.flush();
        return 0;
    }
}
