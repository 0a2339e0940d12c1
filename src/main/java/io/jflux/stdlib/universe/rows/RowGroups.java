package io.jflux.stdlib.universe.rows;

import io.jflux.eval.Value;
import io.jflux.table.ColumnMeta;
import io.jflux.table.FluxTable;
import io.jflux.table.GroupKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of one table split by the values of some of its columns, without a value object per row: rows are
 * hashed and compared in the Arrow vectors. Groups come in the order of their first row.
 */
public final class RowGroups {

    private final int[] first;
    private final int[][] rows;

    private RowGroups(int[] first, int[][] rows) {
        this.first = first;
        this.rows = rows;
    }

    /** Groups the rows of {@code t} by the columns {@code cols} (indexes in {@code t}). */
    public static RowGroups of(FluxTable t, int[] cols) {
        int n = t.rowCount();
        int[] groupOf = new int[n];
        int cap = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1;
        int[] slots = new int[cap];
        Arrays.fill(slots, -1);
        int[] reps = new int[16];
        int[] hashes = new int[16];
        int groups = 0;
        int mask = cap - 1;
        Vectors.Cells[] cells = new Vectors.Cells[cols.length];
        for (int i = 0; i < cols.length; i++) {
            cells[i] = new Vectors.Cells(t, cols[i]);
        }
        for (int row = 0; row < n; row++) {
            int h = 17;
            for (Vectors.Cells c : cells) {
                h = h * 31 + c.hash(row);
            }
            int idx = (h ^ (h >>> 16)) & mask;
            int g;
            while (true) {
                g = slots[idx];
                if (g < 0) {
                    g = groups++;
                    if (g == reps.length) {
                        reps = Arrays.copyOf(reps, g * 2);
                        hashes = Arrays.copyOf(hashes, g * 2);
                    }
                    reps[g] = row;
                    hashes[g] = h;
                    slots[idx] = g;
                    break;
                }
                if (hashes[g] == h && same(cells, reps[g], row)) {
                    break;
                }
                idx = (idx + 1) & mask;
            }
            groupOf[row] = g;
        }
        int[] counts = new int[groups];
        for (int row = 0; row < n; row++) {
            counts[groupOf[row]]++;
        }
        int[][] rows = new int[groups][];
        for (int g = 0; g < groups; g++) {
            rows[g] = new int[counts[g]];
            counts[g] = 0;
        }
        for (int row = 0; row < n; row++) {
            int g = groupOf[row];
            rows[g][counts[g]++] = row;
        }
        return new RowGroups(Arrays.copyOf(reps, groups), rows);
    }

    private static boolean same(Vectors.Cells[] cells, int a, int b) {
        for (Vectors.Cells c : cells) {
            if (!c.same(a, b)) {
                return false;
            }
        }
        return true;
    }

    public int size() {
        return rows.length;
    }

    /** The rows of group {@code g}, in table order. */
    public int[] rows(int g) {
        return rows[g];
    }

    /** The first row of group {@code g}. */
    public int firstRow(int g) {
        return first[g];
    }

    /** Whether every row of {@code t} has the same value in column {@code col}. */
    public static boolean isConstant(FluxTable t, int col) {
        Vectors.Cells cells = new Vectors.Cells(t, col);
        for (int r = 1; r < t.rowCount(); r++) {
            if (!cells.same(0, r)) {
                return false;
            }
        }
        return true;
    }

    /** A group key of the given columns of {@code t} ({@code cols[i]} labelled as {@code metas.get(i)}), read in {@code row}. */
    public static GroupKey keyOf(FluxTable t, List<ColumnMeta> metas, int[] cols, int row) {
        List<Value> values = new ArrayList<>(cols.length);
        for (int c : cols) {
            values.add(t.value(c, row));
        }
        return new GroupKey(metas, values);
    }
}
