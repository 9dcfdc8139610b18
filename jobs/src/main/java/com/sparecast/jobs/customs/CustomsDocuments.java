package com.sparecast.jobs.customs;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sparecast.models.logistics.Formats;
import com.sparecast.models.logistics.Shipment;
import com.sparecast.models.logistics.ShipmentLine;
import com.sparecast.models.trade.Parties;
import com.sparecast.models.trade.Party;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The customs documents of one shipment, for {@code customs/<shipment_id>/}: a commercial
 * invoice and a packing list, each as printable HTML and as JSON carrying the same fields.
 *
 * <p>Pure functions: they return text and write nothing. The HTML is self-contained (inline CSS,
 * no script, no external resource) and every value in it is HTML-escaped. Both documents carry
 * every column of the shipment's row in {@code plans/shipments.csv} and of its lines' rows in
 * {@code plans/shipment_lines.csv} (plus the shipment's origin country, who pays duties, net
 * weight and each line's gross weight), and the exporter and importer. JSON keys are the contract's
 * column names; money and weights are JSON numbers with 2 and 3 decimals, dates ISO strings.
 *
 * <p>Pass the lines the shipment carries ({@code ShipmentPlan.documentLines(shipment)}): its
 * READY lines. A HOLD shipment's documents show an "on hold" banner and each line's reason.
 */
public final class CustomsDocuments {

    /** File names of the four documents in a shipment's folder, in {@link #render} order. */
    public static final List<String> FILE_NAMES = List.of(
            "commercial_invoice.html", "commercial_invoice.json", "packing_list.html", "packing_list.json");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private CustomsDocuments() {
    }

    /** The kind of document. */
    enum Kind {
        COMMERCIAL_INVOICE("commercial_invoice", "Commercial invoice", "CI-"),
        PACKING_LIST("packing_list", "Packing list", "PL-");

        final String key;
        final String title;
        final String numberPrefix;

        Kind(String key, String title, String numberPrefix) {
            this.key = key;
            this.title = title;
            this.numberPrefix = numberPrefix;
        }
    }

    /** A field: its JSON key (the contract column), its printed label, its typed value and its text. */
    record Field(String key, String label, Object value, String text, boolean numeric) {
        static Field text(String key, String label, String value) {
            return new Field(key, label, value, value, false);
        }

        static Field number(String key, String label, Object value, String text) {
            return new Field(key, label, value, text, true);
        }
    }

    /** All four documents by file name ({@link #FILE_NAMES}), in a stable order. */
    public static Map<String, String> render(Shipment shipment, List<ShipmentLine> lines, Parties parties) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(FILE_NAMES.get(0), commercialInvoiceHtml(shipment, lines, parties));
        files.put(FILE_NAMES.get(1), commercialInvoiceJson(shipment, lines, parties));
        files.put(FILE_NAMES.get(2), packingListHtml(shipment, lines, parties));
        files.put(FILE_NAMES.get(3), packingListJson(shipment, lines, parties));
        return files;
    }

    /** The commercial invoice as printable HTML. */
    public static String commercialInvoiceHtml(Shipment shipment, List<ShipmentLine> lines, Parties parties) {
        return html(Kind.COMMERCIAL_INVOICE, shipment, lines, parties);
    }

    /** The packing list as printable HTML. */
    public static String packingListHtml(Shipment shipment, List<ShipmentLine> lines, Parties parties) {
        return html(Kind.PACKING_LIST, shipment, lines, parties);
    }

    /** The commercial invoice as JSON, with the fields of its HTML. */
    public static String commercialInvoiceJson(Shipment shipment, List<ShipmentLine> lines, Parties parties) {
        return json(Kind.COMMERCIAL_INVOICE, shipment, lines, parties);
    }

    /** The packing list as JSON, with the fields of its HTML. */
    public static String packingListJson(Shipment shipment, List<ShipmentLine> lines, Parties parties) {
        return json(Kind.PACKING_LIST, shipment, lines, parties);
    }

    // ---- the fields, shared by HTML and JSON ----

    static List<Field> shipmentFields(Shipment s) {
        return List.of(
                Field.text("shipment_id", "Shipment", s.shipmentId()),
                Field.text("origin_warehouse", "Origin warehouse", s.originWarehouse()),
                Field.text("origin_country", "Country of export", s.originCountry()),
                Field.text("destination_warehouse", "Destination warehouse", s.destinationWarehouse()),
                Field.text("destination_country", "Country of destination", s.destinationCountry()),
                Field.text("mode", "Mode of transport", s.mode()),
                Field.text("incoterm", "Incoterm", s.incoterm()),
                Field.text("duties_paid_by", "Duties and taxes paid by", s.dutiesPaidBy()),
                Field.text("ship_date", "Ship date", s.shipDate().toString()),
                Field.text("expected_arrival", "Expected arrival", s.expectedArrival().toString()),
                Field.number("lines", "Lines", s.lines(), Integer.toString(s.lines())),
                Field.number("total_value", "Total value", money(s.totalValue()), Formats.money(s.totalValue())),
                Field.text("currency", "Currency", s.currency()),
                Field.number("net_weight_kg", "Net weight (kg)", kg(s.netWeightKg()), Formats.kg(s.netWeightKg())),
                Field.number("gross_weight_kg", "Gross weight (kg)", kg(s.grossWeightKg()), Formats.kg(s.grossWeightKg())),
                Field.number("estimated_duty", "Estimated duty", money(s.estimatedDuty()), Formats.money(s.estimatedDuty())),
                Field.number("estimated_vat", "Estimated VAT", money(s.estimatedVat()), Formats.money(s.estimatedVat())),
                new Field("eei_required", "EEI required", s.eeiRequired(), yesNo(s.eeiRequired()), false),
                new Field("dangerous_goods", "Dangerous goods", s.dangerousGoods(), yesNo(s.dangerousGoods()), false),
                Field.text("status", "Status", s.status()));
    }

    static List<Field> lineFields(Kind kind, ShipmentLine l) {
        Field lineNo = Field.number("line_no", "No.", l.lineNo(), Integer.toString(l.lineNo()));
        Field partNo = Field.text("part_no", "Part no.", l.partNo());
        Field description = Field.text("description", "Description", l.description());
        Field hs = Field.text("hs_code", "HS code", l.hsCode());
        Field origin = Field.text("origin_country", "Origin", l.originCountry());
        Field qty = Field.number("quantity", "Qty", l.quantity(), Long.toString(l.quantity()));
        Field unit = Field.number("unit_value", "Unit value", l.unitValue(), Formats.unitValue(l.unitValue()));
        Field value = Field.number("line_value", "Line value", money(l.lineValue()), Formats.money(l.lineValue()));
        Field currency = Field.text("currency", "Cur.", l.currency());
        Field net = Field.number("net_weight_kg", "Net kg", kg(l.netWeightKg()), Formats.kg(l.netWeightKg()));
        Field gross = Field.number("gross_weight_kg", "Gross kg", kg(l.grossWeightKg()), Formats.kg(l.grossWeightKg()));
        Field dg = Field.text("dangerous_goods", "DG (UN no.)", l.dangerousGoods());
        Field eccn = Field.text("eccn", "ECCN", l.eccn());
        Field status = Field.text("status", "Status", l.status());
        Field reason = Field.text("hold_reason", "Hold reason", l.holdReason());
        if (kind == Kind.PACKING_LIST) {
            return List.of(lineNo, partNo, description, qty, net, gross, dg, hs, origin, eccn,
                    unit, value, currency, status, reason);
        }
        return List.of(lineNo, partNo, description, hs, origin, qty, unit, value, currency,
                net, gross, dg, eccn, status, reason);
    }

    static List<Field> partyFields(Party p) {
        return List.of(
                Field.text("name", "Name", p.name()),
                Field.text("address", "Address", p.address()),
                Field.text("country", "Country", p.country()),
                Field.text("tax_id", "VAT / EORI", p.taxId()));
    }

    // ---- JSON ----

    static String json(Kind kind, Shipment shipment, List<ShipmentLine> lines, Parties parties) {
        check(shipment, lines, parties);
        ObjectNode root = JSON.createObjectNode();
        root.put("document", kind.key);
        root.put("document_number", kind.numberPrefix + shipment.shipmentId());
        root.put("document_date", shipment.shipDate().toString());
        put(root.putObject("shipment"), shipmentFields(shipment));
        put(root.putObject("exporter"), partyFields(parties.exporter()));
        put(root.putObject("importer"), partyFields(parties.importer()));
        ArrayNode array = root.putArray("lines");
        for (ShipmentLine l : lines) {
            put(array.addObject(), lineFields(kind, l));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + kind.key + " of " + shipment.shipmentId(), e);
        }
    }

    private static void put(ObjectNode node, List<Field> fields) {
        for (Field f : fields) {
            Object v = f.value();
            if (v instanceof BigDecimal b) {
                node.put(f.key(), b);
            } else if (v instanceof Integer i) {
                node.put(f.key(), i);
            } else if (v instanceof Long n) {
                node.put(f.key(), n);
            } else if (v instanceof Boolean b) {
                node.put(f.key(), b);
            } else {
                node.put(f.key(), (String) v);
            }
        }
    }

    // ---- HTML ----

    static String html(Kind kind, Shipment s, List<ShipmentLine> lines, Parties parties) {
        check(s, lines, parties);
        StringBuilder h = new StringBuilder(8192);
        String title = kind.title + " " + s.shipmentId();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n")
                .append("</head>\n<body>\n<main class=\"doc\" data-document=\"").append(kind.key)
                .append("\" data-shipment-id=\"").append(escape(s.shipmentId())).append("\">\n");
        h.append("<header>\n<h1>").append(escape(kind.title)).append("</h1>\n<dl class=\"docno\">")
                .append("<dt>Document no.</dt><dd>").append(escape(kind.numberPrefix + s.shipmentId())).append("</dd>")
                .append("<dt>Date</dt><dd>").append(escape(s.shipDate().toString())).append("</dd></dl>\n</header>\n");
        if (!s.ready()) {
            h.append("<p class=\"banner\">ON HOLD: not released for shipment. See each line's hold reason.</p>\n");
        }
        h.append("<section class=\"parties\">\n");
        party(h, "Exporter", parties.exporter());
        party(h, "Importer", parties.importer());
        h.append("</section>\n");

        h.append("<section class=\"shipment\">\n<h2>Shipment</h2>\n<dl class=\"grid\">\n");
        for (Field f : shipmentFields(s)) {
            h.append("<div data-field=\"").append(f.key()).append("\"><dt>").append(escape(f.label()))
                    .append("</dt><dd>").append(escape(f.text())).append("</dd></div>\n");
        }
        h.append("</dl>\n</section>\n");

        h.append("<section class=\"lines\">\n<h2>Lines</h2>\n<table>\n<thead><tr>");
        List<Field> header = lines.isEmpty() ? lineFields(kind, placeholder(s)) : lineFields(kind, lines.get(0));
        for (Field f : header) {
            h.append("<th data-field=\"").append(f.key()).append("\"").append(f.numeric() ? " class=\"num\"" : "")
                    .append(">").append(escape(f.label())).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (ShipmentLine l : lines) {
            h.append("<tr data-part-no=\"").append(escape(l.partNo())).append("\"")
                    .append(l.ready() ? "" : " class=\"held\"").append(">");
            for (Field f : lineFields(kind, l)) {
                h.append("<td").append(f.numeric() ? " class=\"num\"" : "").append(">")
                        .append(escape(f.text())).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");

        h.append("<section class=\"totals\">\n<table>\n");
        if (kind == Kind.COMMERCIAL_INVOICE) {
            total(h, "Total value", Formats.money(s.totalValue()) + " " + s.currency());
            total(h, "Estimated duty", Formats.money(s.estimatedDuty()) + " " + s.currency());
            total(h, "Estimated VAT", Formats.money(s.estimatedVat()) + " " + s.currency());
            total(h, "Terms of delivery", s.incoterm() + ", duties and taxes paid by " + s.dutiesPaidBy());
        } else {
            total(h, "Net weight", Formats.kg(s.netWeightKg()) + " kg");
            total(h, "Gross weight", Formats.kg(s.grossWeightKg()) + " kg");
            total(h, "Dangerous goods", yesNo(s.dangerousGoods()));
        }
        h.append("</table>\n</section>\n");
        h.append("<footer>\n<p>").append(escape(kind == Kind.COMMERCIAL_INVOICE
                        ? "We declare that the information on this invoice is true and correct, and that the "
                        + "goods are of the origin shown."
                        : "Packed as listed; weights in kilograms."))
                .append("</p>\n<p class=\"sign\">Signature, name and date: ______________________________</p>\n")
                .append("</footer>\n</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void party(StringBuilder h, String role, Party p) {
        h.append("<div class=\"party\" data-role=\"").append(role.toLowerCase(java.util.Locale.ROOT))
                .append("\">\n<h2>").append(role).append("</h2>\n<dl>");
        for (Field f : partyFields(p)) {
            h.append("<dt>").append(escape(f.label())).append("</dt><dd>").append(escape(f.text())).append("</dd>");
        }
        h.append("</dl>\n</div>\n");
    }

    private static void total(StringBuilder h, String label, String value) {
        h.append("<tr><th>").append(escape(label)).append("</th><td class=\"num\">").append(escape(value))
                .append("</td></tr>\n");
    }

    private static ShipmentLine placeholder(Shipment s) {
        return new ShipmentLine(s.shipmentId(), 0, "", "", "", "", 0, BigDecimal.ZERO, BigDecimal.ZERO, "",
                BigDecimal.ZERO, "", "", Shipment.READY, "", BigDecimal.ZERO);
    }

    /** Text made safe for HTML element content and quoted attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void check(Shipment shipment, List<ShipmentLine> lines, Parties parties) {
        Objects.requireNonNull(shipment, "shipment");
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(parties, "parties");
        List<String> foreign = new ArrayList<>();
        for (ShipmentLine l : lines) {
            if (!l.shipmentId().equals(shipment.shipmentId())) {
                foreign.add(l.shipmentId() + "/" + l.lineNo());
            }
        }
        if (!foreign.isEmpty()) {
            throw new IllegalArgumentException("lines " + foreign + " are not on shipment " + shipment.shipmentId());
        }
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static BigDecimal kg(BigDecimal v) {
        return v.setScale(3, java.math.RoundingMode.HALF_UP);
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    private static final String CSS = """
            @page { size: A4 landscape; margin: 12mm; }
            * { box-sizing: border-box; }
            body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 11px; color: #111; margin: 0; background: #fff; }
            .doc { max-width: 1150px; margin: 0 auto; padding: 16px; }
            header { display: flex; justify-content: space-between; align-items: flex-start; border-bottom: 2px solid #111; margin-bottom: 10px; }
            h1 { font-size: 22px; margin: 0 0 8px 0; text-transform: uppercase; letter-spacing: 1px; }
            h2 { font-size: 13px; margin: 0 0 6px 0; text-transform: uppercase; color: #333; }
            dl { margin: 0; }
            .docno { display: grid; grid-template-columns: auto auto; gap: 2px 10px; }
            dt { font-weight: bold; color: #444; }
            dd { margin: 0; }
            .banner { background: #fde2e1; border: 2px solid #b3261e; color: #b3261e; font-weight: bold; padding: 6px 10px; }
            .parties { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; margin-bottom: 10px; }
            .party { border: 1px solid #999; padding: 8px; }
            .party dl { display: grid; grid-template-columns: 90px 1fr; gap: 2px 8px; }
            .grid { display: grid; grid-template-columns: repeat(4, 1fr); gap: 4px 12px; border: 1px solid #999; padding: 8px; margin-bottom: 10px; }
            table { border-collapse: collapse; width: 100%; }
            .lines th, .lines td { border: 1px solid #999; padding: 3px 4px; vertical-align: top; }
            .lines th { background: #eee; text-align: left; }
            .num { text-align: right; white-space: nowrap; }
            tr.held td { background: #fff4e5; }
            .totals table { width: auto; margin: 10px 0 0 auto; }
            .totals th { text-align: left; padding: 2px 12px 2px 0; }
            footer { margin-top: 18px; border-top: 1px solid #999; padding-top: 6px; }
            .sign { margin-top: 24px; }
            @media print { .doc { max-width: none; padding: 0; } tr { page-break-inside: avoid; } thead { display: table-header-group; } }
            """;
}
