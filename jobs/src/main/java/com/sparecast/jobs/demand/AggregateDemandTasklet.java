package com.sparecast.jobs.demand;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;

import com.sparecast.jobs.batch.RunRequest;
import com.sparecast.jobs.batch.StageTasklet;
import com.sparecast.jobs.ingest.Feed;
import com.sparecast.jobs.ingest.IngestEventsTasklet;
import com.sparecast.jobs.input.MasterData;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Step {@code aggregateDemand}: weekly demand per (part, region) from the accepted shipments,
 * with superseded parts' history moved to the last part of their chain; and the same weekly
 * totals for refurbishable returns and field failures. Only complete ISO weeks before the
 * planning date are kept.
 */
public final class AggregateDemandTasklet extends StageTasklet {

    public static final String WEEKLY_DEMAND = "demand/weekly";
    public static final String WEEKLY_RETURNS = "demand/refurbishable_returns";
    public static final String WEEKLY_FAILURES = "demand/failures";

    public AggregateDemandTasklet(RunRequest request, Supplier<SparkSession> spark) {
        super(request, spark);
    }

    @Override
    protected void run(Stage stage) throws Exception {
        MasterData master = MasterData.load(stage.input());
        SparkSession spark = stage.spark();
        Dataset<Row> regions = mapping(spark, master.regionOfCountry(), "country", "region");
        Dataset<Row> finalParts = mapping(spark, Supersession.of(master.parts()).finalPart(), "part_no", "final_part_no");
        LocalDate firstIncompleteWeek = firstIncompleteWeek(stage.planningDate());

        Dataset<Row> shipments = IngestEventsTasklet.accepted(stage, Feed.SHIPMENTS);
        Dataset<Row> weekly = weekly(shipments, "ship_date", regions, finalParts, firstIncompleteWeek);
        weekly.write().mode(SaveMode.Overwrite).parquet(stage.paths().uri(WEEKLY_DEMAND));

        Dataset<Row> returns = IngestEventsTasklet.accepted(stage, Feed.RETURNS)
                .filter(col("condition").equalTo("REFURBISHABLE"));
        weekly(returns, "return_date", regions, finalParts, firstIncompleteWeek)
                .write().mode(SaveMode.Overwrite).parquet(stage.paths().uri(WEEKLY_RETURNS));
        weekly(IngestEventsTasklet.accepted(stage, Feed.FAILURES), "failure_date", regions, finalParts, firstIncompleteWeek)
                .write().mode(SaveMode.Overwrite).parquet(stage.paths().uri(WEEKLY_FAILURES));

        Dataset<Row> written = spark.read().parquet(stage.paths().uri(WEEKLY_DEMAND));
        stage.countRead(shipments.count());
        stage.countWritten(written.count());
    }

    /**
     * The first week not wholly observed: history ends the day before the planning date, so the
     * planning date's own week is partial (or, on a Monday, empty).
     */
    public static LocalDate firstIncompleteWeek(LocalDate planningDate) {
        return isoWeekStart(planningDate);
    }

    /** The Monday of {@code date}'s ISO week. */
    public static LocalDate isoWeekStart(LocalDate date) {
        return date.minusDays(date.getDayOfWeek().getValue() - 1L);
    }

    /**
     * Sums {@code quantity} per (final part, region, ISO week) for weeks starting before
     * {@code firstIncompleteWeek}.
     */
    static Dataset<Row> weekly(Dataset<Row> events, String dateColumn, Dataset<Row> regions, Dataset<Row> finalParts,
                               LocalDate firstIncompleteWeek) {
        Column week = to_date(date_trunc("week", col(dateColumn)));
        return events
                .join(org.apache.spark.sql.functions.broadcast(regions), "country")
                .join(org.apache.spark.sql.functions.broadcast(finalParts), "part_no")
                .withColumn("week", week)
                .filter(col("week").lt(lit(Date.valueOf(firstIncompleteWeek))))
                .groupBy(col("final_part_no").as("part_no"), col("region"), col("week"))
                .agg(sum("quantity").as("quantity"));
    }

    private static Dataset<Row> mapping(SparkSession spark, Map<String, String> map, String key, String value) {
        List<Row> rows = map.entrySet().stream()
                .map(e -> org.apache.spark.sql.RowFactory.create(e.getKey(), e.getValue())).toList();
        return spark.createDataFrame(rows, new org.apache.spark.sql.types.StructType()
                .add(key, "string", false).add(value, "string", false));
    }
}
