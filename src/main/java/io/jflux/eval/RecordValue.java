package io.jflux.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A record: labelled values in the order they were written. */
public record RecordValue(Map<String, Value> fields) implements Value {
    public static final RecordValue EMPTY = new RecordValue(Map.of());

    public RecordValue {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public Kind kind() {
        return Kind.RECORD;
    }

    /** The value of a field, or null (Java null) when the record has no such field. */
    public Value get(String name) {
        return fields.get(name);
    }
}
