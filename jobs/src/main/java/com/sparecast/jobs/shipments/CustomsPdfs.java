package com.sparecast.jobs.shipments;

import com.sparecast.jobs.customs.CustomsDocuments;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Iterator;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The PDF of each customs document row ({@code shipment_id, file, content}) that has one: a row
 * {@code shipment_id, packing_list.pdf, <bytes>} for {@code packing_list.html}, none for JSON.
 *
 * <p>A stage of its own because laying out a PDF (about 40 ms a document and 0.7 ms a table row,
 * measured on a packing list) is the costly part of planning shipments: done inside the lane's
 * group, a night's documents ran in no more tasks than there are lanes (hashed into the shuffle's
 * partitions, so unevenly). Here they are spread over the executors by document.
 */
final class CustomsPdfs implements FlatMapFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final LocalDate planningDate;

    CustomsPdfs(LocalDate planningDate) {
        this.planningDate = planningDate;
    }

    @Override
    public Iterator<Row> call(Row doc) {
        String shipmentId = doc.getString(0);
        return CustomsDocuments.pdfOf(doc.getString(1), new String((byte[]) doc.get(2), StandardCharsets.UTF_8),
                        planningDate)
                .map(pdf -> RowFactory.create(shipmentId, pdf.getKey(), pdf.getValue()))
                .stream().iterator();
    }
}
