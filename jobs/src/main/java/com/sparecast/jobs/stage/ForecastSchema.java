package com.sparecast.jobs.stage;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Columns of the forecast step's output, one row per (part, region) series. */
public final class ForecastSchema {

    /** Region of the series that sums a part's demand over all regions. */
    public static final String ALL_REGIONS = "ALL";

    /** Probabilities of the per-period quantiles carried with every forecast. */
    public static final double[] QUANTILES = {0.5, 0.8, 0.9, 0.95};

    public static final StructType SERIES = new StructType()
            .add("part_no", DataTypes.StringType, false)
            .add("region", DataTypes.StringType, false)
            .add("first_week", DataTypes.DateType, false)
            .add("history", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
            .add("method", DataTypes.StringType, false)
            .add("method_reason", DataTypes.StringType, false)
            .add("demand_class", DataTypes.StringType, false)
            .add("adi", DataTypes.DoubleType, false)
            .add("cv2", DataTypes.DoubleType, false)
            .add("zero_share", DataTypes.DoubleType, false)
            .add("mean_per_week", DataTypes.DoubleType, false)
            .add("error_variance", DataTypes.DoubleType, false)
            // Element k - 1: the error variance of demand summed over k weeks (SeriesForecast.spanErrorVariance).
            .add("span_error_variance", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
            .add("forecast", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
            .add("quantiles", DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.DoubleType, false), false), false)
            .add("error", DataTypes.StringType, true);

    private ForecastSchema() {
    }
}
