package com.sparecast.models.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DefaultMethodTrialsTest {

    private static final List<String> ALIASES = List.of("A", "B", "C");

    @Test
    void meansAreTheMeansOfTheCountedSeries() {
        DefaultMethodTrials t = DefaultMethodTrials.of(ALIASES, new double[] {1, 2, 3})
                .merge(DefaultMethodTrials.of(ALIASES, new double[] {3, 1, 3}))
                .merge(DefaultMethodTrials.of(ALIASES, null))
                .merge(DefaultMethodTrials.of(ALIASES, new double[] {1, Double.NaN, 1}));
        assertEquals(2, t.series());
        assertEquals(2.0, t.means().get("A"), 1e-9);
        assertEquals(1.5, t.means().get("B"), 1e-9);
        assertEquals(3.0, t.means().get("C"), 1e-9);
        assertEquals("B", t.best());
    }

    @Test
    void tiesGoToTheEarlierCandidate() {
        DefaultMethodTrials t = DefaultMethodTrials.of(ALIASES, new double[] {2, 1, 1});
        assertEquals("B", t.best());
    }

    @Test
    void theOrderOfAddingDoesNotChangeAnything() {
        Random random = new Random(11);
        List<DefaultMethodTrials> parts = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            parts.add(DefaultMethodTrials.of(ALIASES,
                    new double[] {random.nextDouble(), random.nextDouble() * 1.001, 1e-7 * random.nextDouble()}));
        }
        DefaultMethodTrials forward = parts.stream().reduce(DefaultMethodTrials.empty(ALIASES), DefaultMethodTrials::merge);
        Collections.shuffle(parts, random);
        DefaultMethodTrials shuffled = parts.parallelStream()
                .reduce(DefaultMethodTrials.empty(ALIASES), DefaultMethodTrials::merge);
        assertEquals(forward.means(), shuffled.means(), "bit for bit");
        assertEquals(forward.best(), shuffled.best());
    }

    @Test
    void invalidUseThrowsWithAClearMessage() {
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> DefaultMethodTrials.empty(ALIASES).best());
        assertTrue(none.getMessage().contains("no series"), none.getMessage());
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> DefaultMethodTrials.of(ALIASES, new double[] {1, 2}));
        assertTrue(length.getMessage().contains("3 expected, got 2"), length.getMessage());
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> DefaultMethodTrials.empty(ALIASES).merge(DefaultMethodTrials.empty(List.of("A"))));
        assertTrue(other.getMessage().contains("different candidates"), other.getMessage());
    }
}
