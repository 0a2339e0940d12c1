package io.jflux.eval;

public record StringValue(String value) implements Value {
    @Override
    public Kind kind() {
        return Kind.STRING;
    }
}
