package com.sparecast.jobs.backtest;

import com.sparecast.jobs.input.DemandHistory;
import com.sparecast.jobs.input.Frequency;
import com.sparecast.jobs.input.InputFileException;
import com.sparecast.jobs.input.InstalledBaseFile;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of the commands that forecast a demand history ({@code backtest}, {@code forecast}):
 * the history file, its bucket, the horizon and an optional installed base, each read with an
 * error that names the option.
 */
final class HistoryOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--history", required = true, paramLabel = "FILE",
            description = "Long-format CSV (optionally .gz): part_no,region,period,quantity.")
    Path history;

    @Option(names = "--horizon", required = true, paramLabel = "H", description = "Periods to forecast, >= 1.")
    int horizon;

    @Option(names = "--frequency", paramLabel = "week|month",
            description = "Bucket of the periods (default: month if every period is a first of month, else week).")
    String frequency;

    @Option(names = "--installed-base", paramLabel = "FILE",
            description = "Optional units in the field (installed_base.csv: part_no, region or country, period or month, "
                    + "units_in_field): the installed-base method joins the automatic choice's candidates for the "
                    + "series it covers.")
    Path installedBase;

    /** The horizon, {@code >= 1}. */
    int horizon() {
        if (horizon < 1) {
            throw new ParameterException(spec.commandLine(), "--horizon must be >= 1, got " + horizon);
        }
        return horizon;
    }

    /** The bucket given, or null to infer it from the periods. */
    Frequency frequency() {
        if (frequency == null) {
            return null;
        }
        try {
            return Frequency.parse(frequency);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--frequency: " + e.getMessage());
        }
    }

    /** The history, in bucket {@code f} (null: inferred); a history without rows is a usage error. */
    DemandHistory readHistory(Frequency f) throws IOException {
        DemandHistory h = read("--history", history, file -> DemandHistory.read(file, f));
        if (h.series().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--history: " + history + ": no rows");
        }
        return h;
    }

    /** The installed base in bucket {@code f}, or null if none was given. */
    InstalledBaseFile readInstalledBase(Frequency f) throws IOException {
        return installedBase == null ? null
                : read("--installed-base", installedBase, file -> InstalledBaseFile.read(file, f));
    }

    /** A reader of one option's file. */
    @FunctionalInterface
    private interface Reader<T> {
        T read(Path file) throws IOException, InputFileException;
    }

    /** Reads an option's file; a missing or malformed file is a usage error that names the option. */
    private <T> T read(String option, Path file, Reader<T> reader) throws IOException {
        try {
            return reader.read(file);
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), option + ": no such file: " + file);
        } catch (InputFileException | com.sparecast.jobs.storage.UnsafeInputException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }
}
