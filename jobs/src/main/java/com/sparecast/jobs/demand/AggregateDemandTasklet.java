package com.sparecast.jobs.demand;

import static org.apache.spark.sql.functions.col;

import com.sparecast.jobs.config.Settings;
import com.sparecast.jobs.ingest.Feed;
import com.sparecast.jobs.input.MasterData;
import com.sparecast.jobs.stage.Datasets;
import com.sparecast.jobs.stage.RowCounter;
import com.sparecast.jobs.stage.Stage;
import com.sparecast.jobs.stage.StageTasklet;
import java.time.LocalDate;
import java.util.function.Supplier;
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
        Dataset<Row> regions = WeeklyDemand.regions(spark, master);
        Dataset<Row> finalParts = WeeklyDemand.finalParts(spark, master);
        LocalDate firstIncompleteWeek = stage.run().firstIncompleteWeek();

        RowCounter read = new RowCounter("shipments read");
        Dataset<Row> shipments = read.through(stage.read(Datasets.accepted(Feed.SHIPMENTS.feedName())));
        stage.countWritten(stage.write(
                WeeklyDemand.weekly(shipments, "ship_date", regions, finalParts, firstIncompleteWeek),
                Datasets.WEEKLY_DEMAND));

        Dataset<Row> returns = stage.read(Datasets.accepted(Feed.RETURNS.feedName()))
                .filter(col("condition").equalTo("REFURBISHABLE"));
        stage.write(WeeklyDemand.weekly(returns, "return_date", regions, finalParts, firstIncompleteWeek),
                Datasets.WEEKLY_RETURNS);
        stage.write(WeeklyDemand.weekly(stage.read(Datasets.accepted(Feed.FAILURES.feedName())), "failure_date",
                regions, finalParts, firstIncompleteWeek), Datasets.WEEKLY_FAILURES);
        stage.countRead(read.rows());
    }
}
