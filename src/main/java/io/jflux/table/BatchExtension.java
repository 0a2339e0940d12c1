package io.jflux.table;

import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Views of tables with more columns than their own, made without copying a cell: the batch a table looks at is
 * extended once with {@code count} vectors as long as the batch (made by a {@link Maker}: constants, as
 * {@code range} puts {@code _start} and {@code _stop} in front; or empty, for a caller to fill the rows of each
 * table it is given, as {@code map} does), and every table of that batch becomes a view of the extended batch.
 * A stream of a million one-row slices of a few batches so costs a few vectors, not millions. The last few
 * batches' extensions are kept; {@link #close} gives them back (the views hold their own references).
 */
public final class BatchExtension implements AutoCloseable {

    /** Makes extension vector {@code i} for a batch of {@code rows} rows. */
    public interface Maker {
        FieldVector make(int i, int rows);
    }

    private static final int KEPT = 8;

    private final int count;
    private final Maker maker;
    private final Batch[] sources = new Batch[KEPT];
    private final Batch[] extended = new Batch[KEPT];
    private int kept;
    /** The vector indexes made last, with what they were made from. */
    private int[] lastIndex;
    private int[] lastOwn;
    private int[] lastFrom;
    private int lastBase = -1;

    /** {@code count} vectors per batch, made by {@code maker}. */
    public BatchExtension(int count, Maker maker) {
        this.count = count;
        this.maker = maker;
    }

    /**
     * A view of {@code t}'s rows under {@code key} with columns {@code columns}: the extension's columns, then
     * {@code t}'s own in order (the caller's list, shared by the tables of one schema).
     */
    public FluxTable prepend(FluxTable t, GroupKey key, List<ColumnMeta> columns) {
        if (columns.size() != count + t.columnCount()) {
            throw new IllegalArgumentException("columns: " + columns.size() + ", expected " + (count
                    + t.columnCount()));
        }
        int[] from = prependOrder.length == columns.size() ? prependOrder : null;
        if (from == null) {
            from = new int[columns.size()];
            for (int i = 0; i < count; i++) {
                from[i] = -1 - i;
            }
            for (int c = 0; c < t.columnCount(); c++) {
                from[count + c] = c;
            }
            prependOrder = from;
        }
        return view(t, key, columns, from);
    }

    private int[] prependOrder = new int[0];

    /**
     * A view of {@code t}'s rows under {@code key} with columns {@code columns}: column {@code i} is {@code t}'s
     * column {@code from[i]}, or extension vector {@code -1 - from[i]} when that is negative. {@code columns} and
     * {@code from} are the caller's, the same objects for the tables of one schema.
     */
    public FluxTable view(FluxTable t, GroupKey key, List<ColumnMeta> columns, int[] from) {
        Batch source = t.batch();
        Batch ext = extension(source);
        int base = source.size();
        int[] own = t.vectorIndexes();
        int[] idx = lastIndex;
        if (idx == null || own != lastOwn || from != lastFrom || base != lastBase) {
            idx = new int[from.length];
            for (int i = 0; i < from.length; i++) {
                idx[i] = from[i] >= 0 ? own[from[i]] : base - 1 - from[i];
            }
            lastIndex = idx;
            lastOwn = own;
            lastFrom = from;
            lastBase = base;
        }
        return new FluxTable(key, columns, ext.retain(), idx, t.offset(), t.rowCount());
    }

    /**
     * Extension vector {@code i} of {@code t}'s batch, made now if it was not: {@code t}'s rows in it are rows
     * {@code t.offset()} on.
     */
    public FieldVector vector(FluxTable t, int i) {
        Batch source = t.batch();
        return extension(source).vector(source.size() + i);
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
