package io.jflux.eval;

import java.util.List;

/** An array; Flux arrays hold values of one type. */
public record ArrayValue(List<Value> elements) implements Value {
    public static final ArrayValue EMPTY = new ArrayValue(List.of());

    public ArrayValue {
        elements = List.copyOf(elements);
    }

    @Override
    public Kind kind() {
        return Kind.ARRAY;
    }

    public int size() {
        return elements.size();
    }

    public Value get(int i) {
        return elements.get(i);
    }
}
