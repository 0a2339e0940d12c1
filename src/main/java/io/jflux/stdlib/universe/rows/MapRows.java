package io.jflux.stdlib.universe.rows;

import io.jflux.diag.FluxException;
import io.jflux.eval.Arguments;
import io.jflux.eval.FunctionValue;
import io.jflux.eval.Interpreter;
import io.jflux.eval.Value;
import io.jflux.stdlib.Streams;
import io.jflux.stdlib.universe.rowfn.RowFn;
import io.jflux.table.ColumnMeta;
import io.jflux.table.FluxTable;
import io.jflux.table.GroupKey;
import io.jflux.table.RecentShapes;
import io.jflux.table.StreamValue;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * {@code map(fn:)}: each row becomes the record {@code fn} returns. Output columns are the record's
 * properties in label order (as Flux's map orders them); a property null in every row, of no known type, is
 * no column. Group-key columns the record drops leave the key; those it keeps stay in the key (in column
 * order), and when their values differ from row to row the rows are regrouped into one table per key, in key
 * order. Tables of no rows are dropped. The deprecated {@code mergeKey} is accepted and ignored.
 */
public final class MapRows {

    private MapRows() {}

    public static Value map(Arguments a, Interpreter in) {
        StreamValue input = Streams.stream(a, "tables");
        FunctionValue fn = a.function("fn");
        return new StreamValue(ctx -> {
            RowFn rows = new RowFn(fn, ctx.interpreter(), "map");
            RecentShapes<KeyShape> shapes = new RecentShapes<>(8);
            return RowStreams.onEnd(RowStreams.flatMap(input.open(ctx), t -> {
                try {
                    FluxTable out = rows.mapper(t.columns()).map(t, ctx.allocator());
                    return out == null ? List.of() : regroup(out, t.key(), ctx.allocator(), shapes);
                } catch (FluxException e) {
                    throw e.at(a.callSite());
                }
            }), rows::close);
        });
    }

    /**
     * Gives a table made by map its group key: the columns of {@code inKey} it still has, with the values its
     * rows hold; rows that disagree are split into one table per key. Consumes {@code out}.
     */
    public static List<FluxTable> regroup(FluxTable out, GroupKey inKey, BufferAllocator allocator) {
        return regroup(out, inKey, allocator, new RecentShapes<>(1));
    }

    /** The new key's columns of a schema: their metas (one list for its tables) and where they are. */
    public record KeyShape(List<ColumnMeta> metas, int[] cols) {}

    /**
     * {@link #regroup(FluxTable, GroupKey, BufferAllocator)} with the stream's {@code shapes}, by (output columns,
     * input key columns): the keys of one schema's tables then share one column list, by which what follows
     * knows them.
     */
    public static List<FluxTable> regroup(FluxTable out, GroupKey inKey, BufferAllocator allocator,
                                          RecentShapes<KeyShape> shapes) {
        try (FluxTable t = out) {
            KeyShape shape = shapes.get(t.columns(), inKey.columns());
            if (shape == null) {
                List<ColumnMeta> metas = new ArrayList<>();
                List<Integer> keyCols = new ArrayList<>();
                for (int c = 0; c < t.columnCount(); c++) {
                    if (inKey.has(t.column(c).label())) {
                        metas.add(t.column(c));
                        keyCols.add(c);
                    }
                }
                shape = shapes.put(t.columns(), inKey.columns(), new KeyShape(List.copyOf(metas), toArray(keyCols)));
            }
            List<ColumnMeta> keyMetas = shape.metas();
            int[] cols = shape.cols();
            List<Integer> varying = new ArrayList<>();
            for (int c : cols) {
                if (!RowGroups.isConstant(t, c)) {
                    varying.add(c);
                }
            }
            if (varying.isEmpty()) {
                return List.of(t.withKey(RowGroups.keyOf(t, keyMetas, cols, 0)));
            }
            RowGroups groups = RowGroups.of(t, toArray(varying));
            List<FluxTable> tables = new ArrayList<>(groups.size());
            try {
                for (int g = 0; g < groups.size(); g++) {
                    GroupKey key = RowGroups.keyOf(t, keyMetas, cols, groups.firstRow(g));
                    int[] rows = groups.rows(g);
                    tables.add(TableViews.take(t, key, rows, rows.length, allocator));
                }
            } catch (RuntimeException e) {
                for (FluxTable x : tables) {
                    x.close();
                }
                throw e;
            }
            tables.sort((x, y) -> x.key().compareTo(y.key()));
            return tables;
        }
    }

    static int[] toArray(List<Integer> list) {
        int[] a = new int[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }
}
