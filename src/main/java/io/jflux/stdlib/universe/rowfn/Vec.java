package io.jflux.stdlib.universe.rowfn;

import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;

/**
 * One node of a row function compiled for a table schema: it computes its expression for a chunk of up to
 * {@link #CHUNK} rows at once into its own arrays, reused from chunk to chunk. Values of every type but bool,
 * float and string live in {@link #longs} (times and durations as nanoseconds, uints as their bits).
 */
abstract class Vec {

    static final int CHUNK = 1024;

    /** The rows being computed: {@code n} rows of {@code table} from row {@code from}. */
    static final class Frame {
        FluxTable table;
        int from;
        int n;
    }

    /** The type of every value of this node; null when every value is null (a column the table lacks). */
    final ColumnType type;
    final boolean[] nulls = new boolean[CHUNK];
    long[] longs;
    double[] doubles;
    boolean[] bools;
    String[] strings;

    Vec(ColumnType type) {
        this.type = type;
        if (type == null) {
            java.util.Arrays.fill(nulls, true);
            return;
        }
        switch (type) {
            case BOOL: bools = new boolean[CHUNK]; break;
            case FLOAT: doubles = new double[CHUNK]; break;
            case STRING: strings = new String[CHUNK]; break;
            default: longs = new long[CHUNK]; break;
        }
    }

    /**
     * Computes the chunk. Rows whose {@code active} entry is false (when {@code active} is not null) are rows
     * the expression does not reach (the other side of a short-circuit or conditional): their values do not
     * matter, and they must not raise errors.
     */
    abstract void eval(Frame f, boolean[] active);

    /** Whether computing this node can fail for some rows (division by zero, overflow, null interpolation). */
    boolean mayFail() {
        return false;
    }

    /** Adds to {@code sel} (from {@code count}) the table rows of the chunk where this bool node is true. */
    int select(Frame f, int[] sel, int count) {
        eval(f, null);
        if (type == null) {
            return count;
        }
        for (int i = 0; i < f.n; i++) {
            if (bools[i] && !nulls[i]) {
                sel[count++] = f.from + i;
            }
        }
        return count;
    }
}
