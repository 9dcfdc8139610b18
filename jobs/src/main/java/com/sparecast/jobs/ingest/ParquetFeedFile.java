package com.sparecast.jobs.ingest;

import com.sparecast.jobs.storage.LocalStorage;
import com.sparecast.jobs.storage.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * One Parquet file of a feed, read row by row with parquet-hadoop's example {@link Group}
 * reader, each row turned into the text of the feed's columns so it goes through the same
 * checks as a CSV row. A file in S3 is first copied to a local temporary file (Parquet needs
 * random access to its footer); memory stays bounded by one row group.
 *
 * <p>Dates may be Parquet {@code DATE}, timestamps ({@code INT96} as Spark writes them, or
 * {@code TIMESTAMP} millis, micros or nanos; taken as UTC) or ISO-8601 strings; quantities
 * integers, decimals or strings.
 */
final class ParquetFeedFile implements AutoCloseable {

    /** Julian day number of 1970-01-01, for Parquet's INT96 timestamps. */
    private static final long JULIAN_EPOCH_DAY = 2_440_588L;

    private final Path temporary;
    private final ParquetReader<Group> reader;
    private final int[] fieldIndex;
    private final String missingColumn;
    private long rowNumber;

    private ParquetFeedFile(Path temporary, ParquetReader<Group> reader, int[] fieldIndex, String missingColumn) {
        this.temporary = temporary;
        this.reader = reader;
        this.fieldIndex = fieldIndex;
        this.missingColumn = missingColumn;
    }

    /**
     * Reads every row of {@code file} once, as a check before another reader (Spark) takes it: a
     * fault of the storage is an {@link IOException} (a rerun may fix it), a file that is not
     * readable Parquet is {@link Unreadable} (it is rejected as a file).
     */
    static void requireReadable(Storage storage, String file) throws IOException {
        Path temporary = storage instanceof LocalStorage ? null : localCopy(storage, file);
        Path local = temporary == null ? ((LocalStorage) storage).root().resolve(file) : temporary;
        try (ParquetReader<Group> reader = new GroupReader(new LocalInputFile(local)).build()) {
            while (reader.read() != null) {
                // every page decoded
            }
        } catch (IOException | RuntimeException e) {
            throw new Unreadable(e);
        } finally {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** A local temporary copy of a file of a remote storage (Parquet needs random access to its footer). */
    private static Path localCopy(Storage storage, String file) throws IOException {
        Path temporary = Files.createTempFile("sparecast-ingest-", ".parquet");
        try (InputStream in = storage.open(file)) {
            Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        return temporary;
    }

    static ParquetFeedFile open(Storage storage, String file, Feed feed) throws IOException {
        Path local;
        Path temporary = null;
        if (storage instanceof LocalStorage folder) {
            local = folder.root().resolve(file);
        } else {
            temporary = localCopy(storage, file);
            local = temporary;
        }
        try {
            InputFile input = new LocalInputFile(local);
            MessageType schema;
            try (ParquetFileReader footer = ParquetFileReader.open(input)) {
                schema = footer.getFileMetaData().getSchema();
            }
            List<Column> columns = feed.columns();
            int[] fieldIndex = new int[columns.size()];
            String missing = null;
            for (int c = 0; c < columns.size(); c++) {
                String name = columns.get(c).name();
                boolean present = schema.containsField(name) && schema.getType(name).isPrimitive()
                        && !schema.getType(name).isRepetition(Type.Repetition.REPEATED);
                fieldIndex[c] = present ? schema.getFieldIndex(name) : -1;
                if (!present && columns.get(c).required() && missing == null) {
                    missing = name;
                }
            }
            return new ParquetFeedFile(temporary, new GroupReader(input).build(), fieldIndex, missing);
        } catch (IOException | RuntimeException e) {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
            // The bytes are local now: what fails here is the file itself, not the storage.
            throw new Unreadable(e);
        }
    }

    /** The file is not readable Parquet (a corrupt footer, page or row): the file is rejected, the run goes on. */
    static final class Unreadable extends IOException {
        private static final long serialVersionUID = 1L;

        Unreadable(Exception cause) {
            super(firstLine(cause), cause);
        }

        private static String firstLine(Exception cause) {
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            int cut = message.indexOf('\n');
            return cut < 0 ? message : message.substring(0, cut);
        }
    }

    /** The first required column the file lacks, or null. */
    String missingColumn() {
        return missingColumn;
    }

    /** Position of the row last returned by {@link #next()}, from 1. */
    long rowNumber() {
        return rowNumber;
    }

    /** The text of each of the feed's columns in the next row ({@code ""} for null or absent), or null at the end. */
    String[] next() throws IOException {
        try {
            return nextRow();
        } catch (IOException | RuntimeException e) {
            throw new Unreadable(e);
        }
    }

    private String[] nextRow() throws IOException {
        Group group = reader.read();
        if (group == null) {
            return null;
        }
        rowNumber++;
        String[] texts = new String[fieldIndex.length];
        for (int c = 0; c < fieldIndex.length; c++) {
            int field = fieldIndex[c];
            texts[c] = field < 0 || group.getFieldRepetitionCount(field) == 0 ? ""
                    : text(group, field, group.getType().getType(field).asPrimitiveType());
        }
        return texts;
    }

    private static String text(Group group, int field, PrimitiveType type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        switch (type.getPrimitiveTypeName()) {
            case INT32:
                if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
                    return LocalDate.ofEpochDay(group.getInteger(field, 0)).toString();
                }
                if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
                    return BigDecimal.valueOf(group.getInteger(field, 0), decimal.getScale()).toPlainString();
                }
                return Integer.toString(group.getInteger(field, 0));
            case INT64:
                if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation timestamp) {
                    long value = group.getLong(field, 0);
                    Instant instant = switch (timestamp.getUnit()) {
                        case MILLIS -> Instant.ofEpochMilli(value);
                        case MICROS -> Instant.EPOCH.plus(value, ChronoUnit.MICROS);
                        case NANOS -> Instant.EPOCH.plusNanos(value);
                    };
                    return instant.atOffset(ZoneOffset.UTC).toString();
                }
                if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
                    return BigDecimal.valueOf(group.getLong(field, 0), decimal.getScale()).toPlainString();
                }
                return Long.toString(group.getLong(field, 0));
            case INT96: {
                ByteBuffer bytes = group.getInt96(field, 0).toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                long nanosOfDay = bytes.getLong();
                long julianDay = bytes.getInt();
                return Instant.EPOCH.plus(julianDay - JULIAN_EPOCH_DAY, ChronoUnit.DAYS).plusNanos(nanosOfDay)
                        .atOffset(ZoneOffset.UTC).toString();
            }
            case BINARY:
            case FIXED_LEN_BYTE_ARRAY:
                if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
                    return new BigDecimal(new BigInteger(group.getBinary(field, 0).getBytes()), decimal.getScale())
                            .toPlainString();
                }
                return group.getBinary(field, 0).toStringUsingUTF8();
            default:
                return group.getValueToString(field, 0);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } finally {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** parquet-hadoop's reader of example {@link Group}s over an {@link InputFile}. */
    private static final class GroupReader extends ParquetReader.Builder<Group> {
        GroupReader(InputFile file) {
            super(file);
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }
}
