package com.sparecast.models.inventory;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Supersession chains from {@code parts.csv}'s {@code superseded_by}: every part resolves to
 * the last part of its chain, which is the only one that is ordered; stock of the older parts
 * counts toward it until used up.
 *
 * <p>A chain that runs into a cycle ({@code A -> B -> A}) is not followed forever: every part
 * on the cycle, and every part whose chain leads into it, is reported as in a loop and has no
 * last part (plan lines get {@link ExceptionCode#SUPERSESSION_LOOP}). A successor that is not
 * itself a known part ends the chain (it is the last part). Blank successors mean none.
 *
 * <p>Immutable, thread-safe and serializable (a broadcast value for Spark).
 */
public final class SupersessionChains implements Serializable {

    private static final long serialVersionUID = 1L;

    /** part -> last part of its chain; parts in a loop are absent. */
    private final Map<String, String> last;
    /** parts whose chain runs into a cycle. */
    private final TreeSet<String> looping;
    /** cycles found, each as its parts in chain order starting from the smallest. */
    private final List<List<String>> cycles;

    private SupersessionChains(Map<String, String> last, TreeSet<String> looping, List<List<String>> cycles) {
        this.last = last;
        this.looping = looping;
        this.cycles = cycles;
    }

    /**
     * Resolves every chain.
     *
     * @param supersededBy part number to the part that supersedes it; a null or blank value, or
     *     an absent key, means the part is not superseded
     * @throws IllegalArgumentException if a key is null or blank (a part that supersedes
     *     itself is accepted and reported as a loop of one)
     */
    public static SupersessionChains of(Map<String, String> supersededBy) {
        Map<String, String> next = new TreeMap<>();
        for (Map.Entry<String, String> e : supersededBy.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new IllegalArgumentException("part number must not be blank");
            }
            String succ = e.getValue() == null ? "" : e.getValue().trim();
            if (!succ.isEmpty()) {
                next.put(e.getKey().trim(), succ);
            }
        }
        Map<String, String> last = new HashMap<>();
        TreeSet<String> looping = new TreeSet<>();
        List<List<String>> cycles = new ArrayList<>();
        for (String start : next.keySet()) {
            if (last.containsKey(start) || looping.contains(start)) {
                continue;
            }
            // Walk until a resolved part, a looping part, a part without successor, or a repeat.
            List<String> path = new ArrayList<>();
            Map<String, Integer> onPath = new HashMap<>();
            String p = start;
            String end;
            boolean loop;
            while (true) {
                if (last.containsKey(p)) {
                    end = last.get(p);
                    loop = false;
                    break;
                }
                if (looping.contains(p)) {
                    end = null;
                    loop = true;
                    break;
                }
                Integer seen = onPath.get(p);
                if (seen != null) {
                    List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
                    int min = cycle.indexOf(Collections.min(cycle));
                    Collections.rotate(cycle, -min);
                    cycles.add(List.copyOf(cycle));
                    end = null;
                    loop = true;
                    break;
                }
                String succ = next.get(p);
                if (succ == null) {
                    end = p;
                    loop = false;
                    break;
                }
                onPath.put(p, path.size());
                path.add(p);
                p = succ;
            }
            for (String q : path) {
                if (loop) {
                    looping.add(q);
                } else {
                    last.put(q, end);
                }
            }
        }
        cycles.sort((a, b) -> a.get(0).compareTo(b.get(0)));
        return new SupersessionChains(Map.copyOf(last), looping, List.copyOf(cycles));
    }

    /**
     * The last part of {@code part}'s chain: {@code part} itself when it is not superseded.
     *
     * @throws IllegalStateException if the part's chain runs into a loop (check {@link #inLoop})
     */
    public String lastOf(String part) {
        if (looping.contains(part)) {
            throw new IllegalStateException("supersession chain of " + part + " runs into a loop");
        }
        return last.getOrDefault(part, part);
    }

    /** Whether {@code part}'s chain runs into a cycle. */
    public boolean inLoop(String part) {
        return looping.contains(part);
    }

    /** Whether {@code part} is the last of its chain (the only part that may be ordered). */
    public boolean isLast(String part) {
        return !looping.contains(part) && !last.containsKey(part);
    }

    /** Every part whose chain runs into a cycle, sorted. */
    public List<String> partsInLoops() {
        return List.copyOf(looping);
    }

    /** The cycles found, each in chain order starting from its smallest part number; sorted. */
    public List<List<String>> cycles() {
        return cycles;
    }

    /**
     * Stock pooled on the last parts: each part's quantity is added to the last part of its
     * chain (old stock counts toward the new part until used up). Parts in loops keep their
     * own quantity. Sorted by part number.
     */
    public Map<String, Double> pooled(Map<String, Double> quantityByPart) {
        Map<String, Double> out = new TreeMap<>();
        for (Map.Entry<String, Double> e : quantityByPart.entrySet()) {
            String target = inLoop(e.getKey()) ? e.getKey() : lastOf(e.getKey());
            out.merge(target, e.getValue(), Double::sum);
        }
        return out;
    }
}
