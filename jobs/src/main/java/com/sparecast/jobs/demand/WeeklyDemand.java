package com.sparecast.jobs.demand;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sum;

import com.sparecast.jobs.input.MasterData;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Weekly demand per (final part, region) from accepted event rows: what step
 * {@code aggregateDemand} writes, and what {@code sparecast history} writes for an input folder.
 * The country of an event gives its region ({@code regions.csv}); a superseded part's events
 * move to the last part of its chain ({@link Supersession}); only ISO weeks that start before
 * the first incomplete week count.
 */
public final class WeeklyDemand {

    private WeeklyDemand() {
    }

    private static final Date A_MONDAY = Date.valueOf("1970-01-05");

    /**
     * Sums {@code quantity} per (final part, region, ISO week) for weeks starting before
     * {@code firstIncompleteWeek}: columns {@code part_no, region, week, quantity}.
     *
     * @param events rows with {@code part_no}, {@code country}, {@code quantity} and {@code dateColumn}
     * @param regions {@code country, region}, see {@link #regions}
     * @param finalParts {@code part_no, final_part_no}, see {@link #finalParts}
     */
    public static Dataset<Row> weekly(Dataset<Row> events, String dateColumn, Dataset<Row> regions,
                                      Dataset<Row> finalParts, LocalDate firstIncompleteWeek) {
        // The Monday of the date's ISO week by day arithmetic: date_trunc works on timestamps, and
        // its two conversions between date and timestamp were a tenth of the step on large.
        Column date = col(dateColumn);
        Column week = date_sub(date, pmod(datediff(date, lit(A_MONDAY)), lit(7)));
        return events
                .join(broadcast(regions), "country")
                .join(broadcast(finalParts), "part_no")
                .withColumn("week", week)
                .filter(col("week").lt(lit(Date.valueOf(firstIncompleteWeek))))
                .groupBy(col("final_part_no").as("part_no"), col("region"), col("week"))
                .agg(sum("quantity").as("quantity"));
    }

    /** {@code country, region} of the master data. */
    public static Dataset<Row> regions(SparkSession spark, MasterData master) {
        return mapping(spark, master.regionOfCountry(), "country", "region");
    }

    /** {@code part_no, final_part_no}: the last part of each part's supersession chain. */
    public static Dataset<Row> finalParts(SparkSession spark, MasterData master) {
        return mapping(spark, Supersession.of(master.parts()).finalPart(), "part_no", "final_part_no");
    }

    private static Dataset<Row> mapping(SparkSession spark, Map<String, String> map, String key, String value) {
        List<Row> rows = map.entrySet().stream().map(e -> RowFactory.create(e.getKey(), e.getValue())).toList();
        return spark.createDataFrame(rows, new StructType().add(key, "string", false).add(value, "string", false));
    }
}
