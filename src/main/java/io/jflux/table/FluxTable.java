package io.jflux.table;

import io.jflux.eval.BoolValue;
import io.jflux.eval.DurationValue;
import io.jflux.eval.FloatValue;
import io.jflux.eval.IntValue;
import io.jflux.eval.NullValue;
import io.jflux.eval.StringValue;
import io.jflux.eval.TimeValue;
import io.jflux.eval.UIntValue;
import io.jflux.eval.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarCharVector;

/**
 * One table of a stream: a group key, columns, and rows held in Arrow vectors. Immutable once built. A table may
 * be a view of some rows and columns of a batch shared with other tables, so slicing, projecting and renaming
 * cost no copy. The holder of a table owns one reference to its memory and must {@link #close} it; {@link
 * #retain} gives another owner its own reference.
 *
 * <p>Column types map to vectors as follows: bool: {@link BitVector}; int, time (nanoseconds since the epoch) and
 * duration (nanoseconds): {@link BigIntVector}; uint: {@link UInt8Vector}; float: {@link Float8Vector}; string:
 * {@link VarCharVector} (UTF-8).
 */
public final class FluxTable implements AutoCloseable {

    private final GroupKey key;
    private final List<ColumnMeta> columns;
    private final Batch batch;
    private final int[] vectorIndex;
    private final int offset;
    private final int length;
    private boolean closed;

    FluxTable(GroupKey key, List<ColumnMeta> columns, Batch batch, int[] vectorIndex, int offset, int length) {
        this.key = key;
        this.columns = List.copyOf(columns);
        this.batch = batch;
        this.vectorIndex = vectorIndex;
        this.offset = offset;
        this.length = length;
    }

    /** Rows {@code [offset, offset + length)} of the columns of {@code of} under {@code key}, one more reference. */
    private FluxTable(GroupKey key, FluxTable of, int offset, int length) {
        this(key, of, offset, length, of.batch.retain());
    }

    /**
     * A table over Arrow vectors built by the caller, who hands them over: the table owns them from now on
     * (closing it releases them). Every vector must hold {@code rowCount} values and have the Arrow type that
     * {@code columns} gives it (see the class comment).
     */
    public static FluxTable ofVectors(GroupKey key, List<ColumnMeta> columns, List<FieldVector> vectors,
                                      int rowCount) {
        if (columns.size() != vectors.size()) {
            throw new IllegalArgumentException(columns.size() + " columns but " + vectors.size() + " vectors");
        }
        int[] idx = new int[vectors.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
            if (vectors.get(i).getValueCount() != rowCount) {
                throw new IllegalArgumentException("vector " + i + " holds " + vectors.get(i).getValueCount()
                        + " values, not " + rowCount);
            }
        }
        return new FluxTable(key, columns, new Batch(vectors), idx, 0, rowCount);
    }

    public GroupKey key() {
        return key;
    }

    public List<ColumnMeta> columns() {
        return columns;
    }

    public int columnCount() {
        return columns.size();
    }

    public ColumnMeta column(int i) {
        return columns.get(i);
    }

