package io.jflux.eval;

public record FloatValue(double value) implements Value {
    @Override
    public Kind kind() {
        return Kind.FLOAT;
    }
}
