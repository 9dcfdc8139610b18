package com.sparecast.jobs.simulate;

import com.sparecast.jobs.simulate.PolicyComparison.ExpectedFill;
import com.sparecast.models.inventory.SimulationResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Expected against achieved fill rate per decile of lines ranked by the fill rate their plans
 * promise (issue 15: the gap shown where it lives, not only per class).
 *
 * <p>A line's expected fill rate is that of its plans over the simulated path, weighted as the
 * class's is ({@link ExpectedFill}: {@code E[D_R]} times each plan's expected fill rate over the
 * plans' {@code E[D_R]}). The lines whose plans expect some demand are ranked by it (ties in the
 * lines' order) and cut into ten groups of equal count, the first holding the lowest promises
 * (decile {@code d} takes the ranked lines {@code floor((d-1) n / 10)} to {@code floor(d n / 10) - 1}
 * of {@code n}; with fewer than ten lines some deciles are empty and left out). Per decile: the expected fill rate
 * weighted in the same way over its lines, and the achieved one, its lines' simulated demand met
 * from stock over their demand; so the deciles add up to the class table's ALL row. Lines whose
 * plans expect no demand at all (a forecast of zero) promise nothing a weight could carry; they are
 * counted apart ({@link #unplanned}) with the demand they then met.
 */
record ExpectedFillDeciles(List<Decile> deciles, Unplanned unplanned) {

    static final ExpectedFillDeciles EMPTY = new ExpectedFillDeciles(List.of(), new Unplanned(0, SimulationResult.EMPTY));

    /** One decile: its number (1 lowest), line count, expected and achieved fill rate (NaN without demand). */
    record Decile(int decile, int lines, double expectedFillRate, double achievedFillRate) {
    }

    /** The lines whose plans expect no demand, and what they achieved. */
    record Unplanned(int lines, SimulationResult achieved) {
    }

    /**
     * The deciles of {@code expected.get(i)} against {@code achieved.get(i)}, line by line.
     *
     * @throws IllegalArgumentException when the lists differ in length
     */
    static ExpectedFillDeciles of(List<ExpectedFill> expected, List<SimulationResult> achieved) {
        if (expected.size() != achieved.size()) {
            throw new IllegalArgumentException("one expected and one achieved result per line, got " + expected.size()
                    + " and " + achieved.size());
        }
        List<Integer> ranked = IntStream.range(0, expected.size()).filter(i -> expected.get(i).demand() > 0).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> expected.get(i).fillRate())
                        .thenComparingInt(i -> i))
                .toList();
        int n = ranked.size();
        List<Decile> out = new ArrayList<>();
        for (int d = 0; d < 10 && n > 0; d++) {
            ExpectedFill e = ExpectedFill.EMPTY;
            SimulationResult a = SimulationResult.EMPTY;
            int from = (int) ((long) d * n / 10);
            int to = (int) ((long) (d + 1) * n / 10);
            for (int k = from; k < to; k++) {
                e = e.plus(expected.get(ranked.get(k)));
                a = a.plus(achieved.get(ranked.get(k)));
            }
            if (to > from) {
                out.add(new Decile(d + 1, to - from, e.fillRate(), a.fillRate()));
            }
        }
        SimulationResult rest = SimulationResult.EMPTY;
        int restLines = 0;
        for (int i = 0; i < expected.size(); i++) {
            if (!(expected.get(i).demand() > 0)) {
                rest = rest.plus(achieved.get(i));
                restLines++;
            }
        }
        return new ExpectedFillDeciles(out, new Unplanned(restLines, rest));
    }
}
