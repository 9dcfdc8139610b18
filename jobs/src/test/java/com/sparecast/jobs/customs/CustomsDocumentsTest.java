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

    /*
     * The invoice prints each line's own unit value, currency and rate beside the converted ones,
     * the rates with their date, and a total equal to the sum of the printed line values:
     * 316.80 + 160.16 + 22.00 = 498.96 GBP.
     */
    @Test
    void theInvoicePrintsTheRatesAndATotalOfItsLines() throws Exception {
        JsonNode invoice = new ObjectMapper().readTree(CustomsDocuments.commercialInvoiceJson(shipment, lines, parties));
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (JsonNode line : invoice.get("lines")) {
            assertEquals("GBP", line.get("currency").asText());
            assertEquals("EUR", line.get("source_currency").asText());
            assertEquals(0, new java.math.BigDecimal("0.88").compareTo(line.get("fx_rate").decimalValue()));
            sum = sum.add(line.get("line_value").decimalValue());
        }
        assertEquals(new java.math.BigDecimal("498.96"), sum);
        assertTrue(CustomsDocuments.commercialInvoiceJson(shipment, lines, parties).contains("\"fx_rate\" : 0.880000,"));
        assertEquals(0, sum.compareTo(invoice.get("shipment").get("total_value").decimalValue()));
        String html = CustomsDocuments.commercialInvoiceHtml(shipment, lines, parties);
        assertTrue(html.contains("1 EUR &#61; 0.880000 GBP (rates of 2026-11-22)"), html);
        assertTrue(html.contains("498.96 GBP"), html);
    }

    /*
     * What a broker looks for: DDP with its named place (the importer's city, Tilbury, GB), the
     * reason for export, terms of payment, the related-party statement, unit of measure and
     * country of origin per line; the office of entry where configured (here: none, so absent).
     */
    @Test
    void theInvoiceCarriesWhatABrokerLooksFor() throws Exception {
        JsonNode invoice = new ObjectMapper().readTree(CustomsDocuments.commercialInvoiceJson(shipment, lines, parties));
        JsonNode s = invoice.get("shipment");
        assertEquals("DDP", s.get("incoterm").asText());
        assertEquals("Tilbury, GB", s.get("incoterm_place").asText());
        assertEquals("Intra-company stock transfer, no sale", s.get("reason_for_export").asText());
        assertEquals("No charge, value for customs purposes only", s.get("terms_of_payment").asText());
        assertTrue(s.get("related_parties").asBoolean());
        assertFalse(s.has("office_of_entry"));
        assertEquals(List.of("DE PCE", "CN PCE", "JP PCE"), java.util.stream.StreamSupport
                .stream(invoice.get("lines").spliterator(), false)
                .map(l -> l.get("origin_country").asText() + " " + l.get("unit_of_measure").asText()).toList());
        String html = CustomsDocuments.commercialInvoiceHtml(shipment, lines, parties);
        assertTrue(html.contains("DDP Tilbury, GB (Incoterms 2020)"), html);
        assertTrue(html.contains("related parties (one company group)"), html);

        Shipment withOffice = new Shipment(shipment.shipmentId(), shipment.originWarehouse(),
                shipment.destinationWarehouse(), shipment.destinationCountry(), shipment.mode(), shipment.incoterm(),
                shipment.shipDate(), shipment.expectedArrival(), shipment.lines(), shipment.totalValue(),
                shipment.currency(), shipment.grossWeightKg(), shipment.estimatedDuty(), shipment.estimatedVat(), false,
                true, "READY", "NL", "SENDER", shipment.netWeightKg(), "EXPORT", shipment.incotermPlace(),
                shipment.fxRate(), shipment.fxDate(), "GB000080 Thamesport");
        JsonNode withIt = new ObjectMapper().readTree(CustomsDocuments.commercialInvoiceJson(withOffice, lines, parties));
        assertEquals("GB000080 Thamesport", withIt.get("shipment").get("office_of_entry").asText());
    }

    /** The plan's internal columns, never on a document. */
    private static final List<String> INTERNAL = List.of("status", "hold_reason");

    @Test
    void jsonCarriesEveryContractColumnOfShipmentAndLinesButTheInternalOnes() throws Exception {
        for (String json : List.of(CustomsDocuments.commercialInvoiceJson(shipment, lines, parties),
                CustomsDocuments.packingListJson(shipment, lines, parties))) {
            JsonNode root = new ObjectMapper().readTree(json);
            for (String column : Shipment.csvHeader()) {
                assertEquals(!INTERNAL.contains(column), root.get("shipment").has(column), column);
            }
            assertEquals(3, root.get("lines").size());
            for (JsonNode line : root.get("lines")) {
                for (String column : ShipmentLine.csvHeader()) {
                    if (!column.equals("shipment_id")) {
                        assertEquals(!INTERNAL.contains(column), line.has(column), column);
                    }
                }
            }
            assertEquals("Sparecast Nederland B.V.", root.get("exporter").get("legal_name").asText());
            assertEquals("GB123456789000", root.get("importer").get("eori").asText());
            assertEquals("RM18 7BX", root.get("importer").get("postal_code").asText());
            // values agree with the CSV rows
            List<String> csv = shipment.csvValues();
            List<String> header = Shipment.csvHeader();
            for (int i = 0; i < header.size(); i++) {
                if (INTERNAL.contains(header.get(i))) {
                    continue;
                }
                JsonNode node = root.get("shipment").get(header.get(i));
                if (node.isNumber()) {
                    assertEquals(0, new java.math.BigDecimal(csv.get(i)).compareTo(node.decimalValue()), header.get(i));
                } else {
                    assertEquals(csv.get(i), node.asText(), header.get(i));
                }
            }
            // numbers keep their decimals in the JSON text; one currency, GBP (EUR -> GBP at 1.10 / 1.25 = 0.88):
            // P-100 3 x 105.60 = 316.80, P-200 4 x 40.04 = 160.16, P-300 10 x 2.20 = 22.00; total 498.96 GBP
            assertTrue(json.contains("\"total_value\" : 498.96,"), json);
            assertTrue(json.contains("\"line_value\" : 316.80,"), json);
            assertTrue(json.contains("\"unit_value\" : 105.60,"), json);
            assertTrue(json.contains("\"fx_rate\" : 1.250000,"), json);
            assertTrue(json.contains("\"fx_date\" : \"2026-11-22\","), json);
            assertTrue(json.contains("\"net_weight_kg\" : 60.000,"), json);
            // P-100: 3 cartons of one 20 kg pump, 3 x (20 + 0.5 tare) = 61.5 kg gross
            assertTrue(json.contains("\"gross_weight_kg\" : 61.500,"), json);
            assertTrue(json.contains("\"eei_required\" : false"), json);
            assertEquals(3, root.get("lines").get(0).get("quantity").asInt());
        }
    }

    @Test
    void htmlAndJsonHaveTheSameFields() throws Exception {
        assertSameFields(CustomsDocuments.commercialInvoiceHtml(shipment, lines, parties),
                CustomsDocuments.commercialInvoiceJson(shipment, lines, parties));
        List<com.sparecast.models.logistics.CartonPacker.Carton> cartons = plan.cartonsOf(shipment.shipmentId());
        assertSameFields(CustomsDocuments.packingListHtml(shipment, lines, cartons, parties),
                CustomsDocuments.packingListJson(shipment, lines, cartons, parties));
    }

    private static void assertSameFields(String html, String json) throws Exception {
        JsonNode root = new ObjectMapper().readTree(json);
        int cartonsAt = html.indexOf("<section class=\"lines cartons\">");
        String main = cartonsAt < 0 ? html : html.substring(0, cartonsAt);
        List<String> htmlShipment = new ArrayList<>();
        List<String> htmlLine = new ArrayList<>();
        Matcher m = Pattern.compile("<(div|th) data-field=\"([a-z_]+)\"").matcher(main);
        while (m.find()) {
            (m.group(1).equals("div") ? htmlShipment : htmlLine).add(m.group(2));
        }
        assertEquals(names(root.get("shipment")), htmlShipment);
        assertEquals(names(root.get("lines").get(0)), htmlLine);
        if (cartonsAt >= 0) {
            List<String> htmlCarton = new ArrayList<>();
            Matcher c = Pattern.compile("<th data-field=\"([a-z_]+)\"").matcher(html.substring(cartonsAt));
            while (c.find()) {
                htmlCarton.add(c.group(1));
            }
            assertEquals(names(root.get("packages").get(0)), htmlCarton);
        }
    }

    /*
     * The fixture's cartons (25 kg, 0.5 kg tare): P-100 3 x 20 kg, one a carton (cartons 1-3, 20.000 net,
     * 20.500 gross each); P-200 4 x 5 kg in one (4, 20.000 / 20.500); P-300 10 x 0.5 kg in one (5, 5.000 /
     * 5.500); the held P-400 is not packed. 5 packages; net 85.000, gross 85 + 5 x 0.5 = 87.500. Every
     * document gives the count; the packing list lists the cartons with their marks.
     */
    @Test
    void thePackingListListsTheCartonsAndEveryDocumentTheirCount() throws Exception {
        List<com.sparecast.models.logistics.CartonPacker.Carton> cartons = plan.cartonsOf(shipment.shipmentId());
        assertEquals(5, shipment.packages());
        assertEquals(new java.math.BigDecimal("87.500"), shipment.grossWeightKg());
        JsonNode list = new ObjectMapper().readTree(CustomsDocuments.packingListJson(shipment, lines, cartons, parties));
        assertEquals(5, list.get("shipment").get("packages").asInt());
        List<String> rows = new ArrayList<>();
        for (JsonNode c : list.get("packages")) {
            rows.add(c.get("carton_no").asInt() + " " + c.get("marks").asText() + " " + c.get("line_no").asInt() + " "
                    + c.get("part_no").asText() + " " + c.get("quantity").asLong() + " "
                    + c.get("net_weight_kg").decimalValue().setScale(3) + " "
                    + c.get("gross_weight_kg").decimalValue().setScale(3));
        }
        // the marks as printed in the JSON text
        assertTrue(CustomsDocuments.packingListJson(shipment, lines, cartons, parties)
                .contains("\"marks\" : \"" + shipment.shipmentId() + " 5/5\",\n"));
        String id = shipment.shipmentId();
        assertEquals(List.of("1 " + id + " 1/5 1 P-100 1 20.000 20.500", "2 " + id + " 2/5 1 P-100 1 20.000 20.500",
                "3 " + id + " 3/5 1 P-100 1 20.000 20.500", "4 " + id + " 4/5 2 P-200 4 20.000 20.500",
                "5 " + id + " 5/5 3 P-300 10 5.000 5.500"), rows);
        String html = CustomsDocuments.packingListHtml(shipment, lines, cartons, parties);
        assertTrue(html.contains("<tr data-carton=\"5\"><td class=\"num\">5</td><td>" + id + " 5/5</td>"), html);
        assertTrue(html.contains("<tr><th>Packages</th><td class=\"num\">5 cartons</td></tr>"), html);
        JsonNode invoice = new ObjectMapper().readTree(CustomsDocuments.commercialInvoiceJson(shipment, lines, parties));
        assertEquals(5, invoice.get("shipment").get("packages").asInt());
        assertFalse(invoice.has("packages"));
        assertTrue(CustomsDocuments.commercialInvoiceHtml(shipment, lines, parties)
                .contains("<div data-field=\"packages\"><dt>Packages (cartons)</dt><dd>5</dd></div>"));
        // render() puts the cartons on the packing list only
        Map<String, String> docs = CustomsDocuments.render(shipment, lines, cartons, parties);
        assertTrue(docs.get("packing_list.html").contains("data-carton=\"1\""));
        assertFalse(docs.get("commercial_invoice.html").contains("data-carton="));
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
        // the XHTML namespace (the PDF's layout parses the page as XML) names a URI but loads nothing
        String html = CustomsDocuments.commercialInvoiceHtml(shipment, lines, parties)
                .replace(" xmlns=\"http://www.w3.org/1999/xhtml\"", "");
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
        assertEquals("1 \"Quay\" & Dock", exporter.street());
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
                shipment.dutiesPaidBy(), shipment.netWeightKg(), shipment.customsRegime(),
                shipment.incotermPlace(), shipment.fxRate(), shipment.fxDate(), shipment.officeOfEntry());
        List<ShipmentLine> heldLines = plan.linesOf(shipment.shipmentId()).stream().filter(l -> !l.ready()).toList();
        String html = CustomsDocuments.packingListHtml(held, heldLines, parties);
        assertTrue(html.contains("ON HOLD"));
        // status and reasons are the plan's, not the document's
        assertFalse(html.contains("HS_CODE_MALFORMED"), html);
        assertFalse(html.contains(">HOLD<"), html);
    }

    /*
     * NL to DE: INTRA_UNION. P-100 3 x 120.00 = 360.00 and P-300 10 x 2.50 = 25.00 EUR: 385.00 EUR,
     * no duty (the DE row would charge 2 %), no VAT, no EEI. A delivery note and a packing list,
     * with both parties' VAT numbers and no duty, VAT or EEI fields.
     */
    @Test
    void anIntraUnionShipmentHasADeliveryNoteWithBothVatNumbers() throws Exception {
        ShipmentPlan intra = DocumentFixtures.intraUnionPlan();
        Shipment s = intra.shipments().get(0);
        assertEquals("INTRA_UNION", s.customsRegime());
        assertEquals("READY", s.status());
        Map<String, String> docs = CustomsDocuments.render(s, intra.documentLines(s), DocumentFixtures.PLANNER.partiesOf(s));
        assertEquals(CustomsDocuments.DELIVERY_FILE_NAMES, List.copyOf(docs.keySet()));
        JsonNode note = new ObjectMapper().readTree(docs.get("delivery_note.json"));
        assertEquals("delivery_note", note.get("document").asText());
        assertEquals("DN-" + s.shipmentId(), note.get("document_number").asText());
        assertEquals("NL123456789B01", note.get("exporter").get("vat_number").asText());
        assertEquals("DE312345678", note.get("importer").get("vat_number").asText());
        assertEquals("INTRA_UNION", note.get("shipment").get("customs_regime").asText());
        assertEquals(0, new java.math.BigDecimal("385.00").compareTo(note.get("shipment").get("total_value").decimalValue()));
        for (String absent : List.of("estimated_duty", "estimated_vat", "eei_required", "duties_paid_by")) {
            assertFalse(note.get("shipment").has(absent), absent);
        }
        String html = docs.get("delivery_note.html");
        assertTrue(html.contains("Delivery note"));
        assertTrue(html.contains("intra-community supply"), html);
        assertFalse(html.contains("Estimated duty"), html);
        assertFalse(html.contains("Commercial invoice"), html);
        assertSameFields(html, docs.get("delivery_note.json"));
    }

    @Test
    void linesOfAnotherShipmentAreRefused() {
        ShipmentLine other = lines.get(0);
        ShipmentLine moved = new ShipmentLine("SHP-OTHER", 1, other.partNo(), other.description(), other.hsCode(),
                other.originCountry(), other.quantity(), other.unitValue(), other.lineValue(), other.currency(),
                other.netWeightKg(), other.dangerousGoods(), other.eccn(), other.status(), other.holdReason(),
                other.grossWeightKg(), other.sourceCurrency(), other.sourceUnitValue(), other.fxRate());
        assertThrows(IllegalArgumentException.class,
                () -> CustomsDocuments.commercialInvoiceHtml(shipment, List.of(moved), parties));
    }
}
