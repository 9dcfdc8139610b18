package com.sparecast.models.trade;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Electronic Export Information (EEI, filed in the US AES): required for a shipment exported from
 * the US when the value of the lines under one HS code (Schedule B number) is over 2,500 USD
 * (15 CFR 30.37(a)). The export country is the origin warehouse's country, not the goods' country
 * of manufacture. Licensed goods also need EEI whatever their value, but those lines are held
 * before they get here.
 */
public final class ExportEntry {

    private ExportEntry() {
    }

    /**
     * True when EEI is required.
     *
     * @param rules the EEI origin country, threshold, its currency and the exchange rates
     * @param exportCountry the origin warehouse's country
     * @param currency the currency of the lines' values
     * @param lines the lines that ship
     */
    public static boolean required(TradeRules rules, String exportCountry, String currency, List<DeclaredLine> lines) {
        if (exportCountry == null || !rules.eeiOriginCountry().equalsIgnoreCase(exportCountry.trim())) {
            return false;
        }
        BigDecimal threshold = BigDecimal.valueOf(rules.eeiThreshold());
        for (BigDecimal value : valuePerHsCode(lines).values()) {
            if (rules.convert(value, currency, rules.eeiCurrency()).compareTo(threshold) > 0) {
                return true;
            }
        }
        return false;
    }

    /** The lines' values summed per normalized HS code, in code order. */
    public static Map<String, BigDecimal> valuePerHsCode(List<DeclaredLine> lines) {
        Map<String, BigDecimal> byCode = new TreeMap<>();
        for (DeclaredLine l : lines) {
            byCode.merge(l.hsCode(), l.value(), BigDecimal::add);
        }
        return byCode;
    }
}
