package com.sparecast.jobs.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DriverTasksTest {

    @Test
    void tasksRunSideBySideAndAllEnd() throws Exception {
        // Two tasks that each wait for the other to start: they only end if they run at once.
        CountDownLatch bothStarted = new CountDownLatch(2);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        DriverTasks.Task waitsForTheOther = () -> {
            threads.add(Thread.currentThread().getName());
            bothStarted.countDown();
            if (!bothStarted.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other task never started");
            }
        };
        AtomicInteger ran = new AtomicInteger();
        DriverTasks.runAll("test", List.of(waitsForTheOther, waitsForTheOther, ran::incrementAndGet, ran::incrementAndGet));
        assertEquals(2, ran.get());
        assertEquals(Set.of("test-1", "test-2"), threads);
    }

    @Test
    void theFirstFailureInListOrderIsThrownAfterEveryTaskEnded() {
        IOException first = new IOException("first");
        IllegalStateException second = new IllegalStateException("second");
        CountDownLatch secondFailed = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        Exception thrown = assertThrows(Exception.class, () -> DriverTasks.runAll("test", List.of(
                () -> {
                    // fails after the second task has failed: list order decides, not time
                    secondFailed.await(30, TimeUnit.SECONDS);
                    throw first;
                },
                () -> {
                    secondFailed.countDown();
                    throw second;
                },
                ran::incrementAndGet)));
        assertSame(first, thrown);
        assertEquals(1, ran.get());
    }

    @Test
    void aResultGivesTheValueOrWhatThePieceThrewAndAnErrorAsItself() throws Exception {
        AssertionError error = new AssertionError("boom");
        try (DriverTasks tasks = DriverTasks.open("test", 1)) {
            DriverTasks.Result<String> value = tasks.submit(() -> "value");
            DriverTasks.Result<Void> failed = tasks.submit(() -> {
                throw new IOException("no disk");
            });
            DriverTasks.Result<Void> broken = tasks.submit((DriverTasks.Task) () -> {
                throw error;
            });
            assertEquals("value", value.get());
            assertEquals("no disk", assertThrows(IOException.class, failed::get).getMessage());
            assertSame(error, assertThrows(AssertionError.class, broken::get));
        }
    }
}
