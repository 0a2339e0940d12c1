package io.jflux.stdlib.universe.rows;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.eval.Arguments;
import io.jflux.eval.BoolValue;
import io.jflux.eval.DictValue;
import io.jflux.eval.FunctionValue;
import io.jflux.eval.Interpreter;
import io.jflux.eval.RecordValue;
import io.jflux.eval.StringValue;
import io.jflux.eval.Value;
import io.jflux.stdlib.Streams;
import io.jflux.table.BatchExtension;
import io.jflux.table.ColumnMeta;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import io.jflux.table.GroupKey;
import io.jflux.table.RecentShapes;
import io.jflux.table.StreamValue;
import io.jflux.table.TableBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The transformations that change a table's columns but not its rows: {@code keep}, {@code drop},
 * {@code rename}, {@code duplicate}, {@code set}, and {@code columns} and {@code keys}, which list labels.
 * Except for {@code set}, {@code columns} and {@code keys}, they make views of their input (no copy).
 */
public final class ColumnOps {

    private ColumnOps() {}

    /** A per-table transformation that keeps no state between tables. */
    private static StreamValue perTable(Arguments a, BiFunction<FluxTable, org.apache.arrow.memory.BufferAllocator,
            FluxTable> fn) {
        StreamValue input = Streams.stream(a, "tables");
        return new StreamValue(ctx -> RowStreams.flatMap(input.open(ctx), t -> {
            try {
                FluxTable out = fn.apply(t, ctx.allocator());
                return out == null ? List.of() : List.of(out);
            } catch (FluxException e) {
                throw e.at(a.callSite());
            }
        }));
    }

    /**
     * How the tables of one schema (their column list and their key's, as objects) are projected: the columns
     * kept ({@code sel}) under their new metas, and where the new key's columns are in the old key. The lists
     * are made once, so the tables that come out of one schema share them, as the tables that came in did.
     */
    private record Projection(List<ColumnMeta> columns, List<ColumnMeta> keyColumns, List<ColumnMeta> metas,
            int[] sel, List<ColumnMeta> keyMetas, int[] keyPositions) {

        static Projection of(FluxTable t, List<ColumnMeta> metas, int[] sel) {
            List<ColumnMeta> keyMetas = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < sel.length; i++) {
                int p = t.key().indexOf(t.column(sel[i]).label());
                if (p >= 0) {
                    keyMetas.add(metas.get(i));
                    positions.add(p);
                }
            }
            return new Projection(t.columns(), t.key().columns(), List.copyOf(metas), sel, List.copyOf(keyMetas),
                    MapRows.toArray(positions));
        }

