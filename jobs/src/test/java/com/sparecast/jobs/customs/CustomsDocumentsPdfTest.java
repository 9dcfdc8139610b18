package com.sparecast.jobs.customs;

import com.sparecast.models.logistics.Shipment;
import com.sparecast.models.logistics.ShipmentLine;
import com.sparecast.models.logistics.ShipmentPlan;
import com.sparecast.models.trade.Parties;
import com.sparecast.models.trade.Party;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The customs documents as PDF: laid out from the HTML, with the shipment and its lines, the same bytes every time. */
class CustomsDocumentsPdfTest {

    private static final LocalDate PLANNING_DATE = LocalDate.of(2026, 11, 20);

    private final ShipmentPlan plan = DocumentFixtures.plan();
    private final Shipment shipment = plan.shipments().get(0);
    private final List<ShipmentLine> lines = plan.documentLines(shipment);
    private final Parties parties = DocumentFixtures.PLANNER.partiesOf(shipment);

    @Test
    void eachHtmlDocumentIsFollowedByItsPdf() {
        Map<String, byte[]> files = CustomsDocuments.files(shipment, lines, List.of(), parties, PLANNING_DATE);
        assertEquals(List.of("commercial_invoice.html", "commercial_invoice.pdf", "commercial_invoice.json",
                "packing_list.html", "packing_list.pdf", "packing_list.json"), List.copyOf(files.keySet()));
        Map<String, String> text = CustomsDocuments.render(shipment, lines, parties);
        for (Map.Entry<String, String> doc : text.entrySet()) {
            assertEquals(doc.getValue(), new String(files.get(doc.getKey()), StandardCharsets.UTF_8), doc.getKey());
        }
        for (String pdf : List.of("commercial_invoice.pdf", "packing_list.pdf")) {
            assertEquals("%PDF-", new String(files.get(pdf), 0, 5, StandardCharsets.US_ASCII), pdf);
        }
    }

    /*
     * The fixture's READY lines: P-100 x 3, P-200 x 4, P-300 x 10 (P-400 is held and on neither
     * document). Each line's row starts with its number, part number and (after the description
     * and, on the invoice, HS code and origin) its quantity in PCE. The values the template escapes
     * (the importer "Sparecast UK Ltd <Parts & Service>", the description
     * 'Pump "HX" <200 bar> & seal kit') come out of the PDF as they were.
     */
    @Test
    void thePdfsHoldTheShipmentIdAndEveryLine() throws IOException {
        Map<String, byte[]> files = CustomsDocuments.files(shipment, lines, List.of(), parties, PLANNING_DATE);
        assertEquals(List.of("P-100", "P-200", "P-300"), lines.stream().map(ShipmentLine::partNo).toList());
        for (String name : List.of("commercial_invoice.pdf", "packing_list.pdf")) {
            String text = text(files.get(name));
            assertTrue(text.contains(shipment.shipmentId()), name + ": no shipment id in\n" + text);
            assertTrue(text.contains((name.startsWith("commercial") ? "CI-" : "PL-") + shipment.shipmentId()), text);
            assertTrue(text.contains("Sparecast UK Ltd <Parts & Service>"), text);
            // the description column wraps (where depends on the columns' widths): each part is there, in order
            assertTrue(Pattern.compile("(?s)Pump \"HX\" <200.*bar>.*&.*seal kit").matcher(text).find(), text);
            for (ShipmentLine l : lines) {
                Pattern row = Pattern.compile("(?m)^" + l.lineNo() + " " + Pattern.quote(l.partNo()) + " .*\\b"
                        + l.quantity() + " PCE\\b");
                assertTrue(row.matcher(text).find(), name + ": no row " + row + " in\n" + text);
            }
            assertTrue(!text.contains("P-400"), name + " shows the held line");
        }
    }

    /*
     * A US importer has a tax id (an EIN) and no EORI or VAT number. Each label keeps its own
     * value on its text line: an empty value prints a dash, so the EIN stays beside "Tax id" and
     * does not move up beside "EORI" (an empty <dd> has no line box in the PDF's float layout).
     * The exporter is the fixture's, with every field but the tax id.
     */
    @Test
    void anEmptyPartyFieldKeepsItsLineInThePdf() throws IOException {
        Party importer = new Party("Sparecast Inc.", "200 Harbor Blvd", "Newark", "07114", "US", "", "", "12-3456789");
        Parties us = new Parties(parties.exporter(), importer);
        Map<String, byte[]> files = CustomsDocuments.files(shipment, lines, List.of(), us, PLANNING_DATE);
        String text = text(files.get("commercial_invoice.pdf"));
        // exporter's value first, then the importer's, on one line (the parties stand side by side)
        assertTrue(Pattern.compile("(?m)^VAT number NL123456789B01 VAT number \u2014$").matcher(text).find(), text);
        assertTrue(Pattern.compile("(?m)^EORI NL123456789 EORI \u2014$").matcher(text).find(), text);
        assertTrue(Pattern.compile("(?m)^Tax id \u2014 Tax id 12-3456789$").matcher(text).find(), text);
        String html = new String(files.get("commercial_invoice.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<dt>EORI</dt><dd>\u2014</dd><dt>Tax id</dt><dd>12-3456789</dd>"), html);
    }

