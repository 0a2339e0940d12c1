package io.jflux.eval;

/** The absence of a value. */
public final class NullValue implements Value {
    public static final NullValue NULL = new NullValue();

    private NullValue() {}

    @Override
    public Kind kind() {
        return Kind.NULL;
    }

    @Override
    public boolean isNull() {
        return true;
    }

    @Override
    public String toString() {
        return "null";
    }
}