        /** {@code t} projected (no copy), under the key restricted to the kept columns, in column order. */
        FluxTable apply(FluxTable t) {
            Value[] values = new Value[keyPositions.length];
            if (values.length > 0) {
                List<Value> all = t.key().values();
                for (int j = 0; j < values.length; j++) {
                    values[j] = all.get(keyPositions[j]);
                }
            }
            return t.project(new GroupKey(keyMetas, java.util.Arrays.asList(values)), metas, sel);
        }
    }

    /** The projections of the last few schemas met, by their column lists (see {@link RecentShapes}). */
    private static final class Projections {
        private final RecentShapes<Projection> kept = new RecentShapes<>(8);

        Projection find(FluxTable t) {
            return kept.get(t.columns(), t.key().columns());
        }

        Projection keep(Projection p) {
            return kept.put(p.columns(), p.keyColumns(), p);
        }
    }

    // ------------------------------------------------------------------ keep and drop

    public static Value keep(Arguments a, Interpreter in) {
        return keepOrDrop(a, in, true);
    }

    public static Value drop(Arguments a, Interpreter in) {
        return keepOrDrop(a, in, false);
    }

    private static Value keepOrDrop(Arguments a, Interpreter in, boolean keep) {
        String name = keep ? "keep" : "drop";
        boolean hasCols = a.has("columns");
        boolean hasFn = a.has("fn");
        if (!hasCols && !hasFn) {
            throw a.error(name + " error: neither column list nor predicate function provided");
        }
        if (hasCols && hasFn) {
            throw a.error(name + " error: both column list and predicate provided");
        }
        Set<String> listed = hasCols ? new HashSet<>(Group.strings(a, "columns")) : null;
        FunctionValue fn = hasFn ? a.function("fn") : null;
        Map<String, Boolean> decided = new HashMap<>();
        Projections projections = new Projections();
        return perTable(a, (t, alloc) -> {
            Projection known = projections.find(t);
            if (known != null) {
                return known.apply(t);
            }
            List<ColumnMeta> metas = new ArrayList<>();
            List<Integer> select = new ArrayList<>();
            for (int c = 0; c < t.columnCount(); c++) {
                String label = t.column(c).label();
                boolean matches = listed != null ? listed.contains(label)
                        : decided.computeIfAbsent(label, l -> predicate(in, fn, name, l));
                if (matches == keep) {
                    metas.add(t.column(c));
                    select.add(c);
                }
            }
            return projections.keep(Projection.of(t, metas, MapRows.toArray(select))).apply(t);
        });
    }

    private static boolean predicate(Interpreter in, FunctionValue fn, String name, String label) {
        Value v = in.call(fn, Map.of("column", new StringValue(label)), null);
        if (v instanceof BoolValue b) {
            return b.value();
        }
        if (v.isNull()) {
            return false;
        }
        throw new FluxException(ErrorCode.INVALID, name + ": fn must return a bool, got " + v.kind().fluxName());
    }

    // ------------------------------------------------------------------ rename

    public static Value rename(Arguments a, Interpreter in) {
        boolean hasCols = a.has("columns");
        boolean hasFn = a.has("fn");
        if (!hasCols && !hasFn) {
            throw a.error("rename error: neither column list nor map function provided");
        }
        if (hasCols && hasFn) {
            throw a.error("rename error: both column list and map function provided");
        }
        Map<String, String> mapping = hasCols ? mapping(a) : null;
        FunctionValue fn = hasFn ? a.function("fn") : null;
        Map<String, String> decided = new HashMap<>();
        Projections projections = new Projections();
        return perTable(a, (t, alloc) -> {
            Projection known = projections.find(t);
            if (known != null) {
                return known.apply(t);
            }
            if (mapping != null) {
                for (String old : mapping.keySet()) {
                    if (t.columnIndex(old) < 0) {
                        throw new FluxException(ErrorCode.INVALID, "rename error: column \"" + old
                                + "\" doesn't exist");
                    }
                }
            }
            List<ColumnMeta> metas = new ArrayList<>();
            int[] sel = new int[t.columnCount()];
            Set<String> seen = new HashSet<>();
            for (int c = 0; c < t.columnCount(); c++) {
                String label = t.column(c).label();
                String to = mapping != null ? mapping.getOrDefault(label, label)
                        : decided.computeIfAbsent(label, l -> newName(in, fn, l));
                if (!seen.add(to)) {
                    throw new FluxException(ErrorCode.INVALID, "rename error: more than one column would be named \""
                            + to + "\"");
                }
                metas.add(new ColumnMeta(to, t.column(c).type()));
                sel[c] = c;
            }
            return projections.keep(Projection.of(t, metas, sel)).apply(t);
        });
    }

    private static Map<String, String> mapping(Arguments a) {
        Value v = a.require("columns");
        Map<String, String> out = new LinkedHashMap<>();
        if (v instanceof RecordValue r) {
            for (Map.Entry<String, Value> e : r.fields().entrySet()) {
                out.put(e.getKey(), newLabel(a, e.getValue()));
            }
        } else if (v instanceof DictValue d) {
            for (Map.Entry<Value, Value> e : d.entries().entrySet()) {
                if (!(e.getKey() instanceof StringValue k)) {
                    throw a.error("rename: columns must map strings to strings", a.spanOf("columns"));
                }
                out.put(k.value(), newLabel(a, e.getValue()));
            }
        } else {
            throw a.error("argument columns of rename: expected a record but found " + v.kind().fluxName(),
                    a.spanOf("columns"));
        }
        return out;
    }

    private static String newLabel(Arguments a, Value v) {
        if (v instanceof StringValue s) {
            return s.value();
        }
        throw a.error("rename: new column names must be strings, found " + v.kind().fluxName(), a.spanOf("columns"));
    }

    private static String newName(Interpreter in, FunctionValue fn, String label) {
        Value v = in.call(fn, Map.of("column", new StringValue(label)), null);
        if (v instanceof StringValue s) {
            return s.value();
        }
        throw new FluxException(ErrorCode.INVALID, "rename: fn must return a string, got " + v.kind().fluxName());
    }

    // ------------------------------------------------------------------ duplicate

    public static Value duplicate(Arguments a, Interpreter in) {
        String column = a.string("column");
        String as = a.string("as");
        return perTable(a, (t, alloc) -> {
            int from = t.columnIndex(column);
            if (from < 0) {
                throw new FluxException(ErrorCode.INVALID, "duplicate error: column \"" + column + "\" doesn't exist");
            }
            ColumnMeta copy = new ColumnMeta(as, t.column(from).type());
            List<ColumnMeta> metas = new ArrayList<>(t.columns());
            List<Integer> select = new ArrayList<>();
            for (int c = 0; c < t.columnCount(); c++) {
                select.add(c);
            }
            int at = t.columnIndex(as);
            if (at < 0) {
                metas.add(copy);
                select.add(from);
            } else {
                metas.set(at, copy);
                select.set(at, from);
            }
            GroupKey key = t.key();
            int asKey = key.indexOf(as);
            if (asKey >= 0) {
                List<ColumnMeta> kc = new ArrayList<>(key.columns());
                List<Value> kv = new ArrayList<>(key.values());
                int fromKey = key.indexOf(column);
                if (fromKey >= 0) {
                    kc.set(asKey, copy);
                    kv.set(asKey, key.values().get(fromKey));
                } else {
                    kc.remove(asKey);
                    kv.remove(asKey);
                }
                key = new GroupKey(kc, kv);
            }
            return t.project(key, metas, MapRows.toArray(select));
        });
    }

    // ------------------------------------------------------------------ set

    /**
     * {@code set(key:, value:)}: a string column holding {@code value} in every row, replacing the column of
     * that label or added at the end. When the column is in the group key, the key takes the value and tables
     * whose keys become equal merge (they come out, in key order, after the tables set did not regroup).
     */
    public static Value set(Arguments a, Interpreter in) {
        StreamValue input = Streams.stream(a, "tables");
        String label = a.string("key");
        StringValue value = new StringValue(a.string("value"));
        return new StreamValue(ctx -> {
            // the value as a column of each input batch, and the output's columns per input schema: a table
            // whose key does not hold the column becomes a view (no copy), and its schema's tables share a list
            BatchExtension values = new BatchExtension(1, (i, rows) -> Vectors.constant(ColumnType.STRING, value,
                    rows, label, ctx.allocator()));
            RecentShapes<SetShape> shapes = new RecentShapes<>(8);
            return RowStreams.onEnd(RowStreams.merging(() -> List.of(input.open(ctx)), ctx.allocator(),
                (t, merger, emit) -> {
                    try {
                        int at = t.columnIndex(label);
                        if (at >= 0 && t.column(at).type() != ColumnType.STRING) {
                            throw new FluxException(ErrorCode.INVALID, "set: column " + label + " has type "
                                    + t.column(at).type().fluxName() + "; set can only write strings");
                        }
                        if (!t.key().has(label)) {
                            emit.accept(setView(t, at, label, values, shapes));
                            return;
                        }
                        List<ColumnMeta> metas = new ArrayList<>(t.columns());
                        List<Object> sources = new ArrayList<>();
                        for (int c = 0; c < t.columnCount(); c++) {
                            sources.add(c);
                        }
                        Object constant = Vectors.constant(ColumnType.STRING, value, t.rowCount(), label,
                                ctx.allocator());
                        if (at < 0) {
                            metas.add(new ColumnMeta(label, ColumnType.STRING));
                            sources.add(constant);
                        } else {
                            sources.set(at, constant);
                        }
                        boolean keyed = t.key().has(label);
                        GroupKey key = keyed ? t.key().with(t.key().columns().get(t.key().indexOf(label)), value)
                                : t.key();
                        try (FluxTable out = TableViews.splice(t, key, metas, sources, ctx.allocator())) {
                            if (keyed) {
                                merger.add(key, out, null, 0);
                            } else {
                                emit.accept(out.retain());
                            }
                        }
                    } catch (FluxException e) {
                        throw e.at(a.callSite());
                    }
                }), values::close);
        });
    }

    /** The columns of {@code set}'s output for an input schema, and where each comes from (see BatchExtension.view). */
    private record SetShape(List<ColumnMeta> metas, int[] from) {}

    /**
     * {@code t} with column {@code label} (its index {@code at}, or -1 to add it last) holding the value of
     * {@code values}, as a view; {@code shapes} keeps the output columns per input column list (the last few).
     */
    private static FluxTable setView(FluxTable t, int at, String label, BatchExtension values,
                                     RecentShapes<SetShape> shapes) {
        List<ColumnMeta> columns = t.columns();
        SetShape known = shapes.get(columns, null);
        if (known != null) {
            return values.view(t, t.key(), known.metas(), known.from());
        }
        List<ColumnMeta> metas = new ArrayList<>(columns);
        int[] from = new int[at < 0 ? columns.size() + 1 : columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            from[c] = c;
        }
        if (at < 0) {
            metas.add(new ColumnMeta(label, ColumnType.STRING));
            from[columns.size()] = -1;
        } else {
            from[at] = -1;
        }
        metas = List.copyOf(metas);
        shapes.put(columns, null, new SetShape(metas, from));
        return values.view(t, t.key(), metas, from);
    }

    // ------------------------------------------------------------------ columns and keys

    /** {@code columns(column:)}: per table, its key columns and one row per column label. */
    public static Value columns(Arguments a, Interpreter in) {
        String column = a.string("column", "_value");
        return perTable(a, (t, alloc) -> {
            List<String> labels = new ArrayList<>();
            for (ColumnMeta c : t.columns()) {
                labels.add(c.label());
            }
            return labels(t.key(), labels, column, alloc);
        });
    }

    /** {@code keys(column:)}: per table, its key columns and one row per key column label. */
    public static Value keys(Arguments a, Interpreter in) {
        String column = a.string("column", "_value");
        return perTable(a, (t, alloc) -> {
            List<String> labels = new ArrayList<>();
            for (ColumnMeta c : t.key().columns()) {
                labels.add(c.label());
            }
            return labels(t.key(), labels, column, alloc);
        });
    }

    private static FluxTable labels(GroupKey key, List<String> labels, String column,
                                    org.apache.arrow.memory.BufferAllocator alloc) {
        try (TableBuilder b = new TableBuilder(alloc, key)) {
            int[] cols = new int[key.size()];
            for (int i = 0; i < key.size(); i++) {
                cols[i] = b.addColumn(key.columns().get(i));
            }
            int out = b.addColumn(new ColumnMeta(column, ColumnType.STRING));
            for (String label : labels) {
                for (int i = 0; i < cols.length; i++) {
                    if (cols[i] != out) {
                        b.appendValue(cols[i], key.values().get(i));
                    }
                }
                b.appendString(out, label);
            }
            return b.build();
        }
    }
}
