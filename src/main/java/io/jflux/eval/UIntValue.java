package io.jflux.eval;

/** An unsigned 64-bit integer, held in a long's bits. */
public record UIntValue(long value) implements Value {
    @Override
    public Kind kind() {
        return Kind.UINT;
    }

    @Override
    public String toString() {
        return Long.toUnsignedString(value);
    }
}
