package com.sparecast.jobs.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Independent pieces of a step's driver work run side by side: each pulls its rows from Spark
 * and formats or writes them on the driver, so while one formats, another's Spark job runs. For
 * work whose results do not depend on which piece runs first (each computes its own value or
 * writes its own files).
 *
 * <pre>{@code
 * try (DriverTasks tasks = DriverTasks.open("report")) {
 *     DriverTasks.Result<List<Line>> queue = tasks.submit(() -> ExceptionQueue.of(...));
 *     ...
 *     render(queue.get(), ...);
 * }
 * }</pre>
 * {@link #close} waits for every piece to end, so none outlives the step, even when one failed.
 */
public final class DriverTasks implements AutoCloseable {

    /** One piece of work without a value; it may throw what the step would. */
    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }

    /** A submitted piece's value. */
    public interface Result<T> {
        /** Waits for the piece; throws what it threw. */
        T get() throws Exception;
    }

    private final ExecutorService pool;
    private final List<Future<?>> submitted = new ArrayList<>();

    private DriverTasks(String name, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        AtomicInteger next = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + "-" + next.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Pieces run on the driver's cores, at least two so that a piece's driver work overlaps another's job. */
    public static DriverTasks open(String name) {
        return open(name, Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    /** Pieces run on {@code threads} threads, in the order submitted as threads free up. */
    public static DriverTasks open(String name, int threads) {
        return new DriverTasks(name, threads);
    }

    /** Starts {@code task} when a thread is free. */
    public <T> Result<T> submit(Callable<T> task) {
        Future<T> future = pool.submit(task);
        submitted.add(future);
        return () -> {
            try {
                return future.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw (Exception) e.getCause();
            }
        };
    }

    /** Starts {@code task} when a thread is free. */
    public Result<Void> submit(Task task) {
        return submit(() -> {
            task.run();
            return null;
        });
    }

    /**
     * Runs {@code tasks} side by side and returns when all have ended; when any failed, throws
     * the failure of the first in list order (the others still ran to their end: a step fails
     * whole, and its next run writes every file again).
     */
    public static void runAll(String name, List<Task> tasks) throws Exception {
        try (DriverTasks pool = open(name)) {
            List<Result<Void>> results = tasks.stream().map(pool::submit).toList();
            for (Result<Void> r : results) {
                r.get();
            }
        }
    }

    /** Waits for every submitted piece to end, then stops the threads. */
    @Override
    public void close() throws InterruptedException {
        try {
            for (Future<?> f : submitted) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    // the piece's failure is thrown by its Result; here it only has to have ended
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
