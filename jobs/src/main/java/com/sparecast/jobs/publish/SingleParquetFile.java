package com.sparecast.jobs.publish;

import com.sparecast.jobs.storage.LocalStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/** A dataset published as one Parquet file, in the order given, with footers that are the same bytes on every run. */
final class SingleParquetFile {

    private SingleParquetFile() {
    }

    static void write(Dataset<Row> data, Path target) throws IOException {
        Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        LocalStorage.deleteRecursively(temporary);
        data.coalesce(1).write().mode(SaveMode.Overwrite).parquet(temporary.toUri().toString());
        Files.createDirectories(target.getParent());
        try (Stream<Path> files = Files.list(temporary)) {
            Path part = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst()
                    .orElseThrow(() -> new IOException("Spark wrote no Parquet file in " + temporary));
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
        ParquetFooters.normalize(target);
        LocalStorage.deleteRecursively(temporary);
    }
}
