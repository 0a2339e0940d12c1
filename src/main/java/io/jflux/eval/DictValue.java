package io.jflux.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A dictionary: keys of one type, values of one type, in key order (the evaluator sorts them). */
public record DictValue(Map<Value, Value> entries) implements Value {
    public DictValue {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    @Override
    public Kind kind() {
        return Kind.DICT;
    }
}
