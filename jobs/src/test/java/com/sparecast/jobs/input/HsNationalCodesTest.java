package com.sparecast.jobs.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sparecast.jobs.storage.LocalStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional master/hs_national.csv, read and checked by {@link MasterData}. */
class HsNationalCodesTest {

    @TempDir
    Path dir;

    private MasterData load(String hsNational) throws IOException {
        Path master = Files.createDirectories(dir.resolve("master"));
        Files.writeString(master.resolve("parts.csv"), "part_no,description,unit_cost,currency,unit_weight_kg,hs_code\n"
                + "P1,board,10,EUR,1,853710\nP2,valve,5,EUR,1,848180\n");
        Files.writeString(master.resolve("regions.csv"), "country,region\nNL,EU\nUS,NA\nBR,LATAM\nJP,APAC\n");
        Files.writeString(master.resolve("warehouses.csv"), "warehouse_id,region,country,role\nDC-NL,EU,NL,CENTRAL\n");
        Files.writeString(master.resolve("lanes.csv"), "origin_warehouse,destination_warehouse,mode,transit_days_mean,"
                + "transit_days_sd,customs_days_mean,customs_days_sd,incoterm\n");
        Files.writeString(master.resolve("tariffs.csv"), "destination_country,hs_prefix,duty_rate,vat_rate\n");
        Files.writeString(master.resolve("service_levels.csv"), "class,target_fill_rate\nA,0.95\n");
        if (hsNational != null) {
            Files.writeString(master.resolve("hs_national.csv"), hsNational);
        }
        return MasterData.load(new LocalStorage(dir));
    }

    @Test
    void theFileIsOptional() throws IOException {
        MasterData m = load(null);
        assertEquals(Map.of(), m.nationalCodesOf("P1"));
        assertEquals(List.of(), m.rejects());
        assertEquals(Map.of(), m.tradePart("P1").nationalCodes());
    }

    /* Dots and spaces are separators (8537.10.00.10 is 8537100010); each code reaches the part's trade data. */
    @Test
    void codesByPartAndCountry() throws IOException {
        MasterData m = load("part_no,country,code\nP1,US,8537.10.00.10\nP1,BR,85371090\nP2,JP,848180 000\n");
        assertEquals(Map.of("US", "8537100010", "BR", "85371090"), m.nationalCodesOf("P1"));
        assertEquals(Map.of("JP", "848180000"), m.tradePart("P2").nationalCodes());
        assertEquals(List.of(), m.rejects());
        assertEquals(3, m.rowsRead().get("hs_national"));
    }

    /* Every bad row is rejected with its line (the header is line 1), column and reason; the rest stand. */
    @Test
    void badRowsAreRejectedWithLineColumnAndReason() throws IOException {
        MasterData m = load("part_no,country,code\n"
                + "P1,US,8537100010\n"        // line 2: kept
                + "P9,US,8537100010\n"        // 3: UNKNOWN_PART
                + "P1,XX,85371000\n"          // 4: UNKNOWN_COUNTRY (not in regions.csv)
                + "P1,BR,8537A090\n"          // 5: BAD_IDENTIFIER (a letter)
                + "P1,JP,85371\n"             // 6: BAD_IDENTIFIER (5 digits)
                + "P2,JP,848180000000000\n"   // 7: BAD_IDENTIFIER (15 digits)
                + "P1,US,8537109999\n"        // 8: DUPLICATE_ID (P1 has a US code: line 2's is kept)
                + "P2,BR,\n");                // 9: MISSING_VALUE
        assertEquals(Map.of("US", "8537100010"), m.nationalCodesOf("P1"));
        assertEquals(Map.of(), m.nationalCodesOf("P2"));
        assertEquals(List.of("3 part_no UNKNOWN_PART", "4 country UNKNOWN_COUNTRY", "5 code BAD_IDENTIFIER",
                "6 code BAD_IDENTIFIER", "7 code BAD_IDENTIFIER", "8 country DUPLICATE_ID", "9 code MISSING_VALUE"),
                m.rejects().stream().map(r -> r.line() + " " + r.column() + " " + r.reason()).toList());
        assertEquals("code '8537A090' is not 6 to 14 ASCII digits (dots and spaces aside)", m.rejects().get(2).message());
        assertEquals("part P1 already has a code for US (8537100010); the first is kept", m.rejects().get(5).message());
        assertEquals("hs_national", m.rejects().get(0).feed());
        assertEquals("P1,US,8537109999", m.rejects().get(5).raw());
    }
}
