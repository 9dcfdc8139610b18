package com.sparecast.models.trade;

import java.util.ArrayList;
import java.util.List;

/**
 * The checks that put a shipment line on HOLD.
 *
 * <p>Every cross-border line is checked, in this order:
 * <ol>
 *   <li>{@link HoldReason#CURRENCY_UNKNOWN}: no exchange rate for the part's currency;</li>
 *   <li>{@link HoldReason#HS_CODE_MISSING} / {@link HoldReason#HS_CODE_MALFORMED}: the HS code is
 *       blank, or not 6 to 10 digits once dots and spaces are removed;</li>
 *   <li>{@link HoldReason#ORIGIN_COUNTRY_MISSING} / {@link HoldReason#ORIGIN_COUNTRY_INVALID}:
 *       no country of origin, or not two letters;</li>
 *   <li>{@link HoldReason#HS_NATIONAL_CODE_MISSING}: an export whose destination requires a
 *       national tariff code of a number of digits the part has no code of ({@link #nationalCodeMissing});</li>
 *   <li>{@link HoldReason#DESTINATION_BLOCKED}: configuration blocks the destination country;</li>
 *   <li>{@link HoldReason#ECCN_LICENCE_REQUIRED}: the ECCN starts with a licensed entry;</li>
 *   <li>{@link HoldReason#DANGEROUS_GOODS_ON_PASSENGER_AIR}: the UN number is forbidden on a
 *       passenger-air lane by the {@link DangerousGoods} table (UN3480, UN3090) or by configuration.</li>
 * </ol>
 * A domestic line (origin and destination countries equal) is checked only for the currency and
 * for dangerous goods on passenger air. Every failing check is reported, not only the first.
 */
public final class LineChecks {

    /**
     * The lane mode on which the UN numbers the {@link DangerousGoods} table forbids on passenger
     * aircraft (UN3480, UN3090), and those of {@link TradeRules#passengerAirForbiddenUn()}, are held.
     */
    public static final String AIR_PASSENGER = "AIR_PASSENGER";

    private LineChecks() {
    }

    /**
     * {@link HoldReason#HS_NATIONAL_CODE_MISSING} when an export to {@code destinationCountry}
     * requires a national tariff code ({@link CustomsRules#nationalCodeDigits}) and the part has
     * no code of that many digits ({@link TradePart#declaredCode}); null otherwise, and for a part
     * whose HS code is itself missing or malformed (held for that). A destination in
     * {@link CustomsRules#nationalCodeWarnOnly()} is not held: the planner writes this as a warning.
     */
    public static Hold nationalCodeMissing(TradeRules rules, TradePart part, String originCountry,
                                           String destinationCountry) {
        if (!rules.regime(originCountry, destinationCountry).declared() || !HsCode.isValid(part.hsCode())) {
            return null;
        }
        int digits = rules.customs().nationalCodeDigits(destinationCountry);
        if (digits == 0 || part.declaredCode(destinationCountry, digits) != null) {
            return null;
        }
        String dest = destinationCountry.trim().toUpperCase(java.util.Locale.ROOT);
        String national = part.nationalCodes().get(dest);
        return new Hold(HoldReason.HS_NATIONAL_CODE_MISSING, "no " + digits + "-digit tariff code for " + dest
                + " (hs_code " + HsCode.normalize(part.hsCode()) + ", master/hs_national.csv "
                + (national == null ? "has none" : "has " + national + " of " + national.length() + " digits") + ")");
    }

    /** True when the two countries differ (case-insensitive). */
    public static boolean crossBorder(String originCountry, String destinationCountry) {
        return !originCountry.trim().equalsIgnoreCase(destinationCountry.trim());
    }

    /**
     * The reasons to hold a line of {@code part} on a lane; empty when it may ship.
     *
     * @param rules the configuration
     * @param part the part on the line
     * @param originCountry the origin warehouse's country
     * @param destinationCountry the destination warehouse's country
     * @param mode the lane's transport mode
     */
    public static List<Hold> holds(TradeRules rules, TradePart part, String originCountry,
                                   String destinationCountry, String mode) {
        List<Hold> holds = new ArrayList<>();
        boolean crossBorder = crossBorder(originCountry, destinationCountry);
        if (!rules.knowsCurrency(part.currency())) {
            holds.add(new Hold(HoldReason.CURRENCY_UNKNOWN, "no FX rate for " + part.currency()));
        }
        if (crossBorder) {
            if (HsCode.isMissing(part.hsCode())) {
                holds.add(new Hold(HoldReason.HS_CODE_MISSING, "no hs_code"));
            } else if (!HsCode.isValid(part.hsCode())) {
                holds.add(new Hold(HoldReason.HS_CODE_MALFORMED,
                        "hs_code '" + part.hsCode() + "' is not 6 to 10 digits"));
            }
            if (part.originCountry().isEmpty()) {
                holds.add(new Hold(HoldReason.ORIGIN_COUNTRY_MISSING, "no origin_country"));
            } else if (!part.originCountry().matches("[A-Z]{2}")) {
                holds.add(new Hold(HoldReason.ORIGIN_COUNTRY_INVALID,
                        "origin_country '" + part.originCountry() + "' is not ISO 3166-1 alpha-2"));
            }
            if (rules.blocks(destinationCountry)) {
                holds.add(new Hold(HoldReason.DESTINATION_BLOCKED,
                        "destination " + destinationCountry.trim().toUpperCase(java.util.Locale.ROOT)
                                + " is blocked by configuration"));
            }
            Hold national = nationalCodeMissing(rules, part, originCountry, destinationCountry);
            if (national != null && !rules.customs().nationalCodeWarnOnly().contains(
                    destinationCountry.trim().toUpperCase(java.util.Locale.ROOT))) {
                holds.add(national);
            }
            String licence = rules.licenceEntryFor(part.eccn());
            if (licence != null) {
                holds.add(new Hold(HoldReason.ECCN_LICENCE_REQUIRED,
                        "ECCN " + part.eccn() + " needs an export licence"));
            }
        }
        if (AIR_PASSENGER.equalsIgnoreCase(mode.trim()) && !part.dangerousGoods().isEmpty()
                && (DangerousGoods.standard().forbiddenOnPassengerAircraft(part.dangerousGoods())
                || rules.passengerAirForbiddenUn().contains(part.dangerousGoods()))) {
            String name = DangerousGoods.standard().lookup(part.dangerousGoods())
                    .map(e -> " (" + e.properShippingName() + ", class " + e.hazardClass() + ", PI "
                            + e.packingInstruction() + ")").orElse("");
            holds.add(new Hold(HoldReason.DANGEROUS_GOODS_ON_PASSENGER_AIR,
                    part.dangerousGoods() + name + " is forbidden on passenger aircraft"));
        }
        return holds;
    }
}
