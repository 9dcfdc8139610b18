package com.sparecast.models.trade;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Estimated import duty and VAT of one shipment, and who pays them.
 *
 * <p>For each line, the tariff row with the longest prefix of its HS code (see
 * {@link TariffSchedule}) gives the rates:
 * <pre>
 *   duty_i = round2(value_i * dutyRate_i)
 *   vat_i  = round2((value_i + duty_i) * vatRate_i)
 * </pre>
 * and the shipment's duty and VAT are the sums. Rounding is half-up to cents, per line.
 *
 * <p>De minimis: when the row of a line has a de minimis value and the shipment's total value,
 * converted to the de minimis currency, is at or below it, that line owes no duty (and no VAT when
 * {@link TradeRules#deMinimisCoversVat()}). A line no row matches owes nothing.
 *
 * <p>Under DDP the sender pays duty and VAT, under DAP (and other terms) the receiver.
 *
 * @param currency ISO 4217 code of every amount
 * @param customsValue sum of the lines' values
 * @param duty estimated import duty
 * @param vat estimated import VAT
 * @param dutiesPaidBy {@link Incoterm#SENDER}, {@link Incoterm#RECEIVER} or {@link Incoterm#NONE}
 * @param landedCost customs value plus duty plus VAT
 */
public record LandedCost(
        String currency,
        BigDecimal customsValue,
        BigDecimal duty,
        BigDecimal vat,
        String dutiesPaidBy,
        BigDecimal landedCost) implements Serializable {

    public LandedCost {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(customsValue, "customsValue");
        Objects.requireNonNull(duty, "duty");
        Objects.requireNonNull(vat, "vat");
        Objects.requireNonNull(dutiesPaidBy, "dutiesPaidBy");
        Objects.requireNonNull(landedCost, "landedCost");
    }

    /** A domestic transfer: no duty, no VAT, nobody pays. */
    public static LandedCost domestic(String currency, List<DeclaredLine> lines) {
        BigDecimal value = total(lines);
        return new LandedCost(currency, value, money(BigDecimal.ZERO), money(BigDecimal.ZERO), Incoterm.NONE, value);
    }

    /**
     * The landed cost of a cross-border shipment.
     *
     * @param rules exchange rates and the de minimis VAT rule
     * @param currency the currency of the lines' values
     * @param lines the lines that ship
     * @param schedule the destination's tariffs
     * @param incoterm the lane's incoterm
     */
    public static LandedCost estimate(TradeRules rules, String currency, List<DeclaredLine> lines,
                                      TariffSchedule schedule, String incoterm) {
        String payer = Incoterm.dutiesPaidBy(incoterm);
        BigDecimal value = total(lines);
        BigDecimal duty = money(BigDecimal.ZERO);
        BigDecimal vat = money(BigDecimal.ZERO);
        for (DeclaredLine line : lines) {
            Optional<Tariff> row = schedule.lookup(line.hsCode());
            if (row.isEmpty()) {
                continue;
            }
            Tariff t = row.get();
            boolean underDeMinimis = underDeMinimis(rules, value, currency, t);
            BigDecimal lineDuty = underDeMinimis
                    ? money(BigDecimal.ZERO)
                    : money(line.value().multiply(BigDecimal.valueOf(t.dutyRate())));
            BigDecimal lineVat = underDeMinimis && rules.deMinimisCoversVat()
                    ? money(BigDecimal.ZERO)
                    : money(line.value().add(lineDuty).multiply(BigDecimal.valueOf(t.vatRate())));
            duty = duty.add(lineDuty);
            vat = vat.add(lineVat);
        }
        return new LandedCost(currency, value, duty, vat, payer, value.add(duty).add(vat));
    }

    /**
     * True when {@code shipmentValue} (in {@code currency}), converted to the row's de minimis
     * currency, is at or below the row's de minimis value.
     */
    public static boolean underDeMinimis(TradeRules rules, BigDecimal shipmentValue, String currency, Tariff row) {
        if (row.deMinimisValue() == null) {
            return false;
        }
        String dmCurrency = row.deMinimisCurrency() == null ? rules.baseCurrency() : row.deMinimisCurrency();
        BigDecimal converted = rules.convert(shipmentValue, currency, dmCurrency);
        return converted.compareTo(BigDecimal.valueOf(row.deMinimisValue())) <= 0;
    }

    private static BigDecimal total(List<DeclaredLine> lines) {
        BigDecimal sum = BigDecimal.ZERO;
        for (DeclaredLine l : lines) {
            sum = sum.add(l.value());
        }
        return money(sum);
    }

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
