package io.jflux.stdlib.universe.rows;

import io.jflux.table.ColumnMeta;
import io.jflux.table.FluxTable;
import io.jflux.table.GroupKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/** Building output tables from input tables with as little copying as their shape allows. */
public final class TableViews {

    private TableViews() {}

    /**
     * Rows {@code rows[0..count)} (ascending) of {@code t} under {@code key}: a view of the whole table or of a
     * run of rows when they are contiguous, else a copy of those rows.
     */
    public static FluxTable take(FluxTable t, GroupKey key, int[] rows, int count, BufferAllocator allocator) {
        if (count == t.rowCount()) {
            return t.withKey(key);
        }
        if (count == 0 || rows[count - 1] - rows[0] == count - 1) {
            try (FluxTable slice = t.slice(count == 0 ? 0 : rows[0], count)) {
                return slice.withKey(key);
            }
        }
        List<FieldVector> vectors = new ArrayList<>(t.columnCount());
        try {
            for (int c = 0; c < t.columnCount(); c++) {
                vectors.add(Vectors.gather(t, c, rows, count, t.column(c).label(), allocator));
            }
        } catch (RuntimeException e) {
            for (FieldVector v : vectors) {
                v.close();
            }
            throw e;
        }
        return FluxTable.ofVectors(key, t.columns(), vectors, count);
    }

    /**
     * {@code t}'s rows with other columns: {@code sources.get(i)} is an Integer (column of {@code t}, shared
     * without a copy) or a FieldVector holding {@code t.rowCount()} values, which this takes over.
     */
    public static FluxTable splice(FluxTable t, GroupKey key, List<ColumnMeta> metas, List<Object> sources,
                                   BufferAllocator allocator) {
        boolean allShared = true;
        for (Object s : sources) {
            allShared &= s instanceof Integer;
        }
        if (allShared) {
            int[] select = new int[sources.size()];
            for (int i = 0; i < select.length; i++) {
                select[i] = (Integer) sources.get(i);
            }
            return t.project(key, metas, select);
        }
        List<FieldVector> vectors = new ArrayList<>(sources.size());
        try {
            for (int i = 0; i < sources.size(); i++) {
                Object s = sources.get(i);
                if (s instanceof Integer col) {
                    vectors.add(Vectors.share(t, col, metas.get(i).label(), allocator));
                } else {
                    vectors.add((FieldVector) s);
                    sources.set(i, null);
                }
            }
        } catch (RuntimeException e) {
            for (FieldVector v : vectors) {
                v.close();
            }
            for (Object s : sources) {
                if (s instanceof FieldVector v) {
                    v.close();
                }
            }
            throw e;
        }
        return FluxTable.ofVectors(key, metas, vectors, t.rowCount());
    }

    /** Closes the vectors among {@code sources} (when building a table failed before {@link #splice}). */
    public static void release(List<Object> sources) {
        for (Object s : sources) {
            if (s instanceof FieldVector v) {
                v.close();
            }
        }
    }
}
