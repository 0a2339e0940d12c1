package io.jflux.table;

/** Where a computation puts the one value it makes (an aggregate's result for a table). */
public interface ValueSink {

    /** An int, a uint's bits, or a time or duration in nanoseconds. */
    void setLong(long value);

    void setDouble(double value);

    void setNull();
}
