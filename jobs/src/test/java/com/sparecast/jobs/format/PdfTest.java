package com.sparecast.jobs.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfTest {

    private static final String PAGE = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
            <head><meta charset="utf-8" /><title>t</title>
            <style>@page { size: A4; margin: 10mm; } body { font-family: "DejaVu Sans"; } b { font-weight: bold; }</style>
            </head>
            <body><p>Total 1&#160;234.50 € &amp; 12 £ to <b>Jönköping</b>, Łódź, Αθήνα, Москва &lt;ok&gt;</p></body>
            </html>
            """;

    /** Letters and signs past WinAnsi (Ł, Greek, Cyrillic) come out as themselves: the embedded DejaVu Sans has them. */
    @Test
    void everyCharacterOfThePageIsInThePdfText() throws Exception {
        byte[] pdf = Pdf.of(PAGE, LocalDate.of(2026, 11, 20));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(doc);
            assertTrue(text.contains("€ & 12 £ to Jönköping, Łódź, Αθήνα, Москва <ok>"), text);
            assertFalse(text.contains("#"), text);
            PDPage page = doc.getPage(0);
            // A4 is 210 x 297 mm = 595.3 x 841.9 pt (1 pt = 25.4 / 72 mm)
            assertEquals(595.3, page.getMediaBox().getWidth(), 0.5);
            assertEquals(841.9, page.getMediaBox().getHeight(), 0.5);
            int embedded = 0;
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertTrue(font.getName().contains("DejaVuSans"), font.getName());
                embedded += font.isEmbedded() ? 1 : 0;
            }
            assertEquals(2, embedded, "regular and bold, both embedded");
        }
    }

    /** The same page and date give the same bytes; the dates in the PDF are the date given, the ID comes from the page. */
    @Test
    void samePageAndDateGiveTheSameBytes() throws Exception {
        LocalDate date = LocalDate.of(2026, 11, 20);
        byte[] a = Pdf.of(PAGE, date);
        Thread.sleep(1100); // a clock in the PDF would move by a second
        byte[] b = Pdf.of(PAGE, date);
        assertArrayEquals(a, b);
        try (PDDocument doc = Loader.loadPDF(a)) {
            var info = doc.getDocumentInformation();
            assertEquals(date.atStartOfDay(ZoneOffset.UTC).toInstant(), info.getCreationDate().toInstant());
            assertEquals(date.atStartOfDay(ZoneOffset.UTC).toInstant(), info.getModificationDate().toInstant());
        }
        assertFalse(Arrays.equals(a, Pdf.of(PAGE, date.plusDays(1))), "the date is in the PDF");
        assertFalse(Arrays.equals(a, Pdf.of(PAGE.replace("Total", "Sum"), date)), "so is the text");
    }

    @Test
    void aPageThatIsNotWellFormedIsRefusedWithWhere() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pdf.of("<html><body><p>open\n<br></body></html>", LocalDate.of(2026, 11, 20)));
        assertTrue(e.getMessage().startsWith("not well-formed XHTML at line 2"), e.getMessage());
    }
}
