package com.sparecast.models.trade;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The dangerous goods table shipped with the product ({@code dangerous-goods.csv} beside this
 * class): per UN number the proper shipping name, hazard class, IATA packing instruction and
 * whether passenger aircraft are forbidden (IATA DGR, 66th edition, lithium batteries: UN3480
 * and UN3090 shipped on their own go by cargo aircraft only, PI 965 and 968 Section IA/IB; with
 * or in equipment, UN3481 and UN3091, PI 966/967 and 969/970, they may fly on passenger aircraft).
 * The customs documents print it and {@link LineChecks} holds lines by it: one table.
 */
public final class DangerousGoods implements Serializable {

    /** One entry. */
    public record Entry(String unNumber, String properShippingName, String hazardClass, String packingInstruction,
                        boolean passengerAircraftForbidden) implements Serializable {
    }

    private static final String RESOURCE = "dangerous-goods.csv";
    private static final DangerousGoods STANDARD = load();

    private final Map<String, Entry> byUn;

    private DangerousGoods(Map<String, Entry> byUn) {
        this.byUn = Collections.unmodifiableMap(byUn);
    }

    /** The table shipped with the product. */
    public static DangerousGoods standard() {
        return STANDARD;
    }

    /** The entry of a UN number ({@code "un 3480"}, {@code "3480"} and {@code "UN3480"} alike), if the table has it. */
    public Optional<Entry> lookup(String unNumber) {
        return Optional.ofNullable(byUn.get(TradePart.normalizeUnNumber(unNumber)));
    }

    /** Every entry by UN number. */
    public Map<String, Entry> entries() {
        return byUn;
    }

    /** True when the table forbids the UN number on passenger aircraft. */
    public boolean forbiddenOnPassengerAircraft(String unNumber) {
        return lookup(unNumber).map(Entry::passengerAircraftForbidden).orElse(false);
    }

    private static DangerousGoods load() {
        Map<String, Entry> entries = new TreeMap<>();
        try (InputStream in = DangerousGoods.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the dangerous goods table " + RESOURCE + " is missing from the product");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = reader.readLine();
            int lineNo = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 5 || !(f[4].equals("true") || f[4].equals("false"))) {
                    throw new IllegalStateException(RESOURCE + " line " + lineNo + " is not " + header + ": " + line);
                }
                entries.put(TradePart.normalizeUnNumber(f[0]), new Entry(TradePart.normalizeUnNumber(f[0]), f[1].trim(),
                        f[2].trim(), f[3].trim(), Boolean.parseBoolean(f[4])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new DangerousGoods(entries);
    }
}
