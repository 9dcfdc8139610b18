package com.sparecast.jobs.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Spark schemas of the ingest step's rows. */
public final class IngestSchema {

    /** reject_column, reject_reason, reject_message, raw. */
    static final int REJECT_FIELDS = 4;

    public static final String SOURCE_FILE = "source_file";
    public static final String SOURCE_LINE = "source_line";
    public static final String REJECT_COLUMN = "reject_column";
    public static final String REJECT_REASON = "reject_reason";
    public static final String REJECT_MESSAGE = "reject_message";
    public static final String RAW = "raw";

    private IngestSchema() {
    }

    /** Every parsed row: where it came from, its typed values, and a reject reason or nulls. */
    public static StructType parsed(Feed feed) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField(SOURCE_FILE, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(SOURCE_LINE, DataTypes.LongType, false));
        for (Column column : feed.keptColumns()) {
            fields.add(DataTypes.createStructField(column.name(), typeOf(column.kind()), true));
        }
        fields.add(DataTypes.createStructField(REJECT_COLUMN, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(REJECT_REASON, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(REJECT_MESSAGE, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(RAW, DataTypes.StringType, true));
        return DataTypes.createStructType(fields);
    }

    private static DataType typeOf(ColumnKind kind) {
        return switch (kind) {
            case DATE -> DataTypes.DateType;
            case QUANTITY, COUNT -> DataTypes.LongType;
            default -> DataTypes.StringType;
        };
    }
}
