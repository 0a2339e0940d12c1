package io.jflux.stdlib.universe.rows;

import io.jflux.diag.FluxException;
import io.jflux.eval.Arguments;
import io.jflux.eval.ArrayValue;
import io.jflux.eval.Interpreter;
import io.jflux.eval.Operators;
import io.jflux.eval.StringValue;
import io.jflux.eval.Value;
import io.jflux.stdlib.Streams;
import io.jflux.table.ColumnMeta;
import io.jflux.table.FluxTable;
import io.jflux.table.GroupKey;
import io.jflux.table.RecentShapes;
import io.jflux.table.StreamValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code group(columns:, mode:)}: regroups rows under a new key. Mode {@code "by"} keys on the listed columns a
 * table has, in label order; {@code "except"} on all its other columns, in column order. Rows with equal new
 * keys from any input tables make one table (columns: the union, in the order first seen); tables come out when
 * the input ends, in key order. A table whose key already holds all the new key columns moves whole, without
 * a copy. {@code group()} puts every row in one table with an empty key.
 */
public final class Group {

    private Group() {}

    public static Value group(Arguments a, Interpreter in) {
        StreamValue input = Streams.stream(a, "tables");
        String mode = a.string("mode", "by");
        if (!mode.equals("by") && !mode.equals("except")) {
            throw a.error("invalid group mode: must be \"by\" or \"except\"", a.spanOf("mode"));
        }
        List<String> columns = strings(a, "columns");
        boolean by = mode.equals("by");
        List<String> sorted = new ArrayList<>(new LinkedHashSet<>(columns));
        sorted.sort(Operators::compareUtf8);
        Set<String> listed = new LinkedHashSet<>(columns);
        return new StreamValue(ctx -> {
            Plans plans = new Plans();
            return RowStreams.merging(() -> List.of(input.open(ctx)), ctx.allocator(), (t, merger, emit) -> {
                try {
                    add(t, plans.of(t, by, sorted, listed), merger);
                } catch (FluxException e) {
                    throw e.at(a.callSite());
                }
            });
        });
    }

    /**
     * What regrouping a table takes, worked out from its columns and its key's columns: the new key's columns
     * (where they are in the table), and which of them vary within the table (not in its key).
     */
    private record Plan(int[] cols, List<ColumnMeta> metas, int[] varying) {}

    /**
     * The plans of the schemas met last (compared as list objects: a source's tables of one schema share their
     * lists), so a stream of many small tables works a plan out once per schema; the new keys of tables of one
     * schema then share one column list, which makes them quick to compare.
     */
    private static final class Plans {
        private final RecentShapes<Plan> kept = new RecentShapes<>(8);

        Plan of(FluxTable t, boolean by, List<String> sorted, Set<String> listed) {
            List<ColumnMeta> columns = t.columns();
            List<ColumnMeta> keyColumns = t.key().columns();
            Plan known = kept.get(columns, keyColumns);
            if (known != null) {
                return known;
            }
            List<Integer> cols = new ArrayList<>();
            if (by) {
                for (String label : sorted) {
                    int c = t.columnIndex(label);
                    if (c >= 0) {
                        cols.add(c);
                    }
                }
            } else {
                for (int c = 0; c < t.columnCount(); c++) {
                    if (!listed.contains(t.column(c).label())) {
                        cols.add(c);
                    }
                }
            }
            List<ColumnMeta> metas = new ArrayList<>(cols.size());
            List<Integer> varying = new ArrayList<>();
            for (int c : cols) {
                metas.add(t.column(c));
                if (!t.key().has(t.column(c).label())) {
                    varying.add(c);
                }
            }
            return kept.put(columns, keyColumns, new Plan(MapRows.toArray(cols), List.copyOf(metas),
                    MapRows.toArray(varying)));
        }
    }

    private static void add(FluxTable t, Plan plan, TableMerger merger) {
        List<ColumnMeta> metas = plan.metas();
        if (plan.varying().length == 0) {
            Value[] values = new Value[metas.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = t.key().value(metas.get(i).label());
            }
            merger.add(new GroupKey(metas, java.util.Arrays.asList(values)), t, null, 0);
            return;
        }
        RowGroups groups = RowGroups.of(t, plan.varying());
        for (int g = 0; g < groups.size(); g++) {
            int[] rows = groups.rows(g);
            merger.add(RowGroups.keyOf(t, metas, plan.cols(), groups.firstRow(g)), t, rows, rows.length);
        }
    }

    /** An optional array-of-strings argument (empty when absent). */
    static List<String> strings(Arguments a, String name) {
        List<String> out = new ArrayList<>();
        if (!a.has(name)) {
            return out;
        }
        ArrayValue arr = a.array(name);
        for (Value v : arr.elements()) {
            if (!(v instanceof StringValue s)) {
                throw a.error("argument " + name + ": expected an array of strings, found " + v.kind().fluxName(),
                        a.spanOf(name));
            }
            out.add(s.value());
        }
        return out;
    }
}
