package com.sparecast.jobs.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Numbers#decimal}: its digit-wise rounding against its BigDecimal definition. */
class NumbersTest {

    @Test
    void decimalRoundsHalfUpToFourPlacesWithoutTrailingZeros() {
        assertEquals("0", Numbers.decimal(0.0));
        assertEquals("0", Numbers.decimal(-0.0));
        assertEquals("0", Numbers.decimal(0.00004)); // 4.0E-5: the exponent path
        assertEquals("0", Numbers.decimal(-0.00004));
        assertEquals("0.0001", Numbers.decimal(0.00005));
        assertEquals("-0.0001", Numbers.decimal(-0.00005)); // half-up is away from zero
        assertEquals("1.2346", Numbers.decimal(1.23456));
        assertEquals("1.2345", Numbers.decimal(1.23454999));
        assertEquals("10", Numbers.decimal(9.99995)); // the carry runs into the integer part
        assertEquals("-10", Numbers.decimal(-9.99995));
        assertEquals("1000", Numbers.decimal(999.99999));
        assertEquals("0.5", Numbers.decimal(0.5));
        assertEquals("3", Numbers.decimal(3.0));
        assertEquals("-42.125", Numbers.decimal(-42.125));
        assertEquals("0.001", Numbers.decimal(0.001));
        assertEquals("0.0012", Numbers.decimal(0.00123)); // 0.00123: the plain form's smallest values
        assertEquals("9999999.9999", Numbers.decimal(9999999.99994));
        assertEquals("12345678", Numbers.decimal(1.2345678e7)); // from 1e7: the exponent path
        assertEquals("", Numbers.decimal(Double.NaN));
        assertEquals("", Numbers.decimal(Double.POSITIVE_INFINITY));
        // 0.1 + 0.2 = 0.30000000000000004: rounded from its shortest form, as BigDecimal.valueOf reads it
        assertEquals("0.3", Numbers.decimal(0.1 + 0.2));
    }

    /** Random values at every scale the outputs see, and values on the rounding boundary: the same text as the definition. */
    @Test
    void decimalAgreesWithItsDefinition() {
        SplittableRandom random = new SplittableRandom(20261207L);
        for (int i = 0; i < 500_000; i++) {
            double value;
            switch (i % 4) {
                case 0 -> value = random.nextDouble() * Math.pow(10, random.nextInt(-6, 10));
                case 1 -> value = random.nextLong(-2_000_000_000L, 2_000_000_000L) / 1e4 + 5e-5; // on a half
                case 2 -> value = random.nextInt(-100_000, 100_000) / 1e5; // five decimals
                default -> value = Double.longBitsToDouble(random.nextLong());
            }
            if (random.nextBoolean()) {
                value = -value;
            }
            double v = value;
            String expected = Double.isFinite(v) ? Numbers.exactDecimal(v) : "";
            assertEquals(expected, Numbers.decimal(v), () -> "decimal(" + Double.toString(v) + ")");
        }
    }
}
