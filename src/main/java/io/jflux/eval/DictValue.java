package io.jflux.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A dictionary: keys of one type, values of one type, in insertion order. */
public record DictValue(Map<Value, Value> entries) implements Value {
    public DictValue {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    @Override
    public Kind kind() {
        return Kind.DICT;
    }
}