    /*
     * A long document: 130 lines (the fixture's three, repeated under new line numbers) make three
     * row groups of at most 50 in the HTML (ROWS_PER_BODY, which keeps the PDF's layout linear in
     * the rows), and the PDF runs over several pages with every line's row on one of them, once,
     * in order.
     */
    @Test
    void aLongDocumentKeepsEveryRowAcrossItsPagesAndGroups() throws IOException {
        List<ShipmentLine> many = new java.util.ArrayList<>();
        for (int i = 0; i < 130; i++) {
            ShipmentLine l = lines.get(i % lines.size());
            many.add(new ShipmentLine(l.shipmentId(), i + 1, l.partNo(), l.description(), l.hsCode(), l.originCountry(),
                    l.quantity(), l.unitValue(), l.lineValue(), l.currency(), l.netWeightKg(), l.dangerousGoods(),
                    l.eccn(), l.status(), l.holdReason(), l.grossWeightKg(), l.sourceCurrency(), l.sourceUnitValue(),
                    l.fxRate()));
        }
        String html = CustomsDocuments.packingListHtml(shipment, many, parties);
        String table = html.substring(html.indexOf("<section class=\"lines\">"), html.indexOf("</section>",
                html.indexOf("<section class=\"lines\">")));
        String[] bodies = table.split("<tbody>", -1);
        assertEquals(4, bodies.length, table); // before the first group, then three groups
        assertEquals(List.of(50, 50, 30), Arrays.stream(bodies).skip(1)
                .map(b -> b.split("<tr data-part-no=", -1).length - 1).toList());

        byte[] pdf = CustomsDocuments.files(shipment, many, List.of(), parties, PLANNING_DATE).get("packing_list.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() > 1, "130 lines on one page");
        }
        String text = text(pdf);
        int from = 0;
        for (ShipmentLine l : many) {
            java.util.regex.Matcher row = Pattern.compile("(?m)^" + l.lineNo() + " " + Pattern.quote(l.partNo())
                    + " .*\\b" + l.quantity() + " PCE\\b").matcher(text);
            assertTrue(row.find(from), "no row " + l.lineNo() + " after the previous one in\n" + text);
            from = row.end();
            assertTrue(!row.find(), "row " + l.lineNo() + " shown twice");
        }
    }

    /*
     * The invoice has twenty columns on A4 landscape (841.9 pt wide, 12 mm = 34.0 pt margins, so
     * text must end by 807.9 pt). Wide values in every column, among them UN3481's 71-character
     * proper shipping name and its two packing instructions, must wrap where free text may wrap
     * and not push the last columns (DG class, packing instruction, ECCN) off the page: on the
     * template that wrapped only the third column, this line's text ran to 939.6 pt. A part
     * number never wraps (a broker searches the PDF for it). A column pushed wholly off the page
     * may be left out of the PDF altogether, so the last columns' values are looked for too.
     */
    @Test
    void theInvoiceTableFitsThePage() throws IOException {
        ShipmentLine l = lines.get(0);
        ShipmentLine wide = new ShipmentLine(l.shipmentId(), 999, "PN-123456-ABC",
                "Lithium-ion battery module 48 V 20 Ah for handheld scanner docking station", "8507.60.0090", "CN",
                12000, new java.math.BigDecimal("1234.5678"), new java.math.BigDecimal("14814813.60"),
                l.currency(), new java.math.BigDecimal("12345.678"), "UN3481", "5A992.c", l.status(), "",
                new java.math.BigDecimal("13580.246"), "JPY", new java.math.BigDecimal("185185.17"),
                new java.math.BigDecimal("0.006667"));
        List<ShipmentLine> withWide = new java.util.ArrayList<>(lines);
        withWide.add(wide);
        byte[] pdf = CustomsDocuments.files(shipment, withWide, List.of(), parties, PLANNING_DATE)
                .get("commercial_invoice.pdf");

        double[] rightmost = {0};
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) throws IOException {
                for (TextPosition p : positions) {
                    rightmost[0] = Math.max(rightmost[0], p.getXDirAdj() + p.getWidthDirAdj());
                }
                super.writeString(text, positions);
            }
        };
        stripper.setSortByPosition(true);
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            float pageWidth = doc.getPage(0).getMediaBox().getWidth();
            text = stripper.getText(doc);
            double rightMargin = pageWidth - 12 / 25.4 * 72;
            assertTrue(rightmost[0] <= rightMargin, "text ends at " + rightmost[0] + " pt, past the margin at "
                    + rightMargin + " pt:\n" + text);
        }
        // the last columns are on the page, in full
        for (String value : List.of("5A992.c", "UN3481", "(contained", "PN-123456-ABC")) {
            assertTrue(text.contains(value), value + " missing from\n" + text);
        }
        assertTrue(Pattern.compile("(?m)^999 PN-123456-ABC .*\\b9\\b.*\\b5A992\\.c$").matcher(text).find(),
                "the wide line's first row should end with DG class 9, ... and its ECCN:\n" + text);
    }

    /** Render twice: the same bytes (the nightly run's outputs are compared byte for byte on reruns). */
    @Test
    void theSameShipmentGivesTheSameBytes() throws Exception {
        Map<String, byte[]> a = CustomsDocuments.files(shipment, lines, List.of(), parties, PLANNING_DATE);
        Thread.sleep(1100); // a clock in the PDF would move by a second
        Map<String, byte[]> b = CustomsDocuments.files(DocumentFixtures.plan().shipments().get(0), lines, List.of(), parties,
                PLANNING_DATE);
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) {
            assertArrayEquals(a.get(name), b.get(name), name);
        }
        assertTrue(!Arrays.equals(a.get("packing_list.pdf"), a.get("commercial_invoice.pdf")));
        String dump = System.getProperty("customs.pdf.dump");
        if (dump != null) {
            for (Map.Entry<String, byte[]> f : a.entrySet()) {
                Files.write(Files.createDirectories(Path.of(dump)).resolve(f.getKey()), f.getValue());
            }
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(doc);
        }
    }
}
