package com.sparecast.models.trade;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What each regime asks of a party of record, one field at a time. */
class PartyCheckTest {

    private static final CustomsRules RULES = CustomsRules.defaults();

    private static Party nl(String name, String street, String city, String postal, String vat, String eori,
                            String taxId) {
        return new Party(name, street, city, postal, "NL", vat, eori, taxId);
    }

    private static final Party NL_FULL = nl("Sparecast Nederland B.V.", "Havenweg 12", "Venlo", "5928 NL",
            "NL812345678B01", "NL812345678", "");
    private static final Party US_FULL = new Party("Sparecast Inc.", "2200 Commerce Pkwy", "Memphis", "38118", "US",
            "", "", "12-3456789");

    @Test
    void aCompletePartyLacksNothing() {
        for (CustomsRegime regime : CustomsRegime.values()) {
            assertEquals(List.of(), PartyCheck.missingFields(RULES, regime, NL_FULL), regime.name());
        }
        assertEquals(List.of(), PartyCheck.missingFields(RULES, CustomsRegime.EXPORT, US_FULL));
    }

    @Test
    void everyRegimeNeedsTheNameAndAddress() {
        for (CustomsRegime regime : CustomsRegime.values()) {
            assertEquals(List.of("legal_name"), PartyCheck.missingFields(RULES, regime,
                    nl("", "Havenweg 12", "Venlo", "5928 NL", "NL812345678B01", "NL812345678", "")));
            assertEquals(List.of("street"), PartyCheck.missingFields(RULES, regime,
                    nl("S B.V.", " ", "Venlo", "5928 NL", "NL812345678B01", "NL812345678", "")));
            assertEquals(List.of("city"), PartyCheck.missingFields(RULES, regime,
                    nl("S B.V.", "Havenweg 12", "", "5928 NL", "NL812345678B01", "NL812345678", "")));
            assertEquals(List.of("postal_code"), PartyCheck.missingFields(RULES, regime,
                    nl("S B.V.", "Havenweg 12", "Venlo", null, "NL812345678B01", "NL812345678", "")));
        }
    }

    /* The VAT number: required inside a union (the delivery note's intra-community VAT numbers), not else. */
    @Test
    void intraUnionNeedsTheVatNumber() {
        Party noVat = nl("S B.V.", "Havenweg 12", "Venlo", "5928 NL", "", "NL812345678", "");
        assertEquals(List.of("vat_number"), PartyCheck.missingFields(RULES, CustomsRegime.INTRA_UNION, noVat));
        assertEquals(List.of(), PartyCheck.missingFields(RULES, CustomsRegime.EXPORT, noVat));
        assertEquals(List.of(), PartyCheck.missingFields(RULES, CustomsRegime.DOMESTIC, noVat));
    }

    /* Export: an EORI in the EU and the UK, a tax id elsewhere (the US); never both. */
    @Test
    void exportNeedsTheEoriInTheEuAndUkAndATaxIdElsewhere() {
        Party noEori = nl("S B.V.", "Havenweg 12", "Venlo", "5928 NL", "NL812345678B01", "", "");
        assertEquals(List.of("eori"), PartyCheck.missingFields(RULES, CustomsRegime.EXPORT, noEori));
        assertEquals(List.of(), PartyCheck.missingFields(RULES, CustomsRegime.INTRA_UNION, noEori));
        Party gbNoEori = new Party("S Ltd", "3 Dock Road", "Tilbury", "RM18 7BX", "GB", "GB123456789", "", "T1");
        assertEquals(List.of("eori"), PartyCheck.missingFields(RULES, CustomsRegime.EXPORT, gbNoEori));
        Party usNoTaxId = new Party("S Inc.", "2200 Commerce Pkwy", "Memphis", "38118", "US", "", "US1", "");
        assertEquals(List.of("tax_id"), PartyCheck.missingFields(RULES, CustomsRegime.EXPORT, usNoTaxId));
        // with GB taken off the EORI list, a GB party needs a tax id instead
        CustomsRules noGb = RULES.withEoriCountries(CustomsRules.EU27);
        assertEquals(List.of(), PartyCheck.missingFields(noGb, CustomsRegime.EXPORT, gbNoEori));
    }

    @Test
    void holdsNameTheWarehouseAndTheFieldExporterFirst() {
        Party usNoTaxId = new Party("S Inc.", "2200 Commerce Pkwy", "Memphis", "38118", "US", "", "", "");
        Party nlNoEori = nl("S B.V.", "Havenweg 12", "Venlo", "5928 NL", "NL812345678B01", "", "");
        assertEquals(List.of(
                new Hold(HoldReason.MISSING_PARTY_DATA, "warehouse DC-NL (exporter) has no eori"),
                new Hold(HoldReason.MISSING_PARTY_DATA, "warehouse WH-US (importer) has no tax_id")),
                PartyCheck.holds(RULES, CustomsRegime.EXPORT, "DC-NL", nlNoEori, "WH-US", usNoTaxId));
    }

    @Test
    void unionsAreConfiguration() {
        assertEquals("EU", RULES.unionOf("nl", "SE"));
        assertEquals(null, RULES.unionOf("NL", "GB"));
        assertEquals(CustomsRegime.INTRA_UNION, CustomsRegime.of(RULES, "NL", "SE"));
        assertEquals(CustomsRegime.EXPORT, CustomsRegime.of(RULES, "NL", "GB"));
        assertEquals(CustomsRegime.DOMESTIC, CustomsRegime.of(RULES, "US", "US"));
        assertEquals(27, CustomsRules.EU27.size());
    }
}
