package io.jflux.table;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.eval.BoolValue;
import io.jflux.eval.DurationValue;
import io.jflux.eval.Durations;
import io.jflux.eval.FloatValue;
import io.jflux.eval.IntValue;
import io.jflux.eval.StringValue;
import io.jflux.eval.TimeValue;
import io.jflux.eval.UIntValue;
import io.jflux.eval.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Builds one table column by column. Columns may be added at any time; a column added late, or one that got
 * fewer values than others, is padded with nulls when the table is built. The builder owns its vectors until
 * {@link #build}; closing an unbuilt builder releases them.
 */
public final class TableBuilder implements AutoCloseable {

    private final BufferAllocator allocator;
    private GroupKey key;
    private final List<ColumnMeta> columns = new ArrayList<>();
    private final List<FieldVector> vectors = new ArrayList<>();
    /** How many values each column has; {@link #rows} is the largest. */
    private int[] counts = new int[8];
    private int rows;
    private boolean built;

    private final int firstCapacity;
    /** Room per value for each string column by position (from a previous batch of the same schema), or null. */
    private final int[] columnBytes;
    /** Room per string value when {@link #columnBytes} has none. */
    private static final int STRING_BYTES = 16;

    public TableBuilder(BufferAllocator allocator, GroupKey key) {
        this(allocator, key, FIRST_CAPACITY, null);
    }

    /**
     * A builder whose vectors first have room for {@code firstCapacity} values, and string column {@code i} for
     * {@code columnBytes[i]} bytes a value when given (they still grow as needed).
     */
    TableBuilder(BufferAllocator allocator, GroupKey key, int firstCapacity, int[] columnBytes) {
        this.allocator = allocator;
        this.key = key;
        this.firstCapacity = Math.max(1, firstCapacity);
        this.columnBytes = columnBytes;
    }

    public GroupKey key() {
        return key;
    }

    public void setKey(GroupKey key) {
        this.key = key;
    }

    public List<ColumnMeta> columns() {
        return columns;
    }

    /** The index of column {@code label}, or -1. */
    public int columnIndex(String label) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).label().equals(label)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The index of column {@code meta}, adding it when new.
     *
     * @throws FluxException when a column of that label exists with another type
     */
    public int addColumn(ColumnMeta meta) {
        int i = columnIndex(meta.label());
        if (i >= 0) {
            if (columns.get(i).type() != meta.type()) {
                throw new FluxException(ErrorCode.INVALID, "column " + meta.label() + " has type "
                        + columns.get(i).type().fluxName() + ", cannot add values of type " + meta.type().fluxName());
            }
            return i;
        }
        columns.add(meta);
        vectors.add(newVector(meta));
        if (columns.size() > counts.length) {
            counts = java.util.Arrays.copyOf(counts, counts.length * 2);
            cursors = java.util.Arrays.copyOf(cursors, counts.length);
            fixed = java.util.Arrays.copyOf(fixed, counts.length);
        }
        return columns.size() - 1;
    }

    /**
     * Vectors start small and double as they grow: Arrow's default first allocation (about 4,000 values) would
     * make each of a million one-row tables cost tens of kilobytes.
     */
    private static final int FIRST_CAPACITY = 8;

    private FieldVector newVector(ColumnMeta meta) {
        String name = meta.label();
        FieldVector v;
        switch (meta.type()) {
            case BOOL: v = new BitVector(name, allocator); break;
            case UINT: v = new UInt8Vector(name, allocator); break;
            case FLOAT: v = new Float8Vector(name, allocator); break;
            case STRING:
                VarCharVector s = new VarCharVector(name, allocator);
                int at = columns.size() - 1;
                s.setInitialCapacity(firstCapacity, columnBytes != null && at < columnBytes.length
                        && columnBytes[at] > 0 ? columnBytes[at] : STRING_BYTES);
                // now: Arrow's first setSafe would size the data buffer to the first value alone (the initial
                // capacity only applies to allocateNew), and the column would then double its way up
                s.allocateNew();
                return s;
            default: v = new BigIntVector(name, allocator); break;
        }
        v.setInitialCapacity(firstCapacity);
        return v;
    }

    /** How many values column {@code col} has so far. */
    public int size(int col) {
        return constant(col) != null ? rows : counts[col];
    }

    /**
     * String values of columns that hold one value in every row ({@link #setConstantUtf8}), by column; null until
     * one is set.
     */
    private byte[][] constants;

    /**
     * Makes string column {@code col}, which has no values yet, hold the UTF-8 text {@code value} in every row the
     * table gets: the values are written all at once when the table is built (cheaper than appending one per row
     * when there are many rows). Setting the same value again changes nothing; nothing may be appended to the
     * column afterwards.
     */
    public void setConstantUtf8(int col, byte[] value) {
        byte[] set = constant(col);
        if (set == value) {
            return;
        }
        if (counts[col] != 0 || !(vectors.get(col) instanceof VarCharVector) || set != null) {
            throw new IllegalStateException("column " + columns.get(col).label() + " cannot be made constant");
        }
        if (constants == null || col >= constants.length) {
            constants = java.util.Arrays.copyOf(constants == null ? new byte[0][] : constants,
                    Math.max(col + 1, columns.size()));
        }
        constants[col] = value;
    }

    /** The value of column {@code col} when it is {@linkplain #setConstantUtf8 constant}, else null. */
    private byte[] constant(int col) {
        return constants != null && col < constants.length ? constants[col] : null;
    }

    /** Writes constant column {@code col}'s value into each of its first {@code rows} rows. */
    private void fillConstant(int col, int rows) {
        if (counts[col] != 0) {
            throw new IllegalStateException("values were appended to constant column " + columns.get(col).label());
        }
        byte[] value = constants[col];
        VarCharVector v = (VarCharVector) vectors.get(col);
        long bytes = (long) rows * value.length;
        if (bytes > Integer.MAX_VALUE) {
            throw new FluxException(ErrorCode.RESOURCE_EXHAUSTED, "column " + columns.get(col).label()
                    + " would take more than 2 GB");
        }
        while (v.getValueCapacity() < rows) {
            v.reAlloc();
        }
        while (v.getDataBuffer().capacity() < bytes) {
            v.reallocDataBuffer();
        }
        long data = v.getDataBuffer().memoryAddress();
        long offsets = v.getOffsetBuffer().memoryAddress();
        int n = value.length;
        if (rows > 0 && n > 0) {
            // the value once, then the bytes written so far copied after themselves, doubling
            MemoryUtil.copyToMemory(value, 0, data, n);
            for (long done = n; done < bytes; done *= 2) {
                MemoryUtil.copyMemory(data, data + done, Math.min(done, bytes - done));
            }
        }
        MemoryUtil.putInt(offsets, 0);
        for (int i = 1; i <= rows; i++) {
            MemoryUtil.putInt(offsets + (long) i * VarCharVector.OFFSET_WIDTH, i * n);
        }
        setValidRange(v.getValidityBuffer().memoryAddress(), 0, rows);
        v.setLastSet(rows - 1);
        counts[col] = rows;
    }

    /** Sets bits {@code [from, to)} of the validity buffer at address {@code validity}. */
    private static void setValidRange(long validity, int from, int to) {
        for (; from < to && (from & 7) != 0; from++) {
            setValid(validity, from);
        }
        int whole = to & ~7;
        if (whole > from) {
            MemoryUtil.setMemory(validity + (from >>> 3), (whole - from) >>> 3, (byte) 0xFF);
            from = whole;
        }
        for (; from < to; from++) {
            setValid(validity, from);
        }
    }

    /** The number of rows the table will have: the longest column. */
    public int rowCount() {
        return rows;
    }

    private int next(int col) {
        int i = counts[col]++;
        if (i >= rows) {
            rows = i + 1;
        }
        return i;
    }

    public void appendNull(int col) {
        sync(col);
        int i = next(col);
        FieldVector v = vectors.get(col);
        if (v instanceof VarCharVector s) {
            s.fillEmpties(i);
        }
        v.setNull(i);
    }

    public void appendLong(int col, long value) {
        FixedCursor c = fixed[col];
        int i = counts[col];
        if (c != null && i < c.capacity) {
            MemoryUtil.putLong(c.data + ((long) i << 3), value);
            next(col);
            return;
        }
        sync(col);
        i = next(col);
        FieldVector v = vectors.get(col);
        if (v instanceof BigIntVector b) {
            b.setSafe(i, value);
        } else {
            ((UInt8Vector) v).setSafe(i, value);
        }
        armFixed(col, (BaseFixedWidthVector) v);
    }

    public void appendDouble(int col, double value) {
        FixedCursor c = fixed[col];
        int i = counts[col];
        if (c != null && i < c.capacity) {
            MemoryUtil.putLong(c.data + ((long) i << 3), Double.doubleToRawLongBits(value));
            next(col);
            return;
        }
        sync(col);
        Float8Vector v = (Float8Vector) vectors.get(col);
        v.setSafe(next(col), value);
        armFixed(col, v);
    }

    /**
     * The addresses and room of an 8-byte column's buffers, for appends without Arrow's per-call checks. The
     * values appended through it are not null; their validity bits, from {@code validFrom} on, are set all at
     * once by {@link #sync}.
     */
    private static final class FixedCursor {
        long data;
        long validity;
        int capacity;
        int validFrom;
    }

    private FixedCursor[] fixed = new FixedCursor[8];

    private void armFixed(int col, BaseFixedWidthVector v) {
        FixedCursor c = new FixedCursor();
        c.data = v.getDataBuffer().memoryAddress();
        c.validity = v.getValidityBuffer().memoryAddress();
        c.capacity = v.getValueCapacity();
        c.validFrom = counts[col];
        fixed[col] = c;
    }

    public void appendBool(int col, boolean value) {
        ((BitVector) vectors.get(col)).setSafe(next(col), value ? 1 : 0);
    }

    public void appendString(int col, String value) {
        appendUtf8(col, value.getBytes(StandardCharsets.UTF_8));
    }

    public void appendUtf8(int col, byte[] utf8) {
        appendUtf8(col, utf8, 0, utf8.length);
    }

    /** Appends the UTF-8 text {@code utf8[start, start + length)} (a reader's buffer, copied). */
    public void appendUtf8(int col, byte[] utf8, int start, int length) {
        Utf8Cursor c = cursors[col];
        int i = counts[col];
        if (c != null && i < c.capacity && c.end + (long) length + 8 <= c.dataCapacity) {
            copy(utf8, start, c.data + c.end, length);
            c.appended(i, length);
            next(col);
            return;
        }
        sync(col);
        VarCharVector v = (VarCharVector) vectors.get(col);
        v.setSafe(next(col), utf8, start, length);
        arm(col, v);
    }

    /** Appends string cell {@code index} of {@code src} (null or not), copied buffer to buffer. */
    private void appendUtf8(int col, VarCharVector src, int index) {
        if (src.isNull(index)) {
            appendNull(col);
            return;
        }
        ArrowBuf srcOffsets = src.getOffsetBuffer();
        int start = srcOffsets.getInt((long) index * VarCharVector.OFFSET_WIDTH);
        int length = srcOffsets.getInt(((long) index + 1) * VarCharVector.OFFSET_WIDTH) - start;
        Utf8Cursor c = cursors[col];
        int i = counts[col];
        if (c != null && i < c.capacity && c.end + (long) length <= c.dataCapacity) {
            copy(src.getDataBuffer().memoryAddress() + start, c.data + c.end, length);
            c.appended(i, length);
            next(col);
            return;
        }
        sync(col);
        VarCharVector v = (VarCharVector) vectors.get(col);
        v.setSafe(next(col), src.get(index));
        arm(col, v);
    }

    /**
     * Where the next value of a string column goes while values are appended one after another: the addresses
     * and room of its buffers and the end of its data. Appending through it costs a copy and two stores; Arrow's
     * setSafe re-derives all of that on every call. While a column has a cursor its vector's {@code lastSet} is
     * behind: {@link #sync} brings it up to date before anything else touches the vector.
     */
    private static final class Utf8Cursor {
        long data;
        long dataCapacity;
        long offsets;
        long validity;
        /** Values the offset and validity buffers have room for. */
        int capacity;
        int end;

        /** Values from here on were appended through the cursor: not null, their validity bits not yet set. */
        int validFrom;

        void appended(int i, int length) {
            end += length;
            MemoryUtil.putInt(offsets + ((long) i + 1) * VarCharVector.OFFSET_WIDTH, end);
        }
    }

    /** Sets bit {@code i} of the validity buffer at address {@code validity}. */
    private static void setValid(long validity, int i) {
        long b = validity + (i >>> 3);
        MemoryUtil.putByte(b, (byte) (MemoryUtil.getByte(b) | (1 << (i & 7))));
    }

    private Utf8Cursor[] cursors = new Utf8Cursor[8];

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    /** Shorter runs are copied eight bytes at a time: Unsafe.copyMemory costs a call into the VM. */
    private static final int SHORT_COPY = 64;

    /**
     * Copies {@code src[from, from + n)} to address {@code to}, where the buffer has room for at least
     * {@code n + 8} bytes: a value shorter than a word may be copied as a whole word, the bytes after it being
     * room the next value writes over. Longer ones end with a word that overlaps the one before it.
     */
    private static void copy(byte[] src, int from, long to, int n) {
        if (n >= SHORT_COPY) {
            MemoryUtil.copyToMemory(src, from, to, n);
            return;
        }
        if (n >= 8) {
            int k = 0;
            for (; k + 8 < n; k += 8) {
                MemoryUtil.putLong(to + k, (long) LONGS.get(src, from + k));
            }
            MemoryUtil.putLong(to + n - 8, (long) LONGS.get(src, from + n - 8));
        } else if (from + 8 <= src.length) {
            MemoryUtil.putLong(to, (long) LONGS.get(src, from));
        } else {
            for (int k = 0; k < n; k++) {
                MemoryUtil.putByte(to + k, src[from + k]);
            }
        }
    }

    private static void copy(long from, long to, int n) {
        if (n >= SHORT_COPY) {
            MemoryUtil.copyMemory(from, to, n);
            return;
        }
        int k = 0;
        for (; k + 8 <= n; k += 8) {
            MemoryUtil.putLong(to + k, MemoryUtil.getLong(from + k));
        }
        for (; k < n; k++) {
            MemoryUtil.putByte(to + k, MemoryUtil.getByte(from + k));
        }
    }

    /** Gives string column {@code col} a cursor when its values so far are all set (the usual case). */
    private void arm(int col, VarCharVector v) {
        int i = counts[col];
        if (v.getLastSet() != i - 1) {
            return;
        }
        ArrowBuf offsets = v.getOffsetBuffer();
        Utf8Cursor c = new Utf8Cursor();
        c.data = v.getDataBuffer().memoryAddress();
        c.dataCapacity = v.getDataBuffer().capacity();
        c.offsets = offsets.memoryAddress();
        c.validity = v.getValidityBuffer().memoryAddress();
        c.capacity = (int) Math.min(offsets.capacity() / VarCharVector.OFFSET_WIDTH - 1,
                v.getValidityBuffer().capacity() * 8);
        c.end = offsets.getInt((long) i * VarCharVector.OFFSET_WIDTH);
        c.validFrom = i;
        cursors[col] = c;
    }

    /** Brings column {@code col}'s vector up to date with its cursor and drops the cursor. */
    private void sync(int col) {
        FixedCursor f = fixed[col];
        if (f != null) {
            setValidRange(f.validity, f.validFrom, counts[col]);
            fixed[col] = null;
        }
        Utf8Cursor c = cursors[col];
        if (c != null) {
            setValidRange(c.validity, c.validFrom, counts[col]);
            ((VarCharVector) vectors.get(col)).setLastSet(counts[col] - 1);
            cursors[col] = null;
        }
    }

    private void syncAll() {
        for (int c = 0; c < columns.size(); c++) {
            sync(c);
        }
    }


    /**
     * Appends to columns {@code [at, at + k)} the values of {@code t}'s group key ({@code k} columns, in key
     * order), copied from {@code t}'s own cells when it has rows, so a lazy key is never made into values.
     */
    public void appendKeyValues(int at, FluxTable t) {
        GroupKey key = t.key();
        List<ColumnMeta> cols = key.columns();
        if (cols != keyColumnsSeen || t.columns() != tableColumnsSeen || at != keyAtSeen) {
            keyColumnsSeen = cols;
            tableColumnsSeen = t.columns();
            keyAtSeen = at;
            keyIndex = new int[cols.size()];
            for (int k = 0; k < cols.size(); k++) {
                int c = t.columnIndex(cols.get(k).label());
                keyIndex[k] = c >= 0 && t.column(c).type() == columns.get(at + k).type() ? c : -1;
            }
        }
        for (int k = 0; k < cols.size(); k++) {
            int c = keyIndex[k];
            if (c < 0 || t.rowCount() == 0) {
                appendValue(at + k, key.values().get(k));
            } else {
                appendCell(at + k, t.vector(c), t.offset());
            }
        }
    }

    /** Where the key columns were found in the last table given to {@link #appendKeyValues} (-1: not found). */
    private List<ColumnMeta> keyColumnsSeen;
    private List<ColumnMeta> tableColumnsSeen;
    private int keyAtSeen;
    private int[] keyIndex;

    /** Appends cell {@code index} of {@code src}, a vector of this column's type. */
    private void appendCell(int col, FieldVector src, int index) {
        if (src instanceof VarCharVector s) {
            appendUtf8(col, s, index);
        } else if (src.isNull(index)) {
            appendNull(col);
        } else if (src instanceof BigIntVector b) {
            appendLong(col, b.get(index));
        } else if (src instanceof Float8Vector f) {
            appendDouble(col, f.get(index));
        } else if (src instanceof UInt8Vector u) {
            appendLong(col, u.get(index));
        } else {
            appendBool(col, ((BitVector) src).get(index) != 0);
        }
    }

    /**
     * Appends a Flux value (null appends a null).
     *
     * @throws FluxException when the value's kind does not fit the column
     */
    public void appendValue(int col, Value value) {
        if (value.isNull()) {
            appendNull(col);
            return;
        }
        ColumnMeta meta = columns.get(col);
        switch (meta.type()) {
            case BOOL:
                if (value instanceof BoolValue b) {
                    appendBool(col, b.value());
                    return;
                }
                break;
            case INT:
                if (value instanceof IntValue i) {
                    appendLong(col, i.value());
                    return;
                }
                break;
            case UINT:
                if (value instanceof UIntValue u) {
                    appendLong(col, u.value());
                    return;
                }
                break;
            case FLOAT:
                if (value instanceof FloatValue f) {
                    appendDouble(col, f.value());
                    return;
                }
                break;
            case STRING:
                if (value instanceof StringValue s) {
                    appendString(col, s.value());
                    return;
                }
                break;
            case TIME:
                if (value instanceof TimeValue t) {
                    appendLong(col, t.nanos());
                    return;
                }
                break;
            default:
                if (value instanceof DurationValue d) {
                    appendLong(col, Durations.approxNanos(d));
                    return;
                }
                break;
        }
        throw new FluxException(ErrorCode.INVALID, "column " + meta.label() + " has type " + meta.type().fluxName()
                + ", cannot hold a value of type " + value.kind().fluxName());
    }

    /** Appends cell {@code (srcCol, row)} of {@code src}, which must have this column's type. */
    public void appendFrom(int col, FluxTable src, int srcCol, int row) {
        if (src.isNull(srcCol, row)) {
            appendNull(col);
            return;
        }
        switch (columns.get(col).type()) {
            case BOOL: appendBool(col, src.getBool(srcCol, row)); break;
            case FLOAT: appendDouble(col, src.getDouble(srcCol, row)); break;
            case STRING:
                appendUtf8(col, (VarCharVector) src.vector(srcCol), src.offset() + row);
                break;
            default: appendLong(col, src.getLong(srcCol, row)); break;
        }
    }

    /**
     * Appends cells {@code [from, from + count)} of column {@code srcCol} of {@code src}, which must have this
     * column's type, copying between the Arrow vectors (no value objects, no per-cell arrays).
     */
    public void appendRange(int col, FluxTable src, int srcCol, int from, int count) {
        FieldVector to = checkedTarget(col, src, srcCol);
        FieldVector v = src.vector(srcCol);
        int at = counts[col];
        int base = src.offset() + from;
        if (to instanceof BaseFixedWidthVector f && !(to instanceof BitVector)) {
            long width = f.getTypeWidth();
            reserve(f, at + count);
            f.getDataBuffer().setBytes(at * width, v.getDataBuffer(), base * width, count * width);
            copyValidity(f, at, v, base, count);
        } else {
            for (int k = 0; k < count; k++) {
                to.copyFromSafe(base + k, at + k, v);
            }
        }
        setCount(col, at + count);
    }

    /** Appends the cells of rows {@code rows[0..count)} of column {@code srcCol} of {@code src}, as above. */
    public void appendRows(int col, FluxTable src, int srcCol, int[] rows, int count) {
        FieldVector to = checkedTarget(col, src, srcCol);
        FieldVector v = src.vector(srcCol);
        int at = counts[col];
        int base = src.offset();
        if (to instanceof BaseFixedWidthVector f && f.getTypeWidth() == 8) {
            reserve(f, at + count);
            ArrowBuf dst = f.getDataBuffer();
            ArrowBuf data = v.getDataBuffer();
            ArrowBuf valid = f.getValidityBuffer();
            for (int k = 0; k < count; k++) {
                int i = base + rows[k];
                dst.setLong((long) (at + k) * 8, data.getLong((long) i * 8));
                BitVectorHelper.setValidityBit(valid, at + k, v.isNull(i) ? 0 : 1);
            }
        } else {
            for (int k = 0; k < count; k++) {
                to.copyFromSafe(base + rows[k], at + k, v);
            }
        }
        setCount(col, at + count);
    }

    private void setCount(int col, int n) {
        counts[col] = n;
        if (n > rows) {
            rows = n;
        }
    }

    /** Grows a fixed-width vector until it holds {@code n} values. */
    private static void reserve(BaseFixedWidthVector f, int n) {
        while (f.getValueCapacity() < n) {
            f.reAlloc();
        }
    }

    private static void copyValidity(BaseFixedWidthVector to, int at, FieldVector from, int base, int count) {
        ArrowBuf valid = to.getValidityBuffer();
        if (!Validity.anyNull(from, base, count)) {
            for (int k = 0; k < count; k++) {
                BitVectorHelper.setBit(valid, at + k);
            }
            return;
        }
        for (int k = 0; k < count; k++) {
            BitVectorHelper.setValidityBit(valid, at + k, from.isNull(base + k) ? 0 : 1);
        }
    }

    private FieldVector checkedTarget(int col, FluxTable src, int srcCol) {
        sync(col);
        if (columns.get(col).type() != src.column(srcCol).type()) {
            throw new IllegalArgumentException("cannot copy " + src.column(srcCol) + " into " + columns.get(col));
        }
        return vectors.get(col);
    }

    /** Pads every column with nulls to {@code rows} values (for {@link TableBatcher}: a table's rows end here). */
    void padTo(int rows) {
        for (int c = 0; c < columns.size(); c++) {
            while (size(c) < rows) {
                appendNull(c);
            }
        }
    }

    /** The bytes per value each string column holds so far, rounded up (0 for other columns and no rows). */
    int[] stringBytesPerValue() {
        int[] out = new int[vectors.size()];
        for (int c = 0; c < vectors.size(); c++) {
            byte[] constant = constant(c);
            if (constant != null) {
                out[c] = constant.length + 1;
            } else if (vectors.get(c) instanceof VarCharVector v && counts[c] > 0) {
                int end = dataEnd(c, v);
                out[c] = (int) Math.min(1 << 16, (long) end / counts[c] + 1);
            }
        }
        return out;
    }

    /** The bytes the values appended so far take in the vectors (for {@link TableBatcher}'s budget). */
    long usedBytes() {
        long n = 0;
        for (int c = 0; c < vectors.size(); c++) {
            FieldVector v = vectors.get(c);
            int count = counts[c];
            byte[] constant = constant(c);
            if (constant != null) {
                n += (rows + 7) / 8 + (long) (rows + 1) * VarCharVector.OFFSET_WIDTH + (long) rows * constant.length;
                continue;
            }
            n += (count + 7) / 8;
            if (v instanceof VarCharVector s) {
                n += (long) (count + 1) * VarCharVector.OFFSET_WIDTH + dataEnd(c, s);
            } else if (!(v instanceof BitVector)) {
                n += (long) count * 8;
            }
        }
        return n;
    }

    /** The table: every column padded with nulls to the longest one. The builder is done after this. */
    /** The bytes of string column {@code col}'s values so far. */
    private int dataEnd(int col, VarCharVector v) {
        if (cursors[col] != null) {
            return cursors[col].end;
        }
        return v.getLastSet() < 0 ? 0 : v.getEndOffset(v.getLastSet());
    }

    public FluxTable build() {
        return build(columns);
    }

    /** Builds the table with {@code same}, a list equal to {@link #columns}, as its column list. */
    FluxTable build(List<ColumnMeta> same) {
        if (built) {
            throw new IllegalStateException("table already built");
        }
        syncAll();
        int rows = rowCount();
        for (int c = 0; c < columns.size(); c++) {
            if (constant(c) != null) {
                fillConstant(c, rows);
            }
            while (size(c) < rows) {
                appendNull(c);
            }
            vectors.get(c).setValueCount(rows);
        }
        built = true;
        int[] idx = new int[columns.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        return new FluxTable(key, same, new Batch(vectors), idx, 0, rows);
    }

    @Override
    public void close() {
        if (!built) {
            built = true;
            for (FieldVector v : vectors) {
                v.close();
            }
        }
    }
}
