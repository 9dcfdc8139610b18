package com.sparecast.models.trade;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The named place of each Incoterms 2020 term. */
class IncotermTest {

    private static final Party VENLO = new Party("S B.V.", "Havenweg 12", "Venlo", "5928 NL", "NL", "", "", "");
    private static final Party DUISBURG = new Party("S GmbH", "Logistikring 4", "Duisburg", "47053", "DE", "", "", "");

    @Test
    void dAndCTermsNameTheDestinationEAndFTermsTheOrigin() {
        for (String term : new String[] {"DAP", "DPU", "DDP", "CPT", "CIP", "CFR", "CIF"}) {
            assertEquals("Duisburg, DE", Incoterm.namedPlace(term, "DC-NL", VENLO, "WH-DE", DUISBURG), term);
        }
        for (String term : new String[] {"EXW", "FCA", "FAS", "FOB"}) {
            assertEquals("Venlo, NL", Incoterm.namedPlace(term, "DC-NL", VENLO, "WH-DE", DUISBURG), term);
        }
    }

    @Test
    void withoutACityTheWarehouseIsThePlace() {
        assertEquals("WH-DE, DE", Incoterm.namedPlace("dap", "DC-NL", VENLO, "WH-DE", Party.unknown("DE")));
        assertThrows(IllegalArgumentException.class, () -> Incoterm.namedPlace("XYZ", "A", VENLO, "B", DUISBURG));
    }
}
