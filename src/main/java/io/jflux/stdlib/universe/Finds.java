package io.jflux.stdlib.universe;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.eval.ArrayValue;
import io.jflux.eval.Arguments;
import io.jflux.eval.BoolValue;
import io.jflux.eval.FunctionValue;
import io.jflux.eval.Interpreter;
import io.jflux.eval.RecordValue;
import io.jflux.eval.Value;
import io.jflux.stdlib.Streams;
import io.jflux.table.FluxTable;
import io.jflux.table.GroupKey;
import io.jflux.table.StreamValue;
import io.jflux.table.TableContext;
import io.jflux.table.TableStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code findRecord} and {@code findColumn}: values out of a stream of tables, for the script to use as plain
 * values (a threshold, a list of hosts). They read the stream when called, up to the first table whose group
 * key {@code fn} accepts.
 */
final class Finds {

    private Finds() {}

    /** {@code findRecord(fn:, idx:)}: row {@code idx} of the first table {@code fn} accepts; {} when none does. */
    static Value findRecord(Arguments a, Interpreter in) {
        long idx = a.integer("idx");
        return find(a, in, t -> {
            if (idx < 0 || idx >= t.rowCount()) {
                throw new FluxException(ErrorCode.INVALID, "findRecord: index " + idx + " out of bounds of a table"
                        + " of " + t.rowCount() + " rows", a.callSite());
            }
            Map<String, Value> fields = new LinkedHashMap<>();
            for (int c = 0; c < t.columnCount(); c++) {
                fields.put(t.column(c).label(), t.value(c, (int) idx));
            }
            return new RecordValue(fields);
        }, new RecordValue(Map.of()));
    }

    /**
     * {@code findColumn(fn:, column:)}: the values of {@code column} in the first table {@code fn} accepts; [] when
     * none does or it has no such column.
     */
    static Value findColumn(Arguments a, Interpreter in) {
        String column = a.string("column");
        ArrayValue empty = new ArrayValue(List.of());
        return find(a, in, t -> {
            int c = t.columnIndex(column);
            if (c < 0) {
                return empty;
            }
            List<Value> values = new ArrayList<>(t.rowCount());
            for (int r = 0; r < t.rowCount(); r++) {
                values.add(t.value(c, r));
            }
            return new ArrayValue(values);
        }, empty);
    }

    private interface Extract {
        Value from(FluxTable t);
    }

    private static Value find(Arguments a, Interpreter in, Extract extract, Value none) {
        FunctionValue fn = a.function("fn");
        StreamValue input = Streams.stream(a, "tables");
        try (TableStream s = input.open(TableContext.of(in))) {
            FluxTable t;
            while ((t = s.next()) != null) {
                try (FluxTable table = t) {
                    if (in.call(fn, Map.of("key", keyRecord(table.key())), a.callSite()) instanceof BoolValue b
                            && b.value()) {
                        return extract.from(table);
                    }
                }
            }
        }
        return none;
    }

    private static RecordValue keyRecord(GroupKey key) {
        Map<String, Value> fields = new LinkedHashMap<>();
        for (int i = 0; i < key.size(); i++) {
            fields.put(key.columns().get(i).label(), key.values().get(i));
        }
        return new RecordValue(fields);
    }
}
