package com.sparecast.models.trade;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The tariff rows of one destination, looked up by longest matching HS prefix.
 *
 * <p>For a code, the row whose prefix is the longest prefix of the (normalized) code applies; an
 * empty prefix is the destination's catch-all. Should two rows carry the same prefix, the higher
 * duty rate, then the higher VAT rate wins, so the estimate errs on the high side.
 */
public final class TariffSchedule implements Serializable {

    private static final Comparator<Tariff> PRECEDENCE = Comparator
            .comparingInt((Tariff t) -> t.hsPrefix().length()).reversed()
            .thenComparing(Comparator.comparingDouble(Tariff::dutyRate).reversed())
            .thenComparing(Comparator.comparingDouble(Tariff::vatRate).reversed())
            .thenComparing(Tariff::hsPrefix);

    private final String destinationCountry;
    private final List<Tariff> rows;

    private TariffSchedule(String destinationCountry, List<Tariff> rows) {
        this.destinationCountry = destinationCountry;
        this.rows = rows;
    }

    /** The rows of {@code tariffs} for {@code destinationCountry}; rows of other countries are ignored. */
    public static TariffSchedule of(String destinationCountry, List<Tariff> tariffs) {
        String dest = destinationCountry.trim().toUpperCase(Locale.ROOT);
        List<Tariff> mine = new ArrayList<>();
        for (Tariff t : tariffs) {
            if (t.destinationCountry().equals(dest)) {
                mine.add(t);
            }
        }
        mine.sort(PRECEDENCE);
        return new TariffSchedule(dest, List.copyOf(mine));
    }

    /** The destination this schedule is for. */
    public String destinationCountry() {
        return destinationCountry;
    }

    /** The row with the longest prefix of {@code hsCode}, or empty when none matches. */
    public Optional<Tariff> lookup(String hsCode) {
        String code = HsCode.normalize(hsCode);
        for (Tariff t : rows) {
            if (code.startsWith(t.hsPrefix())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
