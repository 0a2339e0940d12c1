package io.jflux.stdlib.universe;

import io.jflux.syntax.Span;
import io.jflux.table.ColumnMeta;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import io.jflux.table.TableBuilder;
import io.jflux.table.TableContext;
import java.util.HashSet;
import java.util.Set;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Selectors keep whole rows: {@code first}, {@code last}, {@code min}, {@code max}, the exact-selector quantile,
 * {@code unique}, and {@code distinct} (which keeps the group key and the distinct values). A selector that finds
 * no row (an empty table, or only nulls in the column) yields an empty table with the input's schema, as Flux's
 * engine does; {@code aggregateWindow} relies on that to fill empty windows.
 */
final class Selectors {

    private Selectors() {}

    /** Which row of a table a selector keeps: an index, or -1 for none. */
    @FunctionalInterface
    interface RowPicker {
        int pick(FieldVector v, ColumnType type, int from, int n);
    }

    /** Applies a single-row selector to column {@code column} of {@code t}: the result is a view, no copy. */
    static FluxTable select(FluxTable t, String column, RowPicker picker, Span span) {
        int col = TableOps.requireColumn(t, column, span);
        int row = picker.pick(t.vector(col), t.column(col).type(), t.offset(), t.rowCount());
        return row < 0 ? t.slice(0, 0) : t.slice(row - t.offset(), 1);
    }

    /** The first row whose cell is not null. */
    static final RowPicker FIRST = (v, type, from, n) -> {
        for (int i = from; i < from + n; i++) {
            if (!v.isNull(i)) {
                return i;
            }
        }
        return -1;
    };

    /** The last row whose cell is not null. */
    static final RowPicker LAST = (v, type, from, n) -> {
        for (int i = from + n - 1; i >= from; i--) {
            if (!v.isNull(i)) {
                return i;
            }
        }
        return -1;
    };

    /** Checks that min or max can compare the column: int, uint, float or time. */
    static void checkOrdered(FluxTable t, String column, String function, Span span) {
        int col = TableOps.requireColumn(t, column, span);
        ColumnType type = t.column(col).type();
        if (!TableOps.numeric(type) && type != ColumnType.TIME) {
            throw TableOps.error("invalid use of function: " + function + " has no implementation for type "
                    + type.fluxName(), span);
        }
    }

    /** The first row holding the smallest (or, for {@code max}, the largest) non-null value. */
    static RowPicker extreme(boolean max) {
        return (v, type, from, n) -> {
            int best = -1;
            int end = from + n;
            if (type == ColumnType.FLOAT) {
                double b = 0;
                for (int i = from; i < end; i++) {
                    if (!v.isNull(i)) {
                        double x = TableOps.doubleAt(v, i);
                        if (best < 0 || (max ? x > b : x < b)) {
                            best = i;
                            b = x;
                        }
                    }
                }
                return best;
            }
            boolean unsigned = type == ColumnType.UINT;
            long b = 0;
            for (int i = from; i < end; i++) {
                if (!v.isNull(i)) {
                    long x = TableOps.longAt(v, i);
                    int c = unsigned ? Long.compareUnsigned(x, b) : Long.compare(x, b);
                    if (best < 0 || (max ? c > 0 : c < 0)) {
                        best = i;
                        b = x;
                    }
                }
            }
            return best;
        };
    }

    /**
     * {@code quantile(method: "exact_selector")}: the row at index {@code ceil(q * n) - 1} (at least 0) of the
     * non-null rows stably sorted by the column. A table without such rows gives one row holding its key values
     * and nulls, as Flux does.
     */
    static FluxTable exactSelector(TableContext ctx, FluxTable t, String column, double q, Span span) {
        int col = TableOps.requireColumn(t, column, span);
        FieldVector v = t.vector(col);
        int off = t.offset();
        int[] rows = new int[t.rowCount()];
        int m = 0;
        for (int r = 0; r < t.rowCount(); r++) {
            if (!v.isNull(off + r)) {
                rows[m++] = r;
            }
        }
        if (m == 0) {
            try (TableBuilder b = new TableBuilder(ctx.allocator(), t.key())) {
                for (ColumnMeta c : t.columns()) {
                    int bc = b.addColumn(c);
                    if (t.key().has(c.label())) {
                        b.appendValue(bc, t.key().value(c.label()));
                    } else {
                        b.appendNull(bc);
                    }
                }
                return b.build();
            }
        }
        RowOrder.sort(rows, m, RowOrder.by(t, new int[] {col}, false));
        int index = (int) Math.ceil(q * m);
        if (index > 0) {
            index--;
        }
        return t.slice(rows[index], 1);
    }

