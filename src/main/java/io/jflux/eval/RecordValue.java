package io.jflux.eval;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A record: labelled values in the order they were written. */
public record RecordValue(Map<String, Value> fields) implements Value {
    public static final RecordValue EMPTY = new RecordValue(Map.of());

    /**
     * Fields a record takes as they are, without a copy: a read-only view (for example of one row of a table,
     * reused from row to row) whose owner does not change it while the record can still be read. Reading a
     * label the view lacks gives Java null, as for any record.
     */
    public abstract static class View extends AbstractMap<String, Value> {
    }

    public RecordValue {
        fields = fields instanceof View ? fields : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
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
