package com.sparecast.jobs.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.jobs.TestInputs;
import com.sparecast.jobs.config.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebalancing over a configured lateral lane (issue 13): data-samples with one more lane, WH-DE to
 * WH-JP by air cargo, planned for 2026-11-20. The lane moves no planned order (a regional warehouse
 * is supplied by the central one), so the plan is data-samples' own; it adds a transfer to the
 * WH-JP line whose order is held at customs (lithium batteries on the passenger-air lane from DC-NL),
 * from WH-DE's overstock, which air cargo may carry.
 */
class RebalancingIT {

    static final LocalDate DATE = LocalDate.parse("2026-11-20");

    @TempDir
    static Path temp;
    static Path input;
    static Settings settings;
    static Path published;

    @BeforeAll
    static void planWithALateralLane() throws IOException {
        input = TestInputs.copyOf(TestInputs.dataSamples(), temp.resolve("input"));
        Files.writeString(input.resolve("master/lanes.csv"), "WH-DE,WH-JP,AIR_CARGO,3,1,1.5,0.8,DAP,MON;WED;FRI,1000\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        settings = Settings.withOverrides(Map.of("sparecast.work-dir", temp.resolve("work").toString()));
        Path out = temp.resolve("out");
        RunOutcome outcome = NightlyRun.execute(new RunRequest(input.toString(), out.toString(), DATE, "local[2]", false,
                settings));
        assertEquals(0, outcome.exitCode(), outcome.message());
        published = out.resolve(DATE.toString());
    }

    @AfterAll
    static void closeJobRepository() throws SQLException {
        try (Connection c = DriverManager.getConnection(JobRepositoryConfiguration.jdbcUrl(settings), "sa", "")) {
            c.createStatement().execute("SHUTDOWN");
        }
    }

    @Test
    void aLateralLaneChangesNoPlanLine() throws IOException {
        assertEquals(Files.readString(Path.of("src/test/resources/golden").resolve(DATE.toString())
                        .resolve("plans/replenishment.csv"), StandardCharsets.UTF_8),
                Files.readString(published.resolve("plans/replenishment.csv"), StandardCharsets.UTF_8));
    }

    /*
     * P-000003 (lithium-ion battery pack UN3480, 348.21 EUR, 1.008 kg), by hand from the plan:
     *   WH-JP HELD_AT_CUSTOMS: order-up-to 6, position 0, order 6: needs min(6, ceil(6 - 0)) = 6; its order is held
     *   (UN3480 on DC-NL's passenger-air lane), so it has no new-order arrival.
     *   WH-DE OVERSTOCK: on hand 3, position 4, order-up-to 1: gives min(3, floor(4 - 1)) = 3.
     *   WH-DE -> WH-JP AIR_CARGO (no passenger-air hold; DE exporter with an EORI, JP importer with a tax id):
     *   earliest ship date Sat 21st (planning + 1), departures MON;WED;FRI: Mon 23rd (a JP holiday, not a DE one);
     *   arrival 23 + ceil(3 + 1.5) = Sat 28th -> Mon 30th, a JP working day.
     *   cost 40 + 2.5 * (3 * 1.008 + 0.5 tare of its one carton) = 40 + 8.81 = 48.81 EUR; new order 3 * 348.21 = 1044.63 EUR.
     */
    @Test
    void aHeldLineIsRebalancedOverTheLateralLane() throws IOException {
        List<CSVRecord> transfers = TransferChecks.check(input, published);
        List<CSVRecord> lateral = transfers.stream().filter(t -> t.get("to_warehouse").equals("WH-JP")).toList();
        assertEquals(1, lateral.size(), lateral.toString());
        CSVRecord t = lateral.get(0);
        assertEquals(List.of("P-000003", "WH-DE", "WH-JP", "3", "2026-11-23", "2026-11-30", "48.81", "1044.63", "EUR", ""),
                t.toList());
        // Everything else is data-samples' own: the eight transfers back to DC-NL.
        // The night's other transfers are the golden night's (the lateral lane adds, takes nothing away).
        List<String> golden = Files.readAllLines(Path.of("src/test/resources/golden").resolve(DATE.toString())
                .resolve("plans/transfers.csv"), StandardCharsets.UTF_8);
        assertEquals(golden.stream().skip(1).filter(l -> l.split(",")[2].equals("DC-NL")).count(),
                transfers.stream().filter(r -> r.get("to_warehouse").equals("DC-NL")).count());
        String page = Files.readString(published.resolve("report/index.html"), StandardCharsets.UTF_8);
        assertTrue(page.contains("transfer 3 from WH-DE, arrives 2026-11-30, cost 48.81 vs new order 1044.63 EUR"),
                "the queue shows the transfer on WH-JP's line");
        assertTrue(page.contains("transfer 3 to WH-JP, ships 2026-11-23"), "and on WH-DE's");
    }
}
