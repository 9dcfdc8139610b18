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

    /** The terms whose named place is at the destination: the D and C terms (Incoterms 2020). */
    private static final Set<String> NAMED_AT_DESTINATION = Set.of("DAP", "DPU", "DDP", "CPT", "CIP", "CFR", "CIF");

    /**
     * True when the term's named place is the destination (DAP, DPU, DDP: the place of delivery;
     * CPT, CIP, CFR, CIF: the place or port of destination), false when it is the origin (EXW, FCA,
     * FAS, FOB: the place or port of shipment).
     */
    public static boolean namesDestination(String term) {
        return NAMED_AT_DESTINATION.contains(parse(term));
    }

    /**
     * The named place of a lane's term, as Incoterms 2020 writes it after the term
     * ({@code DAP Duisburg, DE}): the city and country of the destination's party of record for
     * a D or C term, of the origin's for an E or F term; the warehouse id when the city is unknown.
     */
    public static String namedPlace(String term, String originWarehouse, Party origin, String destinationWarehouse,
                                    Party destination) {
        boolean atDestination = namesDestination(term);
        Party p = atDestination ? destination : origin;
        String where = p.city().isEmpty() ? (atDestination ? destinationWarehouse : originWarehouse) : p.city();
        return p.country().isEmpty() ? where : where + ", " + p.country();
    }

    /** {@link #SENDER} for DDP, {@link #RECEIVER} otherwise. */
    public static String dutiesPaidBy(String term) {
        return "DDP".equals(parse(term)) ? SENDER : RECEIVER;
    }
}
