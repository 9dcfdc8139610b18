package com.sparecast.jobs.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sparecast.jobs.storage.LocalStorage;
import com.sparecast.models.trade.Party;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional party-of-record columns of warehouses.csv, read and checked by {@link MasterData}. */
class WarehousePartiesTest {

    @TempDir
    Path dir;

    private MasterData load(String warehouses) throws IOException {
        Path master = Files.createDirectories(dir.resolve("master"));
        Files.writeString(master.resolve("parts.csv"), "part_no,description,unit_cost,currency,unit_weight_kg\n"
                + "P1,bearing,10,EUR,1\n");
        Files.writeString(master.resolve("regions.csv"), "country,region\nNL,EU\nUS,NA\n");
        Files.writeString(master.resolve("warehouses.csv"), warehouses);
        Files.writeString(master.resolve("lanes.csv"), "origin_warehouse,destination_warehouse,mode,transit_days_mean,"
                + "transit_days_sd,customs_days_mean,customs_days_sd,incoterm\n");
        Files.writeString(master.resolve("tariffs.csv"), "destination_country,hs_prefix,duty_rate,vat_rate\n");
        Files.writeString(master.resolve("service_levels.csv"), "class,target_fill_rate\nA,0.95\n");
        return MasterData.load(new LocalStorage(dir));
    }

    @Test
    void withoutTheColumnsAWarehouseHasNoPartyOfRecord() throws IOException {
        MasterData m = load("warehouse_id,region,country,role\nDC-NL,EU,NL,CENTRAL\n");
        assertEquals(Party.unknown("NL"), m.warehouses().get("DC-NL").party());
        assertEquals(List.of(), m.rejects());
    }

    @Test
    void theColumnsAreTheParty() throws IOException {
        MasterData m = load("warehouse_id,region,country,role,legal_name,street,city,postal_code,vat_number,eori,tax_id\n"
                + "DC-NL,EU,NL,CENTRAL,\"Sparecast Nederland B.V.\",Havenweg 12,Venlo,5928 NL,NL812345678B01,NL812345678,\n"
                + "WH-US,NA,US,REGIONAL,Sparecast Inc.,\"2200 Commerce Parkway, Suite 4\",Memphis,38118,,,12-3456789\n");
        assertEquals(new Party("Sparecast Nederland B.V.", "Havenweg 12", "Venlo", "5928 NL", "NL", "NL812345678B01",
                "NL812345678", ""), m.warehouses().get("DC-NL").party());
        assertEquals("2200 Commerce Parkway, Suite 4, 38118 Memphis", m.warehouses().get("WH-US").party().address());
        assertEquals("12-3456789", m.warehouses().get("WH-US").taxId());
        assertEquals(List.of(), m.rejects());
    }

    /* A malformed VAT number, EORI or tax id, or a control character in a text, rejects the row naming the column. */
    @Test
    void badPartyValuesRejectTheRowWithTheColumn() throws IOException {
        MasterData m = load("warehouse_id,region,country,role,legal_name,street,city,postal_code,vat_number,eori,tax_id\n"
                + "DC-NL,EU,NL,CENTRAL,Sparecast B.V.,Havenweg 12,Venlo,5928 NL,nl 8123,,\n"
                + "WH-A,EU,NL,REGIONAL,A B.V.,Weg 1,Venlo,5928,,NL-1,\n"
                + "WH-B,EU,NL,REGIONAL,B B.V.,\"Weg\u00072\",Venlo,5928,,,\n"
                + "WH-C,NA,US,REGIONAL,C Inc.,Main St,Memphis,38118,,,12 345\n"
                + "WH-D,NA,US,REGIONAL,D Inc.,Main St,Memphis,38118,,,12.345.678/0001-95\n");
        assertEquals(List.of("WH-D"), List.copyOf(m.warehouses().keySet()));
        assertEquals(List.of("2 vat_number BAD_IDENTIFIER", "3 eori BAD_IDENTIFIER", "4 street OUT_OF_RANGE",
                "5 tax_id BAD_IDENTIFIER"), m.rejects().stream()
                .map(r -> r.line() + " " + r.column() + " " + r.reason()).toList());
        assertEquals("vat_number 'nl 8123' is not of the form [A-Z]{2}[0-9A-Z]{2,13}", m.rejects().get(0).message());
    }
}
