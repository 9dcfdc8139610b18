package com.sparecast.jobs.publish;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Makes a Parquet file's footer the same bytes on every run.
 *
 * <p>parquet-java collects each column's encodings in a {@code HashSet} of enum constants, whose
 * order follows identity hash codes and so changes from one JVM to the next
 * (apache/parquet-java#3215, open). The same data then gives files that differ in a few footer
 * bytes. Sorting those lists restores byte-identical outputs; readers do not depend on the order.
 */
public final class ParquetFooters {

    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private ParquetFooters() {
    }

    /** Rewrites {@code file}'s footer with its encoding lists sorted. */
    public static void normalize(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int n = bytes.length;
        if (n < 12 || !tailIsMagic(bytes)) {
            throw new IOException(file + " is not a Parquet file");
        }
        int footerLength = ByteBuffer.wrap(bytes, n - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int footerStart = n - 8 - footerLength;
        FileMetaData metadata = Util.readFileMetaData(new ByteArrayInputStream(bytes, footerStart, footerLength));
        for (RowGroup group : metadata.getRow_groups()) {
            for (ColumnChunk chunk : group.getColumns()) {
                ColumnMetaData column = chunk.getMeta_data();
                if (column == null) {
                    continue;
                }
                column.getEncodings().sort(Comparator.comparingInt(e -> e.getValue()));
                if (column.getEncoding_stats() != null) {
                    column.getEncoding_stats().sort(Comparator
                            .comparingInt((PageEncodingStats s) -> s.getPage_type().getValue())
                            .thenComparingInt(s -> s.getEncoding().getValue()));
                }
            }
        }
        ByteArrayOutputStream footer = new ByteArrayOutputStream(footerLength);
        Util.writeFileMetaData(metadata, footer);
        ByteArrayOutputStream out = new ByteArrayOutputStream(n);
        out.write(bytes, 0, footerStart);
        footer.writeTo(out);
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(footer.size()).array());
        out.write(MAGIC);
        Files.write(file, out.toByteArray());
    }

    private static boolean tailIsMagic(byte[] bytes) {
        for (int i = 0; i < 4; i++) {
            if (bytes[bytes.length - 4 + i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }
}