    /** The rows holding the first occurrence of each value of the column (null counts as one value). */
    static FluxTable unique(TableContext ctx, FluxTable t, String column, Span span) {
        int col = TableOps.requireColumn(t, column, span);
        int n = t.rowCount();
        int[] rows = new int[n];
        int m = firstOccurrences(t, col, rows);
        if (m == n) {
            return t.retain();
        }
        return TableOps.gatherTable(ctx.allocator(), t, t.key(), rows, m);
    }

    /**
     * The group key columns and a {@code _value} column holding each distinct value of the column, in order of
     * first appearance (null once, if present). For a group key column, its one value; for a missing column, one
     * empty string, as Flux does.
     */
    static FluxTable distinct(TableContext ctx, FluxTable t, String column) {
        int col = t.columnIndex(column);
        try (TableBuilder b = new TableBuilder(ctx.allocator(), t.key())) {
            if (col < 0) {
                TableOps.addKeyColumns(b, t.key(), 1);
                int vc = b.addColumn(new ColumnMeta("_value", ColumnType.STRING));
                b.appendString(vc, "");
                return b.build();
            }
            ColumnMeta meta = t.column(col);
            if (t.key().has(column)) {
                TableOps.addKeyColumns(b, t.key(), 1);
                int vc = b.addColumn(new ColumnMeta("_value", meta.type()));
                b.appendValue(vc, t.key().value(column));
                return b.build();
            }
            int[] rows = new int[t.rowCount()];
            int m = firstOccurrences(t, col, rows);
            TableOps.addKeyColumns(b, t.key(), m);
            int vc = b.addColumn(new ColumnMeta("_value", meta.type()));
            TableOps.gather(b, vc, t, col, rows, m);
            return b.build();
        }
    }

    /** Fills {@code rows} with the rows where each value of column {@code col} first appears; returns how many. */
    private static int firstOccurrences(FluxTable t, int col, int[] rows) {
        FieldVector v = t.vector(col);
        int off = t.offset();
        int n = t.rowCount();
        int m = 0;
        boolean seenNull = false;
        ColumnType type = t.column(col).type();
        if (type == ColumnType.STRING) {
            VarCharVector s = (VarCharVector) v;
            Set<String> seen = new HashSet<>();
            for (int r = 0; r < n; r++) {
                if (s.isNull(off + r)) {
                    if (!seenNull) {
                        seenNull = true;
                        rows[m++] = r;
                    }
                } else if (seen.add(t.getString(col, r))) {
                    rows[m++] = r;
                }
            }
            return m;
        }
        LongSet seen = new LongSet();
        boolean seenTrue = false;
        boolean seenFalse = false;
        for (int r = 0; r < n; r++) {
            int i = off + r;
            if (v.isNull(i)) {
                if (!seenNull) {
                    seenNull = true;
                    rows[m++] = r;
                }
                continue;
            }
            boolean fresh;
            switch (type) {
                case BOOL:
                    if (TableOps.boolAt(v, i)) {
                        fresh = !seenTrue;
                        seenTrue = true;
                    } else {
                        fresh = !seenFalse;
                        seenFalse = true;
                    }
                    break;
                case FLOAT:
                    double d = TableOps.doubleAt(v, i);
                    // Go's maps never find NaN and find 0 for -0.
                    fresh = Double.isNaN(d) || seen.add(Double.doubleToLongBits(d == 0 ? 0.0 : d));
                    break;
                default:
                    fresh = seen.add(TableOps.longAt(v, i));
                    break;
            }
            if (fresh) {
                rows[m++] = r;
            }
        }
        return m;
    }

    /** A set of longs by open addressing, so checking a row allocates nothing. */
    static final class LongSet {
        private long[] keys = new long[16];
        private boolean[] used = new boolean[16];
        private int size;

        /** Adds {@code x}; true when it was not there. */
        boolean add(long x) {
            if (size * 2 >= keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int i = mix(x) & mask;
            while (used[i]) {
                if (keys[i] == x) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            used[i] = true;
            keys[i] = x;
            size++;
            return true;
        }

        private void grow() {
            long[] oldKeys = keys;
            boolean[] oldUsed = used;
            keys = new long[oldKeys.length * 2];
            used = new boolean[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldUsed[i]) {
                    add(oldKeys[i]);
                }
            }
        }

        private static int mix(long x) {
            long h = x * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }
}
