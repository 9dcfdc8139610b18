package com.sparecast.models.trade;

import java.io.Serializable;
import java.util.Objects;

/**
 * One reason a line is held, with the detail a planner needs to fix it.
 *
 * @param reason the reason code
 * @param detail what was found, e.g. {@code "hs_code '84A1' is not 6 to 10 digits"}
 */
public record Hold(HoldReason reason, String detail) implements Serializable {

    public Hold {
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
    }

    /** {@code "CODE: detail"}, or just the code when there is no detail. */
    public String text() {
        return detail.isEmpty() ? reason.name() : reason.name() + ": " + detail;
    }
}
