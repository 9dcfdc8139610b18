package com.sparecast.models.trade;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A line as customs values it: its HS code and its value in the shipment's currency.
 *
 * @param hsCode the line's HS code (normalized or not)
 * @param value the line's value in the shipment currency, &gt;= 0
 */
public record DeclaredLine(String hsCode, BigDecimal value) implements Serializable {

    public DeclaredLine {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("declared value must be >= 0, got " + value);
        }
        hsCode = HsCode.normalize(hsCode);
    }
}
