package com.sparecast.jobs.spark;

import java.util.List;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** Small bridges from Java to the Scala-typed parts of Spark's API, and to its boxed arrays. */
public final class Columns {

    private Columns() {
    }

    /** Column names as the Scala sequence {@code Dataset.join(other, usingColumns, joinType)} takes. */
    public static Seq<String> names(String... names) {
        return CollectionConverters.asScala(List.of(names)).toSeq();
    }

    /** An array column's value for {@code RowFactory.create}. */
    public static Double[] boxed(double[] values) {
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** An array column's value as read from a row ({@code Row.getList}); null gives an empty array. */
    public static double[] doubles(List<Double> values) {
        return values == null ? new double[0] : values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
