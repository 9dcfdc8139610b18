package com.sparecast.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionsTemplateTest {

    @TempDir
    Path temp;

    @Test
    void oneRowPerLineInQueueOrderWithEmptyDecisionColumnsAndGuardedText() throws Exception {
        ExceptionQueue.Line risk = new ExceptionQueue.Line("WH-1", "P-1", "=cmd|' /C calc'!A0", "STOCKOUT_RISK",
                "below the reorder point", "A", 250.0, 2.5, LocalDate.parse("2026-12-01"), 7L, 70.0, 0.9, 0.98, null,
                null, null, 2.5, 100.0, "transfer 3 from WH-DE, arrives 2026-11-25, cost 42.09 vs new order 38.54 EUR");
        ExceptionQueue.Line held = new ExceptionQueue.Line("WH-1", "P-1", "=cmd|' /C calc'!A0", ExceptionQueue.CUSTOMS_HOLD,
                "lithium batteries on passenger air", "A", 250.0, 2.5, LocalDate.parse("2026-12-01"), 3L, 70.0, 0.9, 0.98,
                null, null, null, 2.5, 100.0);
        ExceptionQueue.Line over = ReportWriterTest.line("WH-2", "@P-2", "bolt", "OVERSTOCK", "cover 40 weeks", 0.0, 40.0,
                0L, null);
        Path file = temp.resolve("decisions-template.csv");
        assertEquals(2, DecisionsTemplate.write(file, List.of(risk, held, over), "EUR"));
        byte[] bytes = Files.readAllBytes(file);
        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals(List.of(
                "warehouse_id,part_no,kind,value,valid_until,decided_by,comment,exception,priority,value_at_risk_reporting,"
                        + "reporting_currency,weeks_of_cover,stockout_date,order_qty,exception_reason,description,transfer",
                "WH-1,P-1,,,,,,STOCKOUT_RISK;CUSTOMS_HOLD,100.00,250.00,EUR,2.5,2026-12-01,7,"
                        + "below the reorder point; lithium batteries on passenger air,'=cmd|' /C calc'!A0,"
                        + "\"transfer 3 from WH-DE, arrives 2026-11-25, cost 42.09 vs new order 38.54 EUR\"",
                "WH-2,'@P-2,,,,,,OVERSTOCK,0.00,0.00,EUR,40,,0,cover 40 weeks,bolt,"),
                new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList());
    }
}