    /** The index of the column labelled {@code label}, or -1. */
    public int columnIndex(String label) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).label().equals(label)) {
                return i;
            }
        }
        return -1;
    }

    public int rowCount() {
        return length;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    /** The Arrow vector behind column {@code col}; row {@code r} of this table is index {@code offset() + r}. */
    public FieldVector vector(int col) {
        return batch.vector(vectorIndex[col]);
    }

    /** Where this table's rows start in its vectors. */
    public int offset() {
        return offset;
    }

    public boolean isNull(int col, int row) {
        return vector(col).isNull(offset + row);
    }

    /** An int, time or duration cell (nanoseconds for the last two), or a uint's bits. */
    public long getLong(int col, int row) {
        FieldVector v = vector(col);
        if (v instanceof BigIntVector b) {
            return b.get(offset + row);
        }
        return ((UInt8Vector) v).get(offset + row);
    }

    public double getDouble(int col, int row) {
        return ((Float8Vector) vector(col)).get(offset + row);
    }

    public boolean getBool(int col, int row) {
        return ((BitVector) vector(col)).get(offset + row) != 0;
    }

    public String getString(int col, int row) {
        return new String(((VarCharVector) vector(col)).get(offset + row), StandardCharsets.UTF_8);
    }

    /** The length in bytes of a string cell's UTF-8 form (0 for null). */
    public int stringByteLength(int col, int row) {
        return ((VarCharVector) vector(col)).getValueLength(offset + row);
    }

    /**
     * Copies a string cell's UTF-8 bytes into {@code dst} from {@code at}, which must have room for {@link
     * #stringByteLength} bytes; returns that length. No String is made.
     */
    public int copyStringBytes(int col, int row, byte[] dst, int at) {
        VarCharVector v = (VarCharVector) vector(col);
        int i = offset + row;
        int n = v.getValueLength(i);
        v.getDataBuffer().getBytes(v.getStartOffset(i), dst, at, n);
        return n;
    }

    /** The cell as a Flux value ({@link NullValue#NULL} when null). */
    public Value value(int col, int row) {
        if (isNull(col, row)) {
            return NullValue.NULL;
        }
        switch (columns.get(col).type()) {
            case BOOL: return BoolValue.of(getBool(col, row));
            case INT: return IntValue.of(getLong(col, row));
            case UINT: return new UIntValue(getLong(col, row));
            case FLOAT: return new FloatValue(getDouble(col, row));
            case STRING: return new StringValue(getString(col, row));
            case TIME: return new TimeValue(getLong(col, row));
            default: return DurationValue.ofNanos(getLong(col, row));
        }
    }

    /** Another reference to the same rows; the caller must close it too. */
    public FluxTable retain() {
        checkOpen();
        return new FluxTable(key, this, offset, length);
    }

    /** Rows {@code [from, from + count)} of this table as a table of its own (no copy). */
    public FluxTable slice(int from, int count) {
        checkOpen();
        if (from < 0 || count < 0 || from + count > length) {
            throw new IndexOutOfBoundsException("slice " + from + "+" + count + " of " + length + " rows");
        }
        return new FluxTable(key, this, offset + from, count);
    }

    /**
     * A view with other columns of this table (no copy): {@code select[i]} is the index in this table of the
     * new table's column {@code i}, labelled and typed by {@code metas.get(i)} (same type; a new label renames).
     */
    public FluxTable project(GroupKey newKey, List<ColumnMeta> metas, int[] select) {
        checkOpen();
        int[] idx = new int[select.length];
        for (int i = 0; i < select.length; i++) {
            if (metas.get(i).type() != columns.get(select[i]).type()) {
                throw new IllegalArgumentException("projection cannot change the type of " + metas.get(i).label());
            }
            idx[i] = vectorIndex[select[i]];
        }
        return new FluxTable(newKey, metas, batch.retain(), idx, offset, length);
    }

    /** Rows {@code [from, from + count)} under group key {@code newKey}, as a table of their own (no copy). */
    FluxTable view(GroupKey newKey, int from, int count) {
        checkOpen();
        return new FluxTable(newKey, this, offset + from, count);
    }

    /**
     * {@code out.length} views at once, view {@code i} being rows {@code [bounds[2i], bounds[2i] + bounds[2i+1])}
     * under {@code keys.get(i)}: like {@link #view} each, with one change of the reference count for them all.
     */
    void views(List<GroupKey> keys, int[] bounds, FluxTable[] out) {
        checkOpen();
        if (out.length == 0) {
            return;
        }
        batch.retain(out.length);
        for (int i = 0; i < out.length; i++) {
            out[i] = new FluxTable(keys.get(i), this, offset + bounds[2 * i], bounds[2 * i + 1], batch);
        }
    }

    /** Where each of this table's columns is among its batch's vectors (never changed: views share it). */
    int[] vectorIndexes() {
        return vectorIndex;
    }

    /** The shared vectors this table looks at. */
    Batch batch() {
        checkOpen();
        return batch;
    }

    /**
     * A one-row table under {@code newKey} with columns {@code metas}: this table's first row of its columns
     * {@code cols}, then row {@link #offset} of vector {@code extraVector} of {@code extended} (a batch made of
     * this table's batch and more vectors); takes a reference to {@code extended}. {@code last} is the caller's
     * memo of the vector indexes made last (indexes, this table's indexes, {@code cols}); tables of one schema
     * share theirs, as their indexes are never changed.
     */
    FluxTable firstRowWith(GroupKey newKey, List<ColumnMeta> metas, int[] cols, Batch extended, int extraVector,
            int[][] last) {
        checkOpen();
        int[] idx = last[0];
        if (idx == null || last[1] != vectorIndex || last[2] != cols || idx[cols.length] != extraVector) {
            idx = new int[cols.length + 1];
            for (int i = 0; i < cols.length; i++) {
                idx[i] = vectorIndex[cols[i]];
            }
            idx[cols.length] = extraVector;
            last[0] = idx;
            last[1] = vectorIndex;
            last[2] = cols;
        }
        return new FluxTable(newKey, metas, extended.retain(), idx, offset, 1);
    }

    /** A view of {@code of}'s columns sharing {@code batch}, for which the caller has taken the reference. */
    private FluxTable(GroupKey key, FluxTable of, int offset, int length, Batch batch) {
        this.key = key;
        this.columns = of.columns;
        this.batch = batch;
        this.vectorIndex = of.vectorIndex;
        this.offset = offset;
        this.length = length;
    }


    /**
     * When {@code next} is the rows that follow this table's in the same shared vectors, with the same columns,
     * a view of both tables' rows (under this table's key; the caller closes it too); otherwise null. Lets a
     * consumer of many small slices of one batch treat consecutive ones as one range.
     */
    public FluxTable joinedWith(FluxTable next) {
        checkOpen();
        if (next.batch != batch || next.offset != offset + length || !java.util.Arrays.equals(next.vectorIndex,
                vectorIndex) || next.columns != columns && !next.columns.equals(columns)) {
            return null;
        }
        return new FluxTable(key, this, offset, length + next.length);
    }

    /** This table's rows under another group key (no copy). */
    public FluxTable withKey(GroupKey newKey) {
        checkOpen();
        return new FluxTable(newKey, this, offset, length);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("table used after close");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            batch.release();
        }
    }

    /** Row {@code row} as labels and values, for messages and tests. */
    public List<Value> row(int row) {
        List<Value> out = new ArrayList<>(columns.size());
        for (int c = 0; c < columns.size(); c++) {
            out.add(value(c, row));
        }
        return out;
    }

    @Override
    public String toString() {
        return "table " + key + " " + columns + " (" + length + " rows)";
    }
}
