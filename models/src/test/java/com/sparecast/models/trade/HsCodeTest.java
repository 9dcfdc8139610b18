package com.sparecast.models.trade;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HsCodeTest {

    @Test
    void sixToTenDigitsAreValid() {
        assertTrue(HsCode.isValid("847130"));
        assertTrue(HsCode.isValid("8471300000"));
        assertTrue(HsCode.isValid("8471.30.01"));
        assertTrue(HsCode.isValid(" 8507 60 "));
    }

    @Test
    void othersAreNot() {
        assertFalse(HsCode.isValid("84713"));        // 5 digits
        assertFalse(HsCode.isValid("84713000001"));  // 11 digits
        assertFalse(HsCode.isValid("84A130"));
        assertFalse(HsCode.isValid("8471-30"));
        assertFalse(HsCode.isValid(""));
        assertFalse(HsCode.isValid(null));
    }

    @Test
    void normalizeStripsDotsAndSpaces() {
        assertEquals("84713001", HsCode.normalize(" 8471.30.01 "));
        assertEquals("", HsCode.normalize(null));
    }
}
