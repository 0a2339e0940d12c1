package io.jflux.stdlib.universe.rows;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.eval.Arguments;
import io.jflux.eval.Interpreter;
import io.jflux.eval.Kind;
import io.jflux.eval.Value;
import io.jflux.stdlib.Streams;
import io.jflux.table.ColumnMeta;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import io.jflux.table.GroupKey;
import io.jflux.table.StreamValue;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code fill(column:, value:, usePrevious:)}: nulls of one column (default {@code _value}) replaced by
 * {@code value}, or by the last non-null value above them in the table (leading nulls stay). Exactly one of
 * {@code value} and {@code usePrevious} must be given. A table without the column gets it, full of
 * {@code value} (with {@code usePrevious} it passes unchanged). A key column is filled only when its key value
 * is null, and the key then takes {@code value}.
 */
public final class Fill {

    private Fill() {}

    public static Value fill(Arguments a, Interpreter in) {
        StreamValue input = Streams.stream(a, "tables");
        String column = a.string("column", "_value");
        if (a.has("value") == a.has("usePrevious")) {
            throw a.error("fill requires exactly one of value or usePrevious");
        }
        Value value = a.get("value");
        boolean usePrevious = a.has("usePrevious") && a.bool("usePrevious");
        ColumnType valueType = null;
        if (value != null) {
            valueType = value.isNull() ? null : ColumnType.of(value.kind());
            if (valueType == null || value.kind() == Kind.DURATION) {
                throw a.error("value type for fill must be a valid primitive type (bool, int, uint, float, string, time)",
                        a.spanOf("value"));
            }
        }
        ColumnType type = valueType;
        return new StreamValue(ctx -> RowStreams.flatMap(input.open(ctx), t -> {
            try {
                return List.of(apply(t, column, value, type, usePrevious, ctx.allocator()));
            } catch (FluxException e) {
                throw e.at(a.callSite());
            }
        }));
    }

    private static FluxTable apply(FluxTable t, String column, Value value, ColumnType type, boolean usePrevious,
                                   BufferAllocator allocator) {
        int col = t.columnIndex(column);
        if (col < 0 && usePrevious) {
            return t.retain();
        }
        GroupKey key = t.key();
        int k = key.indexOf(column);
        if (k >= 0) {
            if (!key.values().get(k).isNull()) {
                return t.retain();
            }
            if (value != null) {
                key = key.with(key.columns().get(k), value);
            }
        }
        if (!usePrevious && col >= 0 && t.column(col).type() != type) {
            throw new FluxException(ErrorCode.INVALID, "fill column type mismatch: " + t.column(col).type().fluxName()
                    + "/" + type.fluxName());
        }
        if (!usePrevious && value == null) {
            return t.retain();
        }
        List<ColumnMeta> metas = new ArrayList<>(t.columns());
        List<Object> sources = new ArrayList<>();
        for (int c = 0; c < t.columnCount(); c++) {
            sources.add(c);
        }
        int n = t.rowCount();
        if (col < 0) {
            metas.add(new ColumnMeta(column, type));
            sources.add(Vectors.constant(type, value, n, column, allocator));
            return TableViews.splice(t, key, metas, sources, allocator);
        }
        FieldVector out = Vectors.newVector(t.column(col).type(), column, allocator);
        try {
            Vectors.allocate(out, n);
            FieldVector src = t.vector(col);
            int off = t.offset();
            int[] one = new int[1];
            int previous = -1;
            try (FluxTable constant = usePrevious ? null : constantTable(type, value, allocator)) {
                for (int r = 0; r < n; r++) {
                    boolean isNull = BitVectorHelper.get(src.getValidityBuffer(), off + r) == 0;
                    if (!isNull) {
                        previous = r;
                        Vectors.copyRows(t, col, null, r, 1, out, r);
                    } else if (!usePrevious) {
                        Vectors.copyRows(constant, 0, null, 0, 1, out, r);
                    } else if (previous >= 0) {
                        one[0] = previous;
                        Vectors.copyRows(t, col, one, 0, 1, out, r);
                    }
                }
            }
            out.setValueCount(n);
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
        sources.set(col, out);
        return TableViews.splice(t, key, metas, sources, allocator);
    }

    private static FluxTable constantTable(ColumnType type, Value value, BufferAllocator allocator) {
        FieldVector v = Vectors.constant(type, value, 1, "fill", allocator);
        return FluxTable.ofVectors(GroupKey.EMPTY, List.of(new ColumnMeta("fill", type)), List.of(v), 1);
    }
}
