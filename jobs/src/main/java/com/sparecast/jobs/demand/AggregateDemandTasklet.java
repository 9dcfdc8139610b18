package com.sparecast.jobs.demand;

import static org.apache.spark.sql.functions.col;

import com.sparecast.jobs.batch.RunRequest;
import com.sparecast.jobs.batch.StageTasklet;
import com.sparecast.jobs.ingest.Feed;
import com.sparecast.jobs.ingest.IngestEventsTasklet;
import com.sparecast.jobs.input.MasterData;
import java.time.LocalDate;
import java.util.function.Supplier;
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
        Dataset<Row> regions = WeeklyDemand.regions(spark, master);
        Dataset<Row> finalParts = WeeklyDemand.finalParts(spark, master);
        LocalDate firstIncompleteWeek = firstIncompleteWeek(stage.planningDate());

        Dataset<Row> shipments = IngestEventsTasklet.accepted(stage, Feed.SHIPMENTS);
        Dataset<Row> weekly = WeeklyDemand.weekly(shipments, "ship_date", regions, finalParts, firstIncompleteWeek);
        weekly.write().mode(SaveMode.Overwrite).parquet(stage.paths().uri(WEEKLY_DEMAND));

        Dataset<Row> returns = IngestEventsTasklet.accepted(stage, Feed.RETURNS)
                .filter(col("condition").equalTo("REFURBISHABLE"));
        WeeklyDemand.weekly(returns, "return_date", regions, finalParts, firstIncompleteWeek)
                .write().mode(SaveMode.Overwrite).parquet(stage.paths().uri(WEEKLY_RETURNS));
        WeeklyDemand.weekly(IngestEventsTasklet.accepted(stage, Feed.FAILURES), "failure_date", regions, finalParts,
                        firstIncompleteWeek)
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
}
