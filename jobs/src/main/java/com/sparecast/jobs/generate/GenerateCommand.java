package com.sparecast.jobs.generate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sparecast generate}: writes a complete synthetic input set with its ground truth.
 * Usage errors (unknown profile, bad date, output already holding an input set without
 * {@code --force}) exit 2 through picocli's parameter exception handling.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes a complete synthetic input set (shipments/, failures/, returns/, master/) whose "
                + "history ends the day before --end, and the ground truth it was drawn from (ground_truth/).",
            "Same arguments, same bytes."})
public class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", required = true, paramLabel = "small|medium|large",
            description = "Size: small (a few hundred series), medium (~10k series), large (>= 200k series, >= 30M events).",
            converter = ProfileConverter.class)
    Profile profile;

    @Option(names = "--events-scale", defaultValue = "1", paramLabel = "N",
            description = "Write every order line, failure and return N times (1 to 8): the same series with N times "
                    + "the event rows and demand, for benchmarks (default: ${DEFAULT-VALUE}).")
    int eventsScale;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--end", paramLabel = "YYYY-MM-DD",
            description = "Planning date: the history ends the day before (default: today, UTC).")
    LocalDate end;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Folder to write the input set to.")
    Path output;

    @Option(names = "--force", description = "Replace an input set already in the output folder "
            + "(only the folders the generator writes are deleted).")
    boolean force;

    @Override
    public Integer call() throws IOException {
        LocalDate planningDate = end != null ? end : LocalDate.now(ZoneOffset.UTC);
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--output is not a folder: " + output);
        }
        if (!force) {
            for (String folder : InputSetGenerator.OWNED_FOLDERS) {
                if (Files.exists(output.resolve(folder))) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--output already holds an input set (" + output.resolve(folder) + "); use --force to replace it");
                }
            }
        }
        if (eventsScale < 1 || eventsScale > 8) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--events-scale must be 1 to 8, got " + eventsScale);
        }
        long started = System.nanoTime();
        GenerationSummary summary = new InputSetGenerator().generate(profile, eventsScale, seed, planningDate, output);
        double seconds = (System.nanoTime() - started) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "generated %s (seed %d) for planning date %s into %s in %.1f s%n",
                summary.profile(), seed, planningDate, output, seconds);
        out.printf(Locale.ROOT, "history %s .. %s (%d weeks): %d parts, %d series (%d with demand), "
                        + "%d shipments, %d failures, %d returns%n",
                summary.historyStart(), summary.historyEnd(), summary.weeks(), summary.parts(), summary.series(),
                summary.seriesWithHistory(), summary.shipments(), summary.failures(), summary.returns());
        out.flush();
        return 0;
    }

    /** Accepts small, medium, large in any case. */
    static final class ProfileConverter implements CommandLine.ITypeConverter<Profile> {
        @Override
        public Profile convert(String value) {
            try {
                return Profile.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected small, medium or large but was '" + value + "'");
            }
        }
    }

    /** For running the command on its own: {@code java -cp ... com.sparecast.jobs.generate.GenerateCommand}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new GenerateCommand()).execute(args));
    }
}
