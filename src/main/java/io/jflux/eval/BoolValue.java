package io.jflux.eval;

public final class BoolValue implements Value {
    public static final BoolValue TRUE = new BoolValue(true);
    public static final BoolValue FALSE = new BoolValue(false);

    private final boolean value;

    private BoolValue(boolean value) {
        this.value = value;
    }

    public static BoolValue of(boolean b) {
        return b ? TRUE : FALSE;
    }

    public boolean value() {
        return value;
    }

    @Override
    public Kind kind() {
        return Kind.BOOL;
    }

    @Override
    public String toString() {
        return Boolean.toString(value);
    }
}
