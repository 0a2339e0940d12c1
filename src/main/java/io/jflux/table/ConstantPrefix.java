package io.jflux.table;

import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Views of tables with constant columns in front of their own (as {@code range} puts {@code _start} and
 * {@code _stop} in front), made without copying a cell: the batch a table looks at is extended once with
 * vectors holding the constants for all of its rows, and every table of that batch becomes a view of the
 * extended batch. A stream of a million one-row slices of a few batches so costs a few vectors, not two million.
 * The last few batches' extensions are kept; {@link #close} gives them back (the views hold their own
 * references).
 */
public final class ConstantPrefix implements AutoCloseable {

    /** Makes the vector of constant {@code i} for {@code rows} rows. */
    public interface Maker {
        FieldVector make(int i, int rows);
    }

    private static final int KEPT = 8;

    private final int count;
    private final Maker maker;
    private final Batch[] sources = new Batch[KEPT];
    private final Batch[] extended = new Batch[KEPT];
    private int kept;
    /** The vector indexes made last, with the indexes and the extension size they were made for. */
    private int[] lastIndex;
    private int[] lastFrom;
    private int lastBase = -1;

    /** {@code count} constants, their vectors made by {@code maker}. */
    public ConstantPrefix(int count, Maker maker) {
        this.count = count;
        this.maker = maker;
    }

    /**
     * A view of {@code t}'s rows under {@code key} with columns {@code columns}: the constants' columns, then
     * {@code t}'s own in order (the caller's list, shared by the tables of one schema).
     */
    public FluxTable prepend(FluxTable t, GroupKey key, List<ColumnMeta> columns) {
        if (columns.size() != count + t.columnCount()) {
            throw new IllegalArgumentException("columns: " + columns.size() + ", expected " + (count
                    + t.columnCount()));
        }
        Batch source = t.batch();
        Batch ext = extension(source);
        int base = source.size();
        int[] from = t.vectorIndexes();
        int[] idx = lastIndex;
        if (idx == null || from != lastFrom || base != lastBase) {
            idx = new int[count + from.length];
            for (int i = 0; i < count; i++) {
                idx[i] = base + i;
            }
            System.arraycopy(from, 0, idx, count, from.length);
            lastIndex = idx;
            lastFrom = from;
            lastBase = base;
        }
        return new FluxTable(key, columns, ext.retain(), idx, t.offset(), t.rowCount());
    }

    private Batch extension(Batch source) {
        for (int i = 0; i < kept; i++) {
            if (sources[i] == source) {
                Batch e = extended[i];
                if (i > 0) {
                    System.arraycopy(sources, 0, sources, 1, i);
                    System.arraycopy(extended, 0, extended, 1, i);
                    sources[0] = source;
                    extended[0] = e;
                }
                return e;
            }
        }
        // the extensions whose batches only they still hold have no table left to come
        for (int i = kept - 1; i >= 0; i--) {
            if (sources[i].references() == 1) {
                drop(i);
            }
        }
        int rows = source.size() == 0 ? 0 : source.vector(0).getValueCount();
        FieldVector[] vectors = new FieldVector[count];
        Batch e;
        try {
            for (int i = 0; i < count; i++) {
                vectors[i] = maker.make(i, rows);
            }
            e = new Batch(source, vectors);
        } catch (RuntimeException ex) {
            for (FieldVector v : vectors) {
                if (v != null) {
                    v.close();
                }
            }
            throw ex;
        }
        if (kept == KEPT) {
            drop(KEPT - 1);
        }
        System.arraycopy(sources, 0, sources, 1, kept);
        System.arraycopy(extended, 0, extended, 1, kept);
        sources[0] = source;
        extended[0] = e;
        kept++;
        return e;
    }

    private void drop(int i) {
        extended[i].release();
        System.arraycopy(sources, i + 1, sources, i, kept - i - 1);
        System.arraycopy(extended, i + 1, extended, i, kept - i - 1);
        kept--;
        sources[kept] = null;
        extended[kept] = null;
    }

    @Override
    public void close() {
        while (kept > 0) {
            drop(kept - 1);
        }
    }
}
