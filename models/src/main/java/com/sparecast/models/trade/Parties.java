package com.sparecast.models.trade;

import java.io.Serializable;
import java.util.Objects;

/**
 * The exporter and the importer of one shipment.
 *
 * @param exporter the entity of the origin warehouse
 * @param importer the entity of the destination warehouse
 */
public record Parties(Party exporter, Party importer) implements Serializable {

    public Parties {
        Objects.requireNonNull(exporter, "exporter");
        Objects.requireNonNull(importer, "importer");
    }
}
