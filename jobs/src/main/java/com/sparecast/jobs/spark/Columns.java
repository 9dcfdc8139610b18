package com.sparecast.jobs.spark;

import java.util.List;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** Small bridges from Java to the Scala-typed parts of Spark's API. */
public final class Columns {

    private Columns() {
    }

    /** Column names as the Scala sequence {@code Dataset.join(other, usingColumns, joinType)} takes. */
    public static Seq<String> names(String... names) {
        return CollectionConverters.asScala(List.of(names)).toSeq();
    }
}
