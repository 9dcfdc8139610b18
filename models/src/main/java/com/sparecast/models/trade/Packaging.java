package com.sparecast.models.trade;

import java.io.Serializable;

/**
 * How shipment lines are packed into cartons ({@code com.sparecast.models.logistics.CartonPacker}).
 *
 * @param maxCartonKg the most a packed carton may weigh, tare included, &gt; 0
 * @param tareKg the weight of an empty carton, &gt;= 0 and below {@code maxCartonKg}
 */
public record Packaging(double maxCartonKg, double tareKg) implements Serializable {

    public Packaging {
        if (!(maxCartonKg > 0) || Double.isInfinite(maxCartonKg)) {
            throw new IllegalArgumentException("carton maximum must be finite and > 0 kg, got " + maxCartonKg);
        }
        if (!(tareKg >= 0) || !(tareKg < maxCartonKg)) {
            throw new IllegalArgumentException("carton tare must be >= 0 and below the carton maximum of "
                    + maxCartonKg + " kg, got " + tareKg);
        }
    }

    /** Cartons of at most 25 kg (a common one-person lifting limit) with a tare of 0.5 kg. */
    public static Packaging defaults() {
        return new Packaging(25.0, 0.5);
    }
}
