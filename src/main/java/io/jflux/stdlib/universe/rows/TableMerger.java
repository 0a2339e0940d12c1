package io.jflux.stdlib.universe.rows;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.eval.Value;
import io.jflux.table.ColumnMeta;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import io.jflux.table.GroupKey;
import io.jflux.table.TableStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Gathers rows of many tables under new group keys and builds one table per key when the input ends, as
 * {@code group} and {@code union} do. Rows with equal keys (whatever the order of the key's columns) land in
 * one table whose columns are the union of theirs, in the order first seen; a cell of a column a piece lacks is
 * null. Pieces are held as references to their tables (no copy) until {@link #finish}; a key fed a single
 * whole table yields a view of it.
 */
public final class TableMerger implements AutoCloseable {

    private static final class Piece {
        final FluxTable table;
        final int[] rows;
        final int count;

        Piece(FluxTable table, int[] rows, int count) {
            this.table = table;
            this.rows = rows;
            this.count = count;
        }
    }

    private static final class Entry {
        final GroupKey key;
        final List<Piece> pieces = new ArrayList<>();
        final LinkedHashMap<String, ColumnType> columns = new LinkedHashMap<>();
        int rows;

        Entry(GroupKey key) {
            this.key = key;
        }
    }

    private final Map<GroupKey, Entry> entries = new HashMap<>();

    /**
     * Adds rows {@code rows[0..count)} of {@code table} (all its rows when {@code rows} is null) under
     * {@code key}. The merger takes its own reference to the table; the caller still closes its own.
     *
     * @throws FluxException when a column of the table has another type than the same column of earlier rows
     */
    public void add(GroupKey key, FluxTable table, int[] rows, int count) {
        GroupKey canonical = canonical(key);
        Entry e = entries.get(canonical);
        if (e == null) {
            e = new Entry(key);
            entries.put(canonical, e);
        }
        for (ColumnMeta c : table.columns()) {
            ColumnType known = e.columns.get(c.label());
            if (known == null) {
                e.columns.put(c.label(), c.type());
            } else if (known != c.type()) {
                throw new FluxException(ErrorCode.INVALID, "schema collision detected: column \"" + c.label()
                        + "\" is both of type " + known.fluxName() + " and " + c.type().fluxName());
            }
        }
        if (rows == null && !e.pieces.isEmpty()) {
            // consecutive slices of one shared batch (a stream of small tables) become one range to copy
            Piece last = e.pieces.get(e.pieces.size() - 1);
            FluxTable joined = last.rows == null ? last.table.joinedWith(table) : null;
            if (joined != null) {
                last.table.close();
                e.pieces.set(e.pieces.size() - 1, new Piece(joined, null, joined.rowCount()));
                e.rows += table.rowCount();
                return;
            }
        }
        e.pieces.add(new Piece(table.retain(), rows, rows == null ? table.rowCount() : count));
        e.rows += rows == null ? table.rowCount() : count;
    }

    /** The key with its columns in label order: equal for keys that differ only in the order of columns. */
    static GroupKey canonical(GroupKey key) {
        List<ColumnMeta> cols = key.columns();
        boolean sorted = true;
        for (int i = 1; i < cols.size() && sorted; i++) {
            sorted = cols.get(i - 1).label().compareTo(cols.get(i).label()) < 0;
        }
        if (sorted) {
            return key;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> cols.get(a).label().compareTo(cols.get(b).label()));
        List<ColumnMeta> c = new ArrayList<>();
        List<Value> v = new ArrayList<>();
        for (int i : order) {
            c.add(cols.get(i));
            v.add(key.values().get(i));
        }
        return new GroupKey(c, v);
    }

    /** The merged tables, ordered by group key, as a stream; the merger is empty afterwards. */
    public TableStream finish(BufferAllocator allocator) {
        List<Entry> all = new ArrayList<>(entries.values());
        entries.clear();
        all.sort((a, b) -> a.key.compareTo(b.key));
        List<FluxTable> out = new ArrayList<>(all.size());
        try {
            for (int i = 0; i < all.size(); i++) {
                Entry e = all.get(i);
                out.add(build(e, allocator));
                release(e);
                all.set(i, null);
            }
        } catch (RuntimeException ex) {
            for (FluxTable t : out) {
                t.close();
            }
            for (Entry e : all) {
                if (e != null) {
                    release(e);
                }
            }
            throw ex;
        }
        return TableStream.of(out);
    }

    private static FluxTable build(Entry e, BufferAllocator allocator) {
        if (e.pieces.size() == 1 && e.pieces.get(0).rows == null
                && e.pieces.get(0).table.columnCount() == e.columns.size()) {
            return e.pieces.get(0).table.withKey(e.key);
        }
        List<ColumnMeta> metas = new ArrayList<>(e.columns.size());
        List<FieldVector> vectors = new ArrayList<>(e.columns.size());
        try {
            for (Map.Entry<String, ColumnType> c : e.columns.entrySet()) {
                metas.add(new ColumnMeta(c.getKey(), c.getValue()));
                FieldVector v = Vectors.newVector(c.getValue(), c.getKey(), allocator);
                vectors.add(v);
                Vectors.allocate(v, e.rows);
                int at = 0;
                for (Piece p : e.pieces) {
                    int col = p.table.columnIndex(c.getKey());
                    if (col >= 0) {
                        Vectors.copyRows(p.table, col, p.rows, 0, p.count, v, at);
                    } else {
                        Vectors.skip(v, at, p.count);
                    }
                    at += p.count;
                }
                v.setValueCount(e.rows);
            }
        } catch (RuntimeException ex) {
            for (FieldVector v : vectors) {
                v.close();
            }
            throw ex;
        }
        return FluxTable.ofVectors(e.key, metas, vectors, e.rows);
    }

    private static void release(Entry e) {
        for (Piece p : e.pieces) {
            p.table.close();
        }
        e.pieces.clear();
    }

    @Override
    public void close() {
        for (Entry e : entries.values()) {
            release(e);
        }
        entries.clear();
    }
}
