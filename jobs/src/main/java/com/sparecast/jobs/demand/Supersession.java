package com.sparecast.jobs.demand;

import com.sparecast.jobs.ingest.MasterData;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where each part's history goes: the last part of its {@code superseded_by} chain. A part on a
 * cycle maps to itself and is listed in {@link #loops()} so the plan can flag it.
 */
public record Supersession(Map<String, String> finalPart, Set<String> loops) implements Serializable {

    public static Supersession of(Map<String, MasterData.Part> parts) {
        Map<String, String> finalPart = new TreeMap<>();
        Set<String> loops = new TreeSet<>();
        for (String start : parts.keySet()) {
            Set<String> seen = new LinkedHashSet<>();
            String current = start;
            boolean loop = false;
            while (true) {
                if (!seen.add(current)) {
                    loop = true;
                    break;
                }
                MasterData.Part part = parts.get(current);
                String next = part == null ? "" : part.supersededBy();
                // A successor that parts.csv does not know cannot take the history: stop here.
                if (next == null || next.isEmpty() || !parts.containsKey(next)) {
                    break;
                }
                current = next;
            }
            if (loop) {
                loops.add(start);
                finalPart.put(start, start);
            } else {
                finalPart.put(start, current);
            }
        }
        return new Supersession(Collections.unmodifiableMap(finalPart), Collections.unmodifiableSet(loops));
    }

    /** The part that carries {@code partNo}'s demand and stock. */
    public String resolve(String partNo) {
        return finalPart.getOrDefault(partNo, partNo);
    }
}
