package com.sparecast.models.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RefurbishedReturnsTest {

    @Test
    void returnsBackWithinTheLeadTimeAfterTheDelay() {
        RefurbishedReturns r = new RefurbishedReturns(0.8, 2);
        // 3 returns a week, lead time 6 weeks, 2 weeks refurbishment: 4 weeks of returns at 80%.
        assertEquals(0.8 * 3 * 4, r.expectedWithin(3, 6), 1e-12);
        // plus 5 units already in refurbishment.
        assertEquals(0.8 * (3 * 4 + 5), r.expectedWithin(3, 6, 5), 1e-12);
        // a lead time shorter than the delay: nothing comes back in time.
        assertEquals(0, r.expectedWithin(3, 1.5, 5), 1e-12);
    }

    @Test
    void invalidArgumentsThrow() {
        assertThrows(IllegalArgumentException.class, () -> new RefurbishedReturns(1.2, 1));
        assertThrows(IllegalArgumentException.class, () -> new RefurbishedReturns(0.5, -1));
        assertThrows(IllegalArgumentException.class, () -> new RefurbishedReturns(0.5, 1).expectedWithin(-1, 2));
    }

    @Test
    void returnsRaiseTheInventoryPositionAndLowerTheOrder() {
        var lr = DiscreteTestDemand.poisson(8);
        double returns = new RefurbishedReturns(0.5, 1).expectedWithin(2, 3);
        PolicyDecision without = OrderUpToPolicy.withDefaults().decide(new PolicyInput(lr, 2, 0.95, 2, 0, 0, 0, 1, 0));
        PolicyDecision with = OrderUpToPolicy.withDefaults().decide(new PolicyInput(lr, 2, 0.95, 2, 0, returns, 0, 1, 0));
        assertEquals(2.0, returns, 1e-12);
        assertEquals(without.orderQuantity() - 2, with.orderQuantity());
    }
}
