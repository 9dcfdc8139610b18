package com.sparecast.models.trade;

import java.util.Locale;
import java.util.Set;

/**
 * Incoterms 2020 and who pays import duty and taxes under each.
 *
 * <p>Under DDP (delivered duty paid) the sender pays duty and import VAT; under DAP (delivered at
 * place) and every other term the receiver does.
 */
public final class Incoterm {

    /** Duties and taxes are paid by the sender (DDP). */
    public static final String SENDER = "SENDER";
    /** Duties and taxes are paid by the receiver (DAP and the rest). */
    public static final String RECEIVER = "RECEIVER";
    /** No duties or taxes apply: a domestic transfer. */
    public static final String NONE = "NONE";

    private static final Set<String> TERMS =
            Set.of("EXW", "FCA", "CPT", "CIP", "DAP", "DPU", "DDP", "FAS", "FOB", "CFR", "CIF");

    private Incoterm() {
    }

    /**
     * The term trimmed and upper-cased.
     *
     * @throws IllegalArgumentException when it is not an Incoterms 2020 term
     */
    public static String parse(String term) {
        String t = term == null ? "" : term.trim().toUpperCase(Locale.ROOT);
        if (!TERMS.contains(t)) {
            throw new IllegalArgumentException("unknown incoterm '" + term + "', expected DAP or DDP");
        }
        return t;
    }

    /** {@link #SENDER} for DDP, {@link #RECEIVER} otherwise. */
    public static String dutiesPaidBy(String term) {
        return "DDP".equals(parse(term)) ? SENDER : RECEIVER;
    }
}
