package com.sparecast.jobs.spark;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.KnownSizeEstimation;

/**
 * A value computed on the driver and broadcast to the executors, which tells Spark its size.
 * Spark keeps every broadcast value on the driver (and on each executor that reads it) and
 * accounts for its memory by walking its object graph ({@code SizeEstimator}); for a planning
 * context holding a large run's master data that walk took 3.3 s, against 0.8 s to serialize
 * the same graph. {@link KnownSizeEstimation} (internal to Spark's Scala API, public to Java)
 * lets a value state its size; this one states {@value #HEAP_PER_SERIALIZED_BYTE} times its
 * serialized size (the large profile's master data: 55 MB estimated by Spark, 10 MB serialized).
 * Every broadcast value derived from the master data (the planning context, ingest's reference
 * data) goes through here.
 *
 * @param <T> the value's type
 */
public final class SharedValue<T extends Serializable> implements Serializable, KnownSizeEstimation {

    private static final long serialVersionUID = 1L;
    private static final long HEAP_PER_SERIALIZED_BYTE = 5;

    private final T value;
    private final long estimatedSize;

    private SharedValue(T value, long estimatedSize) {
        this.value = value;
        this.estimatedSize = estimatedSize;
    }

    /** Broadcasts {@code value}; tasks read it with {@code broadcast.value().get()}. */
    public static <T extends Serializable> Broadcast<SharedValue<T>> broadcast(SparkSession spark, T value) {
        SharedValue<T> shared = new SharedValue<>(value, HEAP_PER_SERIALIZED_BYTE * serializedSize(value));
        return JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(shared);
    }

    /** The value. */
    public T get() {
        return value;
    }

    @Override
    public long estimatedSize() {
        return estimatedSize;
    }

    private static long serializedSize(Serializable value) {
        long[] bytes = {0};
        OutputStream counter = new OutputStream() {
            @Override
            public void write(int b) {
                bytes[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes[0] += len;
            }
        };
        try (ObjectOutputStream out = new ObjectOutputStream(counter)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize the value to broadcast: " + e.getMessage(), e);
        }
        return bytes[0];
    }
}
