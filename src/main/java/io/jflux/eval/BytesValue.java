package io.jflux.eval;

import java.util.Arrays;

/** A byte sequence; the array is never changed after construction. */
public record BytesValue(byte[] bytes) implements Value {
    @Override
    public Kind kind() {
        return Kind.BYTES;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BytesValue b && Arrays.equals(b.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "bytes(" + bytes.length + ")";
    }
}
