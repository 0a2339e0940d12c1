package io.jflux.eval;

/**
 * A Flux value. Every value is immutable. Scalars are records; {@link NullValue#NULL} is the one null.
 */
public interface Value {

    Kind kind();

    default boolean isNull() {
        return false;
    }
}
