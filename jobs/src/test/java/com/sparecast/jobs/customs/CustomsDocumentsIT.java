package com.sparecast.jobs.customs;

import com.sparecast.jobs.HeadlessChromium;
import com.sparecast.models.logistics.Shipment;
import com.sparecast.models.logistics.ShipmentLine;
import com.sparecast.models.logistics.ShipmentPlan;
import com.sparecast.models.trade.Parties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Renders the customs documents in headless Chromium: a screenshot must be a real page and the
 * rendered DOM must show every line of the shipment. Skipped only when no Chromium is installed
 * (looked up as {@code $CHROMIUM}, then {@code chromium}, {@code chromium-browser},
 * {@code google-chrome} on the PATH).
 */
class CustomsDocumentsIT {

    private static HeadlessChromium chromium;

    @TempDir
    static Path scratch;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findChromium() {
        chromium = HeadlessChromium.find(scratch);
        assumeTrue(chromium != null, "chromium is not installed: skipping the rendering test");
    }

    @Test
    void commercialInvoiceRendersWithEveryLine() throws Exception {
        ShipmentPlan plan = DocumentFixtures.plan();
        Shipment s = plan.shipments().get(0);
        List<ShipmentLine> lines = plan.documentLines(s);
        Parties parties = DocumentFixtures.PLANNER.partiesOf(s);
        renderAndCheck("commercial_invoice", CustomsDocuments.commercialInvoiceHtml(s, lines, parties), s, lines);
    }

    @Test
    void packingListRendersWithEveryLine() throws Exception {
        ShipmentPlan plan = DocumentFixtures.plan();
        Shipment s = plan.shipments().get(0);
        List<ShipmentLine> lines = plan.documentLines(s);
        Parties parties = DocumentFixtures.PLANNER.partiesOf(s);
        renderAndCheck("packing_list", CustomsDocuments.packingListHtml(s, lines, parties), s, lines);
    }

    private void renderAndCheck(String name, String html, Shipment s, List<ShipmentLine> lines) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("customs").resolve(s.shipmentId()));
        Path page = folder.resolve(name + ".html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        Path png = tmp.resolve(name + ".png");

        BufferedImage image = chromium.screenshot(page, png, 1200, 1600);
        assertTrue(Files.size(png) > 10_000, "screenshot too small: " + Files.size(png) + " bytes");
        assertEquals(1200, image.getWidth());
        assertEquals(1600, image.getHeight());
        assertTrue(HeadlessChromium.distinctColours(image) > 16, "the screenshot looks blank");

        String dom = chromium.dumpDom(page);
        assertTrue(dom.contains("data-shipment-id=\"" + s.shipmentId() + "\""), dom);
        assertEquals(lines.size(), count(dom, "<tr data-part-no="), dom);
        for (ShipmentLine l : lines) {
            assertTrue(dom.contains("data-part-no=\"" + l.partNo() + "\""), "no row for " + l.partNo());
            assertTrue(dom.contains("<td>" + l.partNo() + "</td>"), "part number not shown: " + l.partNo());
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
