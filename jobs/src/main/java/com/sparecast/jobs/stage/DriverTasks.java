package com.sparecast.jobs.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Independent pieces of a step's driver work run side by side: each pulls its rows from Spark
 * and writes them on the driver (CSV formatting, file writes), so while one writes, another's
 * Spark job runs. Only for work whose results do not depend on which runs first (each writes
 * its own files).
 */
public final class DriverTasks {

    /** One piece of work; it may throw what the step would. */
    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }

    private DriverTasks() {
    }

    /**
     * Runs {@code tasks} on up to {@code threads} threads, in list order as threads free up, and
     * returns when all have ended. When any failed, throws the failure of the first in list order
     * (the others still ran to their end: a step fails whole, and a half-written file is rewritten
     * by the step's next run).
     */
    public static void runAll(String name, int threads, List<Task> tasks) throws Exception {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, tasks.size())), r -> {
            Thread t = new Thread(r, name + "-" + next.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>(tasks.size());
            for (Task task : tasks) {
                running.add(pool.submit(() -> {
                    task.run();
                    return null;
                }));
            }
            Throwable first = null;
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    first = first == null ? e.getCause() : first;
                }
            }
            if (first instanceof Error error) {
                throw error;
            }
            if (first != null) {
                throw (Exception) first;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Threads for a step's driver writers: the driver's cores, at least two so a write overlaps a job. */
    public static int writerThreads() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }
}
