package com.sparecast.jobs.customs;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sparecast.jobs.format.Numbers;
import com.sparecast.jobs.format.Pdf;
import com.sparecast.jobs.format.Templates;
import com.sparecast.models.logistics.CartonPacker.Carton;
import com.sparecast.models.logistics.Formats;
import com.sparecast.models.logistics.Shipment;
import com.sparecast.models.logistics.ShipmentLine;
import com.sparecast.models.trade.CustomsRegime;
import com.sparecast.models.trade.DangerousGoods;
import com.sparecast.models.trade.Parties;
import com.sparecast.models.trade.Party;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The customs documents of one shipment, for {@code customs/<shipment_id>/}: for an export
 * ({@code customs_regime} EXPORT) a commercial invoice and a packing list; for a movement inside a
 * customs union (INTRA_UNION) or a country (DOMESTIC) a delivery note and a packing list. Each as
 * printable HTML, as a PDF laid out from that HTML ({@link #files}, {@link Pdf}) and as JSON carrying
 * the same fields.
 *
 * <p>Pure functions: they return text (and PDF bytes) and write nothing. The HTML comes from
 * {@code templates/customs/document.mustache}, well-formed XHTML (the PDF's layout parses it as
 * XML), self-contained (inline CSS, no script, no external resource), every value HTML-escaped by
 * the template engine. The documents carry the columns of
 * the shipment's row in {@code plans/shipments.csv} and of its lines' rows in
 * {@code plans/shipment_lines.csv} that a broker files (plus the shipment's origin country, who
 * pays duties, net weight and each line's gross weight), and the exporter and importer with their
 * address and tax ids; never the internal status and hold reason. A delivery note carries no
 * duty, VAT or EEI. JSON keys are the contract's column names; money and weights are JSON numbers
 * with 2 and 3 decimals, dates ISO strings.
 *
 * <p>Pass the lines the shipment carries ({@code ShipmentPlan.documentLines(shipment)}): its
 * READY lines. A HOLD shipment's documents show an "on hold" banner; its reasons are in the plan.
 * Every document gives the shipment's package count; the packing list also lists its cartons
 * ({@code ShipmentPlan.cartonsOf(shipment_id)}): number, marks, line, part, quantity, net and
 * gross weight ({@code packages} in its JSON).
 */
public final class CustomsDocuments {

    /** File names of the four documents of an export, in {@link #render} order. */
    public static final List<String> FILE_NAMES = List.of(
            "commercial_invoice.html", "commercial_invoice.json", "packing_list.html", "packing_list.json");

    /** File names of the four documents of an intra-union or domestic movement, in {@link #render} order. */
    public static final List<String> DELIVERY_FILE_NAMES = List.of(
            "delivery_note.html", "delivery_note.json", "packing_list.html", "packing_list.json");

    /** Why the goods move: a transfer between warehouses of one company group, nothing is sold. */
    static final String REASON_FOR_EXPORT = "Intra-company stock transfer, no sale";
    /** Nothing is paid for a transfer; the values are for customs purposes only. */
    static final String TERMS_OF_PAYMENT = "No charge, value for customs purposes only";
    /** The related-party statement (WTO Customs Valuation Agreement, Art. 15.4; UCC Art. 127 IA). */
    static final String RELATED_PARTIES = "Exporter and importer are related parties (one company group); "
            + "the declared values are the group's cost and are not influenced by the relationship";
    /** Every line counts pieces (UN/ECE Recommendation 20 code PCE). */
    static final String UNIT_OF_MEASURE = "PCE";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private CustomsDocuments() {
    }

    /** The kind of document. */
    enum Kind {
        COMMERCIAL_INVOICE("commercial_invoice", "Commercial invoice", "CI-"),
        PACKING_LIST("packing_list", "Packing list", "PL-"),
        DELIVERY_NOTE("delivery_note", "Delivery note", "DN-");

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

        /** Money or a weight, already rounded ({@link Numbers#money}, {@link Numbers#kg}): printed as it is. */
        static Field amount(String key, String label, BigDecimal value) {
            return new Field(key, label, value, value.toPlainString(), true);
        }

        /** The free-text columns of the line tables, which may wrap; every other cell keeps its value on one line. */
        private static final Set<String> WRAPPING_KEYS = Set.of("description", "dg_proper_shipping_name",
                "dg_packing_instruction");

        /**
         * Whether the value may wrap in a table cell: the long texts do, so that the invoice's twenty
         * columns fit an A4 landscape page (kept on one line, a UN3481 name pushed the DG class, the
         * packing instruction and the ECCN off the page's edge).
         */
        public boolean wraps() {
            return WRAPPING_KEYS.contains(key);
        }

        /**
         * The text of a labelled value ({@code <dt>}/{@code <dd>}), a dash when there is none: an
         * empty {@code <dd>} has no line box in the PDF's float layout, so the next value would
         * sit beside this label (a tax id printed as the EORI); a broker also reads a dash as
         * "not given", where a blank could be a printing fault.
         */
        public String shown() {
            return text == null || text.isBlank() ? "\u2014" : text;
        }
    }

    /**
     * All four documents by file name, in a stable order: {@link #FILE_NAMES} for an export,
     * {@link #DELIVERY_FILE_NAMES} otherwise.
     */
    public static Map<String, String> render(Shipment shipment, List<ShipmentLine> lines, List<Carton> cartons,
                                             Parties parties) {
        Kind first = exported(shipment) ? Kind.COMMERCIAL_INVOICE : Kind.DELIVERY_NOTE;
        Map<String, String> files = new LinkedHashMap<>();
        files.put(first.key + ".html", html(first, shipment, lines, parties));
        files.put(first.key + ".json", json(first, shipment, lines, parties));
        files.put(Kind.PACKING_LIST.key + ".html", packingListHtml(shipment, lines, cartons, parties));
        files.put(Kind.PACKING_LIST.key + ".json", packingListJson(shipment, lines, cartons, parties));
        return files;
    }

    /** As {@link #render(Shipment, List, List, Parties)} without cartons (the packing list lists none). */
    public static Map<String, String> render(Shipment shipment, List<ShipmentLine> lines, Parties parties) {
        return render(shipment, lines, List.of(), parties);
    }

    /**
     * Every file of the shipment's folder as bytes, in a stable order: {@link #render(Shipment, List, List, Parties)}'s four (UTF-8)
     * and, after each HTML document, its PDF ({@link #pdfOf}). The nightly job makes the same files in
     * two stages (the PDFs, the costly part, spread over the executors by document), this in one.
     */
    public static Map<String, byte[]> files(Shipment shipment, List<ShipmentLine> lines, List<Carton> cartons,
                                            Parties parties, LocalDate date) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Map.Entry<String, String> doc : render(shipment, lines, cartons, parties).entrySet()) {
            files.put(doc.getKey(), doc.getValue().getBytes(StandardCharsets.UTF_8));
            pdfOf(doc.getKey(), doc.getValue(), date).ifPresent(pdf -> files.put(pdf.getKey(), pdf.getValue()));
        }
        return files;
    }

    /**
     * The PDF of a document {@link #render} gave, by file name: for an HTML document
     * ({@code packing_list.html}) its PDF ({@code packing_list.pdf}), laid out from that same HTML
     * and dated {@code date} (the planning date: the same plan gives the same bytes); nothing for JSON.
     */
    public static Optional<Map.Entry<String, byte[]>> pdfOf(String fileName, String content, LocalDate date) {
        if (!fileName.endsWith(".html")) {
            return Optional.empty();
        }
        String pdfName = fileName.substring(0, fileName.length() - ".html".length()) + ".pdf";
        return Optional.of(Map.entry(pdfName, Pdf.of(content, date)));
    }

    /** The delivery note (intra-union or domestic movement) as printable HTML. */
    public static String deliveryNoteHtml(Shipment shipment, List<ShipmentLine> lines, Parties parties) {
        return html(Kind.DELIVERY_NOTE, shipment, lines, parties);
    }

    /** The delivery note as JSON, with the fields of its HTML. */
    public static String deliveryNoteJson(Shipment shipment, List<ShipmentLine> lines, Parties parties) {
        return json(Kind.DELIVERY_NOTE, shipment, lines, parties);
    }

    private static boolean exported(Shipment s) {
        return CustomsRegime.EXPORT.name().equals(s.customsRegime());
    }

    /** The commercial invoice as printable HTML. */
    public static String commercialInvoiceHtml(Shipment shipment, List<ShipmentLine> lines, Parties parties) {
        return html(Kind.COMMERCIAL_INVOICE, shipment, lines, parties);
    }

    /** The packing list as printable HTML. */
    public static String packingListHtml(Shipment shipment, List<ShipmentLine> lines, Parties parties) {
        return packingListHtml(shipment, lines, List.of(), parties);
    }

    /** The packing list with its cartons as printable HTML. */
    public static String packingListHtml(Shipment shipment, List<ShipmentLine> lines, List<Carton> cartons,
                                         Parties parties) {
        return html(Kind.PACKING_LIST, shipment, lines, cartons, parties);
    }

    /** The commercial invoice as JSON, with the fields of its HTML. */
    public static String commercialInvoiceJson(Shipment shipment, List<ShipmentLine> lines, Parties parties) {
        return json(Kind.COMMERCIAL_INVOICE, shipment, lines, parties);
    }

    /** The packing list as JSON, with the fields of its HTML. */
    public static String packingListJson(Shipment shipment, List<ShipmentLine> lines, Parties parties) {
        return packingListJson(shipment, lines, List.of(), parties);
    }

    /** The packing list with its cartons as JSON, with the fields of its HTML. */
    public static String packingListJson(Shipment shipment, List<ShipmentLine> lines, List<Carton> cartons,
                                         Parties parties) {
        return json(Kind.PACKING_LIST, shipment, lines, cartons, parties);
    }

    // ---- the fields, shared by HTML and JSON ----

    static List<Field> shipmentFields(Shipment s) {
        List<Field> fields = new ArrayList<>(List.of(
                Field.text("shipment_id", "Shipment", s.shipmentId()),
                Field.text("customs_regime", "Customs regime", s.customsRegime()),
                Field.text("origin_warehouse", "Origin warehouse", s.originWarehouse()),
                Field.text("origin_country", "Country of export", s.originCountry()),
                Field.text("destination_warehouse", "Destination warehouse", s.destinationWarehouse()),
                Field.text("destination_country", "Country of destination", s.destinationCountry()),
                Field.text("mode", "Mode of transport", s.mode()),
                Field.text("incoterm", "Incoterm (Incoterms 2020)", s.incoterm()),
                Field.text("incoterm_place", "Named place", s.incotermPlace()),
                Field.text("ship_date", "Ship date", s.shipDate().toString()),
                Field.text("expected_arrival", "Expected arrival", s.expectedArrival().toString()),
                Field.number("lines", "Lines", s.lines(), Integer.toString(s.lines())),
                Field.amount("total_value", "Total value", Numbers.money(s.totalValue())),
                Field.text("currency", "Currency", s.currency()),
                Field.number("fx_rate", "Exchange rate (base per unit)", s.fxRate(), Formats.rate(s.fxRate())),
                Field.text("fx_date", "Exchange rates of", s.fxDate().toString()),
                Field.amount("net_weight_kg", "Net weight (kg)", Numbers.kg(s.netWeightKg())),
                Field.amount("gross_weight_kg", "Gross weight (kg)", Numbers.kg(s.grossWeightKg())),
                Field.number("packages", "Packages (cartons)", s.packages(), Integer.toString(s.packages())),
                new Field("dangerous_goods", "Dangerous goods", s.dangerousGoods(), yesNo(s.dangerousGoods()), false)));
        fields.add(Field.text("reason_for_export", exported(s) ? "Reason for export" : "Reason for movement",
                REASON_FOR_EXPORT));
        fields.add(Field.text("terms_of_payment", "Terms of payment", TERMS_OF_PAYMENT));
        fields.add(new Field("related_parties", "Related parties", true, RELATED_PARTIES, false));
        if (exported(s)) {
            if (!s.officeOfEntry().isEmpty()) {
                fields.add(Field.text("office_of_entry", "Office of entry", s.officeOfEntry()));
            }
            fields.add(Field.text("duties_paid_by", "Duties and taxes paid by", s.dutiesPaidBy()));
            fields.add(Field.amount("estimated_duty", "Estimated duty", Numbers.money(s.estimatedDuty())));
            fields.add(Field.amount("estimated_vat", "Estimated VAT", Numbers.money(s.estimatedVat())));
            fields.add(new Field("eei_required", "EEI required", s.eeiRequired(), yesNo(s.eeiRequired()), false));
        }
        return fields;
    }

    static List<Field> lineFields(Kind kind, ShipmentLine l) {
        Field lineNo = Field.number("line_no", "No.", l.lineNo(), Integer.toString(l.lineNo()));
        Field partNo = Field.text("part_no", "Part no.", l.partNo());
        Field description = Field.text("description", "Description", l.description());
        Field hs = Field.text("hs_code", "HS code", l.hsCode());
        Field origin = Field.text("origin_country", "Origin", l.originCountry());
        Field qty = Field.number("quantity", "Qty", l.quantity(), Long.toString(l.quantity()));
        Field unitOfMeasure = Field.text("unit_of_measure", "Unit", UNIT_OF_MEASURE);
        Optional<DangerousGoods.Entry> dgEntry = l.dangerousGoods().isEmpty() ? Optional.empty()
                : DangerousGoods.standard().lookup(l.dangerousGoods());
        Field dgName = Field.text("dg_proper_shipping_name", "DG proper shipping name",
                dgEntry.map(DangerousGoods.Entry::properShippingName).orElse(""));
        Field dgClass = Field.text("dg_class", "DG class", dgEntry.map(DangerousGoods.Entry::hazardClass).orElse(""));
        Field dgPi = Field.text("dg_packing_instruction", "Packing instr.",
                dgEntry.map(DangerousGoods.Entry::packingInstruction).orElse(""));
        Field unit = Field.number("unit_value", "Unit value", l.unitValue(), Formats.unitValue(l.unitValue()));
        Field value = Field.amount("line_value", "Line value", Numbers.money(l.lineValue()));
        Field currency = Field.text("currency", "Cur.", l.currency());
        Field net = Field.amount("net_weight_kg", "Net kg", Numbers.kg(l.netWeightKg()));
        Field gross = Field.amount("gross_weight_kg", "Gross kg", Numbers.kg(l.grossWeightKg()));
        Field dg = Field.text("dangerous_goods", "DG (UN no.)", l.dangerousGoods());
        Field eccn = Field.text("eccn", "ECCN", l.eccn());
        Field sourceUnit = Field.number("source_unit_value", "Unit value (own cur.)", l.sourceUnitValue(),
                Formats.unitValue(l.sourceUnitValue()));
        Field sourceCurrency = Field.text("source_currency", "Own cur.", l.sourceCurrency());
        Field fx = Field.number("fx_rate", "Rate", l.fxRate(), Formats.rate(l.fxRate()));
        if (kind == Kind.PACKING_LIST) {
            return List.of(lineNo, partNo, description, qty, unitOfMeasure, net, gross, dg, dgName, dgClass, dgPi, hs,
                    origin, eccn, unit, value, currency);
        }
        return List.of(lineNo, partNo, description, hs, origin, qty, unitOfMeasure, sourceUnit, sourceCurrency, fx,
                unit, value, currency, net, gross, dg, dgName, dgClass, dgPi, eccn);
    }

    /** A carton of the packing list. */
    static List<Field> cartonFields(Carton c) {
        return List.of(
                Field.number("carton_no", "Carton", c.number(), Integer.toString(c.number())),
                Field.text("marks", "Marks", c.marks()),
                Field.number("line_no", "Line", c.lineNo(), Integer.toString(c.lineNo())),
                Field.text("part_no", "Part no.", c.partNo()),
                Field.number("quantity", "Qty", c.quantity(), Long.toString(c.quantity())),
                Field.amount("net_weight_kg", "Net kg", Numbers.kg(c.netWeightKg())),
                Field.amount("gross_weight_kg", "Gross kg", Numbers.kg(c.grossWeightKg())));
    }

    static List<Field> partyFields(Party p) {
        return List.of(
                Field.text("legal_name", "Name", p.name()),
                Field.text("street", "Street", p.street()),
                Field.text("postal_code", "Postal code", p.postalCode()),
                Field.text("city", "City", p.city()),
                Field.text("country", "Country", p.country()),
                Field.text("vat_number", "VAT number", p.vatNumber()),
                Field.text("eori", "EORI", p.eori()),
                Field.text("tax_id", "Tax id", p.taxId()));
    }

    // ---- JSON ----

    static String json(Kind kind, Shipment shipment, List<ShipmentLine> lines, Parties parties) {
        return json(kind, shipment, lines, List.of(), parties);
    }

    static String json(Kind kind, Shipment shipment, List<ShipmentLine> lines, List<Carton> cartons, Parties parties) {
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
        if (kind == Kind.PACKING_LIST) {
            ArrayNode packages = root.putArray("packages");
            for (Carton c : cartons) {
                put(packages.addObject(), cartonFields(c));
            }
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

    /** What {@code templates/customs/document.mustache} shows. */
    record Document(String key, String title, String shipmentId, String number, String date, boolean onHold,
                    List<PartyView> parties, List<Field> shipment, List<Field> header, List<LineView> lines,
                    List<Total> totals, String declaration, List<Field> cartonHeader, List<CartonView> cartons) {
        /** Whether the packing list has a cartons table. */
        public boolean hasCartons() {
            return !cartons.isEmpty();
        }

        /** The lines table's rows, in groups of {@link #ROWS_PER_BODY}, one {@code <tbody>} each. */
        public List<Body<LineView>> lineBodies() {
            return Body.of(lines);
        }

        /** The cartons table's rows, in groups of {@link #ROWS_PER_BODY}, one {@code <tbody>} each. */
        public List<Body<CartonView>> cartonBodies() {
            return Body.of(cartons);
        }
    }

    /**
     * Rows a table shows in one {@code <tbody>}. The PDF's layout (openhtmltopdf) recomputes the
     * cell widths of a whole row group each time a row moves to the next page, so one group of
     * {@code n} rows over {@code n / 40} pages costs time in {@code n^2}: a 6,400-row packing list
     * spent a third of its layout there, and the large profile's lists run to 9,600 rows. Groups of
     * 50 bound that work; browsers and print show the groups as one table (the column widths
     * belong to the table).
     */
    static final int ROWS_PER_BODY = 50;

    /** One {@code <tbody>} of a table. */
    record Body<T>(List<T> rows) {
        static <T> List<Body<T>> of(List<T> rows) {
            List<Body<T>> bodies = new ArrayList<>();
            for (int from = 0; from < rows.size(); from += ROWS_PER_BODY) {
                bodies.add(new Body<>(rows.subList(from, Math.min(rows.size(), from + ROWS_PER_BODY))));
            }
            return bodies.isEmpty() ? List.of(new Body<>(List.of())) : bodies;
        }
    }

    /** A row of the packing list's cartons table. */
    record CartonView(int number, List<Field> fields) {
    }

    /** The exporter or the importer. */
    record PartyView(String roleKey, String role, List<Field> fields) {
    }

    /** A row of the lines table. */
    record LineView(String partNo, boolean held, List<Field> fields) {
    }

    /** A row of the totals table. */
    record Total(String label, String value) {
    }

    static String html(Kind kind, Shipment s, List<ShipmentLine> lines, Parties parties) {
        return html(kind, s, lines, List.of(), parties);
    }

    static String html(Kind kind, Shipment s, List<ShipmentLine> lines, List<Carton> cartons, Parties parties) {
        check(s, lines, parties);
        boolean export = exported(s);
        List<PartyView> partyViews = List.of(
                new PartyView("exporter", export ? "Exporter" : "Consignor (supplier)", partyFields(parties.exporter())),
                new PartyView("importer", export ? "Importer" : "Consignee (acquirer)", partyFields(parties.importer())));
        List<Field> header = lineFields(kind, lines.isEmpty() ? placeholder(s) : lines.get(0));
        List<LineView> rows = new ArrayList<>(lines.size());
        for (ShipmentLine l : lines) {
            rows.add(new LineView(l.partNo(), !l.ready(), lineFields(kind, l)));
        }
        List<Total> totals;
        String declaration;
        if (kind == Kind.COMMERCIAL_INVOICE) {
            totals = List.of(
                    new Total("Total value", Numbers.money(s.totalValue()).toPlainString() + " " + s.currency()),
                    new Total("Exchange rates", exchangeRates(s, lines)),
                    new Total("Estimated duty", Numbers.money(s.estimatedDuty()).toPlainString() + " " + s.currency()),
                    new Total("Estimated VAT", Numbers.money(s.estimatedVat()).toPlainString() + " " + s.currency()),
                    new Total("Terms of delivery", s.incoterm() + " " + s.incotermPlace()
                            + " (Incoterms 2020), duties and taxes paid by " + s.dutiesPaidBy()));
            declaration = "We declare that the information on this invoice is true and correct, and that the "
                    + "goods are of the origin shown.";
        } else if (kind == Kind.DELIVERY_NOTE) {
            totals = List.of(
                    new Total("Total value", Numbers.money(s.totalValue()).toPlainString() + " " + s.currency()),
                    new Total("Exchange rates", exchangeRates(s, lines)),
                    new Total("Terms of delivery", s.incoterm() + " " + s.incotermPlace() + " (Incoterms 2020)"));
            declaration = CustomsRegime.INTRA_UNION.name().equals(s.customsRegime())
                    ? "Transfer of own goods to another member state of the customs union: no customs declaration, "
                    + "no duty; an intra-community supply exempt from VAT (Council Directive 2006/112/EC, "
                    + "Art. 17 and 138), declared by the consignee as an intra-community acquisition."
                    : "Transfer of own goods within one country: no customs formalities.";
        } else {
            totals = List.of(
                    new Total("Packages", s.packages() + " cartons"),
                    new Total("Net weight", Numbers.kg(s.netWeightKg()).toPlainString() + " kg"),
                    new Total("Gross weight", Numbers.kg(s.grossWeightKg()).toPlainString() + " kg"),
                    new Total("Dangerous goods", yesNo(s.dangerousGoods())));
            declaration = "Packed as listed; weights in kilograms.";
        }
        List<CartonView> cartonRows = new ArrayList<>(cartons.size());
        for (Carton c : cartons) {
            cartonRows.add(new CartonView(c.number(), cartonFields(c)));
        }
        List<Field> cartonHeader = cartons.isEmpty() ? List.of() : cartonFields(cartons.get(0));
        return Templates.render("customs/document", new Document(kind.key, kind.title, s.shipmentId(),
                kind.numberPrefix + s.shipmentId(), s.shipDate().toString(), !s.ready(), partyViews, shipmentFields(s),
                header, rows, totals, declaration, cartonHeader, cartonRows));
    }

    /** {@code "1 EUR = 0.850394 GBP; 1 USD = 0.787402 GBP (rates of 2026-11-20)"}: each converted currency once. */
    static String exchangeRates(Shipment s, List<ShipmentLine> lines) {
        java.util.TreeMap<String, String> rates = new java.util.TreeMap<>();
        for (ShipmentLine l : lines) {
            if (!l.sourceCurrency().equals(l.currency())) {
                rates.put(l.sourceCurrency(), "1 " + l.sourceCurrency() + " = " + Formats.rate(l.fxRate()) + " "
                        + l.currency());
            }
        }
        return (rates.isEmpty() ? "none, every line in " + s.currency() : String.join("; ", rates.values()))
                + " (rates of " + s.fxDate() + ")";
    }

    private static ShipmentLine placeholder(Shipment s) {
        return new ShipmentLine(s.shipmentId(), 0, "", "", "", "", 0, BigDecimal.ZERO, BigDecimal.ZERO, "",
                BigDecimal.ZERO, "", "", Shipment.READY, "", BigDecimal.ZERO, null, null, null);
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

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
