package com.sparecast.jobs.customs;

import com.sparecast.jobs.batch.RunRequest;
import com.sparecast.jobs.batch.StageTasklet;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/** Step {@code planShipments}: WORK IN PROGRESS, writes empty datasets until the trade rules land. */
public final class PlanShipmentsTasklet extends StageTasklet {

    public static final String SHIPMENTS = "customs/shipments";
    public static final String LINES = "customs/shipment_lines";
    public static final String DOCUMENTS = "customs/documents";

    public PlanShipmentsTasklet(RunRequest request, Supplier<SparkSession> spark) {
        super(request, spark);
    }

    @Override
    protected void run(Stage stage) {
        SparkSession spark = stage.spark();
        spark.createDataFrame(List.<Row>of(), ShipmentSchema.SHIPMENTS).write().mode(SaveMode.Overwrite)
                .parquet(stage.paths().uri(SHIPMENTS));
        spark.createDataFrame(List.<Row>of(), ShipmentSchema.LINES).write().mode(SaveMode.Overwrite)
                .parquet(stage.paths().uri(LINES));
        spark.createDataFrame(List.<Row>of(), ShipmentSchema.DOCUMENTS).write().mode(SaveMode.Overwrite)
                .parquet(stage.paths().uri(DOCUMENTS));
    }
}
