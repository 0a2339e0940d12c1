package io.jflux.eval;

/** A signed 64-bit integer. */
public record IntValue(long value) implements Value {

    private static final IntValue[] SMALL = new IntValue[256];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = new IntValue(i - 128);
        }
    }

    public static IntValue of(long v) {
        return v >= -128 && v < 128 ? SMALL[(int) v + 128] : new IntValue(v);
    }

    @Override
    public Kind kind() {
        return Kind.INT;
    }
}
