package com.sparecast.jobs.publish;

import com.sparecast.jobs.config.Settings;
import com.sparecast.jobs.stage.Datasets;
import com.sparecast.jobs.stage.DriverTasks;
import com.sparecast.jobs.stage.InputFingerprint;
import com.sparecast.jobs.stage.Stage;
import com.sparecast.jobs.stage.StageTasklet;
import com.sparecast.jobs.storage.LocalStorage;
import com.sparecast.jobs.storage.OutputClaim;
import com.sparecast.jobs.storage.Storage;
import com.sparecast.jobs.storage.StorageSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * Step {@code publishPlans}: lays out every output file of the contract in a local build folder,
 * one writer per file family, adds the report the step before wrote, then publishes the folder
 * atomically (data files, {@code manifest.json}, {@code _SUCCESS} last). The families are written
 * side by side ({@link DriverTasks}), each to its own files. Rows reach the driver
 * one partition at a time ({@code toLocalIterator}), sorted, so files are the same bytes on every
 * run and memory does not grow with the plan.
 */
public final class PublishPlansTasklet extends StageTasklet {

    public PublishPlansTasklet(Settings settings, Supplier<SparkSession> spark) {
        super(settings, spark);
    }

    @Override
    protected void run(Stage stage) throws Exception {
        Path build = stage.paths().dataset(Datasets.PUBLISH);
        LocalStorage.deleteRecursively(build);
        Files.createDirectories(build);
        Map<String, Long> rows = new ConcurrentSkipListMap<>();

        // Each family writes its own files; side by side, one's CSV is written on the driver while
        // another's rows are sorted or its single Parquet file written by one task. The longest first.
        DriverTasks.runAll("publish", List.of(
                () -> PlanFiles.write(stage, build, rows),
                () -> ForecastFile.write(stage, build),
                () -> CustomsDocumentFiles.write(stage, build),
                () -> RestockFiles.write(stage, build, rows),
                () -> ShipmentFiles.write(stage, build, rows),
                () -> QualityFiles.write(stage, build, rows),
                () -> TransferFiles.write(stage, build, rows),
                () -> copyReport(stage, build, rows)));

        InputFingerprint inputs = InputFingerprint.load(stage.settings().workDir(), stage.run().inputFingerprint());
        Manifest manifest = new Manifest(stage.stepExecution().getJobExecution().getId(), stage.run().planId(),
                stage.planningDate().toString(), "COMPLETED", Math.round(stage.secondsSinceRunStart() * 100) / 100.0,
                stage.run().inputFingerprint(), inputs.files(), Manifest.outputsOf(build, rows));
        manifest.write(build.resolve("manifest.json"));

        Storage output = Storage.of(stage.run().output(), StorageSettings.from(stage.settings()));
        // One publisher per output date (OutputClaim): another run publishing it is OutputClaimedException, exit 4.
        output.publishFolder(build, stage.planningDate().toString(), OutputClaim.Timing.from(stage.settings()));
        stage.countWritten(rows.values().stream().mapToLong(Long::longValue).sum());
    }

    /** report/ and plans/changes.csv: as {@code writeReport} staged them, with the row counts of its CSVs. */
    private static void copyReport(Stage stage, Path build, Map<String, Long> rows) throws IOException {
        Path report = stage.paths().dataset(Datasets.REPORT);
        try (Stream<Path> files = Files.walk(report)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = build.resolve("report").resolve(report.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.copy(stage.paths().dataset(Datasets.CHANGES), Files.createDirectories(build.resolve("plans"))
                .resolve("changes.csv"), StandardCopyOption.REPLACE_EXISTING);
        Map<?, ?> reportRows = stage.stagedValue(Datasets.REPORT_ROWS, Map.class);
        reportRows.forEach((path, count) -> rows.put((String) path, (Long) count));
    }

}
