package com.sparecast.jobs.format;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.xml.sax.SAXParseException;

/**
 * PDFs of HTML pages: the XHTML a template rendered ({@link Templates}), laid out by openhtmltopdf
 * (CSS 2.1 with {@code @page} and {@code @media print}) onto PDFBox, so a page and its PDF come from
 * one template and nothing is drawn by hand.
 *
 * <p>The text is set in DejaVu Sans (regular and bold, shipped under {@code fonts/}, subset and
 * embedded): it has the Latin, Greek and Cyrillic letters and the currency signs ({@code €},
 * {@code £}) that master data may hold, where the PDF base-14 fonts stop at WinAnsi. A template
 * names it as {@code font-family: "DejaVu Sans"}.
 *
 * <p>Byte for byte reproducible, as every output of a run is: the creation and modification date
 * are the date given (midnight UTC), not the clock, and the document ID (the trailer's
 * {@code /ID}, random by default) is derived from the page's own text. The same page and date
 * give the same bytes, on any machine and in any executor. The page may load nothing from outside
 * (no URI is resolved).
 */
public final class Pdf {

    /** The font family the templates name, and its regular and bold faces. */
    public static final String FONT_FAMILY = "DejaVu Sans";
    private static final byte[] REGULAR = font("fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = font("fonts/DejaVuSans-Bold.ttf");
    private static final String PRODUCER = "Sparecast (openhtmltopdf, Apache PDFBox)";

    static {
        PdfLog.install();
    }

    private Pdf() {
    }

    /**
     * The PDF of {@code xhtml} (well-formed XHTML: every element closed), dated {@code date}.
     *
     * @throws IllegalArgumentException when the page is not well-formed XML
     */
    public static byte[] of(String xhtml, LocalDate date) {
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .withHtmlContent(xhtml, null)
                .withProducer(PRODUCER)
                .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .useFont(() -> new ByteArrayInputStream(REGULAR), FONT_FAMILY, 400, FontStyle.NORMAL, true)
                .useFont(() -> new ByteArrayInputStream(BOLD), FONT_FAMILY, 700, FontStyle.NORMAL, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (PDDocument pdf = builder.buildPdfRenderer().createPDFKeepOpen()) {
            PDDocumentInformation info = pdf.getDocumentInformation();
            Calendar day = midnightUtc(date);
            info.setCreationDate(day);
            info.setModificationDate(day);
            COSString id = new COSString(Arrays.copyOf(sha256(xhtml), 16));
            COSArray ids = new COSArray();
            ids.add(id);
            ids.add(id);
            pdf.getDocument().setDocumentID(ids);
            pdf.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render a PDF", e);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SAXParseException parse) {
                    throw new IllegalArgumentException("not well-formed XHTML at line " + parse.getLineNumber()
                            + ", column " + parse.getColumnNumber() + ": " + parse.getMessage(), e);
                }
            }
            throw e;
        }
        return out.toByteArray();
    }

    private static Calendar midnightUtc(LocalDate date) {
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        c.clear();
        c.set(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
        return c;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] font(String resource) {
        try (InputStream in = Pdf.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + resource, e);
        }
    }
}
