package com.sparecast.jobs.report;

import com.sparecast.jobs.ingest.Reconciliation;
import java.util.List;
import java.util.Map;

/**
 * What the run's review page shows, gathered by the publish step.
 *
 * @param planningDate the date planned for
 * @param planId the plan's identity
 * @param reconciliation rows read, accepted and rejected per feed
 * @param summary headline counts (series, orders, shipments, holds, duration...) in display order
 * @param demandClasses series per demand class
 * @param reportingCurrency the currency of the queue's money columns
 * @param queue the ranked exception queue: plan lines with an exception and held shipment lines
 * @param partPages link of each exception line that has its own page, keyed {@code warehouse/part}
 * @param partPagesNote how the lines with a page were chosen (the cap), shown with the table
 * @param kpis the KPI header: key figures with their trends, fill rate against target per warehouse and class
 * @param sections further tables (forecast accuracy over runs, returns and failures feedback)
 */
public record ReportData(String planningDate, String planId, Reconciliation reconciliation,
                         Map<String, Object> summary, Map<String, Long> demandClasses,
                         String reportingCurrency, List<ExceptionQueue.Line> queue,
                         Map<String, String> partPages, String partPagesNote, KpiHeader.Header kpis,
                         List<TableData> sections) {
}
