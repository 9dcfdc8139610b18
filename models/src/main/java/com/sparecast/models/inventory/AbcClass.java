package com.sparecast.models.inventory;

/** ABC class of a part by its share of the annual demand value (see {@link AbcClassifier}). */
public enum AbcClass {
    /** The few parts that make most of the demand value. */
    A,
    /** The middle band. */
    B,
    /** The many parts that make little of the value, and parts with no demand. */
    C
}
