package com.sparecast.jobs.customs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sparecast.models.logistics.Shipment;
import com.sparecast.models.logistics.ShipmentLine;
import com.sparecast.models.logistics.ShipmentPlan;
import com.sparecast.models.trade.Parties;
import com.sparecast.models.trade.Party;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CustomsDocumentsTest {

    private final ShipmentPlan plan = DocumentFixtures.plan();
    private final Shipment shipment = plan.shipments().get(0);
    private final List<ShipmentLine> lines = plan.documentLines(shipment);
    private final Parties parties = DocumentFixtures.PLANNER.partiesOf(shipment);

    @Test
    void theFixtureIsOneReadyShipmentWithoutItsHeldLine() {
        assertEquals(1, plan.shipments().size());
        assertEquals("READY", shipment.status());
        assertEquals(List.of("P-100", "P-200", "P-300"), lines.stream().map(ShipmentLine::partNo).toList());
        assertEquals(4, plan.linesOf(shipment.shipmentId()).size());
    }

    @Test
    void jsonCarriesEveryContractColumnOfShipmentAndLines() throws Exception {
        for (String json : List.of(CustomsDocuments.commercialInvoiceJson(shipment, lines, parties),
                CustomsDocuments.packingListJson(shipment, lines, parties))) {
            JsonNode root = new ObjectMapper().readTree(json);
            for (String column : Shipment.csvHeader()) {
                assertTrue(root.get("shipment").has(column), column);
            }
            assertEquals(3, root.get("lines").size());
            for (JsonNode line : root.get("lines")) {
                for (String column : ShipmentLine.csvHeader()) {
                    if (!column.equals("shipment_id")) {
                        assertTrue(line.has(column), column);
                    }
                }
            }
            assertEquals("Sparecast Nederland B.V.", root.get("exporter").get("name").asText());
            assertEquals("GB123456789000", root.get("importer").get("tax_id").asText());
            // values agree with the CSV rows
            List<String> csv = shipment.csvValues();
            List<String> header = Shipment.csvHeader();
            for (int i = 0; i < header.size(); i++) {
                JsonNode node = root.get("shipment").get(header.get(i));
                if (node.isNumber()) {
                    assertEquals(0, new java.math.BigDecimal(csv.get(i)).compareTo(node.decimalValue()), header.get(i));
                } else {
                    assertEquals(csv.get(i), node.asText(), header.get(i));
                }
            }
            // numbers keep their decimals in the JSON text
            assertTrue(json.contains("\"total_value\" : 567.00,"), json);
            assertTrue(json.contains("\"line_value\" : 360.00,"), json);
            assertTrue(json.contains("\"unit_value\" : 120.00,"), json);
            assertTrue(json.contains("\"net_weight_kg\" : 60.000,"), json);
            assertTrue(json.contains("\"gross_weight_kg\" : 66.000,"), json);
            assertTrue(json.contains("\"eei_required\" : false,"), json);
            assertEquals(3, root.get("lines").get(0).get("quantity").asInt());
        }
    }

    @Test
    void htmlAndJsonHaveTheSameFields() throws Exception {
        assertSameFields(CustomsDocuments.commercialInvoiceHtml(shipment, lines, parties),
                CustomsDocuments.commercialInvoiceJson(shipment, lines, parties));
        assertSameFields(CustomsDocuments.packingListHtml(shipment, lines, parties),
                CustomsDocuments.packingListJson(shipment, lines, parties));
    }

    private static void assertSameFields(String html, String json) throws Exception {
        JsonNode root = new ObjectMapper().readTree(json);
        List<String> htmlShipment = new ArrayList<>();
        List<String> htmlLine = new ArrayList<>();
        Matcher m = Pattern.compile("<(div|th) data-field=\"([a-z_]+)\"").matcher(html);
        while (m.find()) {
            (m.group(1).equals("div") ? htmlShipment : htmlLine).add(m.group(2));
        }
        assertEquals(names(root.get("shipment")), htmlShipment);
        assertEquals(names(root.get("lines").get(0)), htmlLine);
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    @Test
    void htmlIsEscapedAndSelfContained() {
        String html = CustomsDocuments.commercialInvoiceHtml(shipment, lines, parties);
        assertTrue(html.contains("Pump &quot;HX&quot; &lt;200 bar&gt; &amp; seal kit"), html);
        assertTrue(html.contains("Sparecast UK Ltd &lt;Parts &amp; Service&gt;"));
        assertFalse(html.contains("<200 bar>"));
        assertFalse(html.contains("http://"));
        assertFalse(html.contains("https://"));
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<link"));
        assertTrue(html.contains("Commercial invoice"));
        assertTrue(html.contains("CI-" + shipment.shipmentId()));
        assertTrue(CustomsDocuments.packingListHtml(shipment, lines, parties).contains("PL-" + shipment.shipmentId()));
    }

    @Test
    void aScriptInAValueReachesThePageAsText() {
        Party exporter = new Party("<script>alert('x')</script>", "1 \"Quay\" & Dock", "GB", "GB'1");
        String html = CustomsDocuments.commercialInvoiceHtml(shipment, lines, new Parties(exporter, parties.importer()));
        assertFalse(html.contains("<script"), html);
        assertTrue(html.contains("<dd>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</dd>"), html);
        assertTrue(html.contains("<dd>1 &quot;Quay&quot; &amp; Dock</dd>"), html);
        assertTrue(html.contains("<dd>GB&#39;1</dd>"), html);
    }

    @Test
    void documentsAreDeterministic() {
        Map<String, String> a = CustomsDocuments.render(shipment, lines, parties);
        Map<String, String> b = CustomsDocuments.render(DocumentFixtures.plan().shipments().get(0), lines, parties);
        assertEquals(CustomsDocuments.FILE_NAMES, List.copyOf(a.keySet()));
        assertEquals(a, b);
    }

    @Test
    void aHoldShipmentCarriesABannerAndTheReasons() {
        Shipment held = new Shipment(shipment.shipmentId(), shipment.originWarehouse(), shipment.destinationWarehouse(),
                shipment.destinationCountry(), shipment.mode(), shipment.incoterm(), shipment.shipDate(),
                shipment.expectedArrival(), 1, shipment.totalValue(), shipment.currency(), shipment.grossWeightKg(),
                shipment.estimatedDuty(), shipment.estimatedVat(), false, false, "HOLD", shipment.originCountry(),
                shipment.dutiesPaidBy(), shipment.netWeightKg());
        List<ShipmentLine> heldLines = plan.linesOf(shipment.shipmentId()).stream().filter(l -> !l.ready()).toList();
        String html = CustomsDocuments.packingListHtml(held, heldLines, parties);
        assertTrue(html.contains("ON HOLD"));
        assertTrue(html.contains("HS_CODE_MALFORMED: hs_code &#39;84X&#39; is not 6 to 10 digits"), html);
    }

    @Test
    void linesOfAnotherShipmentAreRefused() {
        ShipmentLine other = lines.get(0);
        ShipmentLine moved = new ShipmentLine("SHP-OTHER", 1, other.partNo(), other.description(), other.hsCode(),
                other.originCountry(), other.quantity(), other.unitValue(), other.lineValue(), other.currency(),
                other.netWeightKg(), other.dangerousGoods(), other.eccn(), other.status(), other.holdReason(),
                other.grossWeightKg());
        assertThrows(IllegalArgumentException.class,
                () -> CustomsDocuments.commercialInvoiceHtml(shipment, List.of(moved), parties));
    }
}
