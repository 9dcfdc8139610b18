package com.sparecast.jobs.demand;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;

import com.sparecast.jobs.config.Settings;
import com.sparecast.jobs.ingest.Feed;
import com.sparecast.jobs.ingest.MasterData;
import com.sparecast.jobs.stage.Datasets;
import com.sparecast.jobs.stage.RowCounter;
import com.sparecast.jobs.stage.Stage;
import com.sparecast.jobs.stage.StageTasklet;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Step {@code aggregateDemand}: weekly demand per (part, region) from the accepted shipments,
 * with superseded parts' history moved to the last part of their chain; and the same weekly
 * totals for refurbishable returns and field failures. Only complete ISO weeks before the
 * planning date are kept.
 */
public final class AggregateDemandTasklet extends StageTasklet {

    public AggregateDemandTasklet(Settings settings, Supplier<SparkSession> spark) {
        super(settings, spark);
    }

    @Override
    protected void run(Stage stage) throws Exception {
        MasterData master = stage.stagedValue(Datasets.MASTER_DATA, MasterData.class);
        SparkSession spark = stage.spark();
        Dataset<Row> regions = mapping(spark, master.regionOfCountry(), "country", "region");
        Dataset<Row> finalParts = mapping(spark, Supersession.of(master.parts()).finalPart(), "part_no", "final_part_no");
        LocalDate firstIncompleteWeek = stage.run().firstIncompleteWeek();

        RowCounter read = new RowCounter("shipments read");
        Dataset<Row> shipments = read.through(stage.read(Datasets.accepted(Feed.SHIPMENTS.feedName())));
        stage.countWritten(stage.write(weekly(shipments, "ship_date", regions, finalParts, firstIncompleteWeek),
                Datasets.WEEKLY_DEMAND));

        Dataset<Row> returns = stage.read(Datasets.accepted(Feed.RETURNS.feedName()))
                .filter(col("condition").equalTo("REFURBISHABLE"));
        stage.write(weekly(returns, "return_date", regions, finalParts, firstIncompleteWeek), Datasets.WEEKLY_RETURNS);
        stage.write(weekly(stage.read(Datasets.accepted(Feed.FAILURES.feedName())), "failure_date", regions, finalParts,
                firstIncompleteWeek), Datasets.WEEKLY_FAILURES);
        stage.countRead(read.rows());
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
