package com.sparecast.jobs.demand;

import com.sparecast.jobs.input.MasterData;
import com.sparecast.models.inventory.SupersessionChains;
import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where each part's history and stock go: the last part of its {@code superseded_by} chain,
 * resolved by the models' {@link SupersessionChains}. A successor parts.csv does not know cannot
 * carry anything, so the chain ends before it. A part on a cycle maps to itself and is listed in
 * {@link #loops()} so the plan can flag it.
 */
public record Supersession(Map<String, String> finalPart, Set<String> loops) implements Serializable {

    public static Supersession of(Map<String, MasterData.Part> parts) {
        Map<String, String> supersededBy = new TreeMap<>();
        parts.values().forEach(p -> supersededBy.put(p.partNo(),
                p.supersededBy() != null && parts.containsKey(p.supersededBy()) ? p.supersededBy() : ""));
        SupersessionChains chains = SupersessionChains.of(supersededBy);
        Map<String, String> finalPart = new TreeMap<>();
        Set<String> loops = new TreeSet<>();
        for (String part : parts.keySet()) {
            if (chains.inLoop(part)) {
                loops.add(part);
                finalPart.put(part, part);
            } else {
                finalPart.put(part, chains.lastOf(part));
            }
        }
        return new Supersession(Collections.unmodifiableMap(finalPart), Collections.unmodifiableSet(loops));
    }
}
