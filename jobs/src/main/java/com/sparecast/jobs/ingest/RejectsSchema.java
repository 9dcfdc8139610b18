package com.sparecast.jobs.ingest;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The columns of {@code quality/rejected/<feed>.csv}, in order. */
public final class RejectsSchema {

    public static final StructType SCHEMA = DataTypes.createStructType(new org.apache.spark.sql.types.StructField[] {
        DataTypes.createStructField("feed", DataTypes.StringType, false),
        DataTypes.createStructField("file", DataTypes.StringType, false),
        DataTypes.createStructField("line", DataTypes.LongType, false),
        DataTypes.createStructField("column", DataTypes.StringType, true),
        DataTypes.createStructField("reason_code", DataTypes.StringType, false),
        DataTypes.createStructField("message", DataTypes.StringType, true),
        DataTypes.createStructField("raw", DataTypes.StringType, true),
    });

    private RejectsSchema() {
    }
}
