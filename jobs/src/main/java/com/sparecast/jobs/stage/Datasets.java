package com.sparecast.jobs.stage;

/**
 * The catalogue of what the nightly job's steps stage under {@link StagePaths}: one name per
 * dataset, owned by the step that writes it and read by the steps after it. Schemas of the
 * datasets other steps read are beside it ({@link ForecastSchema}, {@link PlanSchema},
 * {@link TransferSchema}, {@link ShipmentSchema}).
 */
public final class Datasets {

    // ingestEvents
    /** Partition column of an ingested feed: {@link #ACCEPTED} or {@link #REJECTED}. */
    public static final String OUTCOME = "outcome";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String REJECTED = "REJECTED";
    /** The master data as ingest validated it: later steps never read the raw master files. */
    public static final String MASTER_DATA = "ingest/master_data.ser";
    /** Rejected rows of the master data tables. */
    public static final String MASTER_REJECTS = "ingest/master_rejects";
    /** The planners' decisions as ingest checked them ({@code decisions/overrides.csv}; none when absent). */
    public static final String DECISIONS = "ingest/decisions.ser";
    /** Rows read, accepted and rejected per feed and file. */
    public static final String RECONCILIATION = "ingest/reconciliation.json";

    // aggregateDemand
    /** Weekly demand per (final part, region, ISO week). */
    public static final String WEEKLY_DEMAND = "demand/weekly";
    /** Weekly refurbishable returns, same keys. */
    public static final String WEEKLY_RETURNS = "demand/refurbishable_returns";
    /** Weekly field failures, same keys. */
    public static final String WEEKLY_FAILURES = "demand/failures";

    // forecastDemand
    /** The dense weekly histories the forecasts are made from. */
    public static final String SERIES_HISTORIES = "forecast/histories";
    /** One forecast per (part, region) series, {@link ForecastSchema#SERIES}. */
    public static final String SERIES_FORECASTS = "forecast/series";

    // planReplenishment
    /** One plan line per (warehouse, part), {@link PlanSchema#PLAN}. */
    public static final String PLAN = "replenishment/plan";
    /** The plan's input rows with each line's response curve (class-wide allocation). */
    public static final String PLAN_CURVES = "replenishment/curves";
    /** Rebalancing proposed among the plan's exception lines, {@link TransferSchema#TRANSFERS}. */
    public static final String TRANSFERS = "replenishment/transfers";

    // planShipments
    /** Every shipment, line and document of every lane, before they are split. */
    public static final String PLANNED_SHIPMENTS = "customs/planned";
    /** {@link ShipmentSchema#SHIPMENTS}. */
    public static final String SHIPMENTS = "customs/shipments";
    /** {@link ShipmentSchema#LINES}. */
    public static final String SHIPMENT_LINES = "customs/shipment_lines";
    /** {@link ShipmentSchema#DOCUMENTS}. */
    public static final String CUSTOMS_DOCUMENTS = "customs/documents";

    // writeReport
    /** The review page, part pages and feedback CSVs, laid out as they are published under report/. */
    public static final String REPORT = "report";
    /** Rows of each report CSV, by published path (a staged map). */
    public static final String REPORT_ROWS = "report-rows.ser";
    /** {@code plans/changes.csv} as the report step compared the plan with the last published one. */
    public static final String CHANGES = "report-changes.csv";

    // publishPlans
    /** The output folder laid out before it is published. */
    public static final String PUBLISH = "publish";

    private Datasets() {
    }

    /** An ingested feed, both outcomes, partitioned by {@link #OUTCOME}. */
    public static String ingested(String feedName) {
        return "ingest/" + feedName;
    }

    /** The accepted rows of an ingested feed. */
    public static String accepted(String feedName) {
        return ingested(feedName) + "/" + OUTCOME + "=" + ACCEPTED;
    }
}
