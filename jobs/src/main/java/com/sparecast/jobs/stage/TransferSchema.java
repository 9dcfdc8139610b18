package com.sparecast.jobs.stage;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Columns of {@code plans/transfers.csv}: the contract's (part_no .. cost_of_new_order), then the
 * currency of the two costs and when the receiver's new order would arrive.
 */
public final class TransferSchema {

    public static final StructType TRANSFERS = new StructType()
            .add("part_no", DataTypes.StringType, false)
            .add("from_warehouse", DataTypes.StringType, false)
            .add("to_warehouse", DataTypes.StringType, false)
            .add("quantity", DataTypes.LongType, false)
            .add("ship_date", DataTypes.DateType, false)
            .add("expected_arrival", DataTypes.DateType, false)
            .add("cost", DataTypes.createDecimalType(18, 2), false)
            .add("cost_of_new_order", DataTypes.createDecimalType(18, 2), true)
            .add("currency", DataTypes.StringType, false)
            .add("new_order_arrival", DataTypes.DateType, true);

    private TransferSchema() {
    }

    /** The column names, in order. */
    public static List<String> columns() {
        return Arrays.stream(TRANSFERS.fields()).map(StructField::name).toList();
    }
}
