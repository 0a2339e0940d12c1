package io.jflux.stdlib.universe.rows;

import io.jflux.eval.BoolValue;
import io.jflux.eval.DurationValue;
import io.jflux.eval.Durations;
import io.jflux.eval.FloatValue;
import io.jflux.eval.IntValue;
import io.jflux.eval.StringValue;
import io.jflux.eval.TimeValue;
import io.jflux.eval.UIntValue;
import io.jflux.eval.Value;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import java.nio.charset.StandardCharsets;
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
import org.apache.arrow.vector.util.TransferPair;

/**
 * Column-at-a-time work on the Arrow vectors behind tables: sharing a table's rows of a column without a copy,
 * gathering selected rows, copying into a longer column, and columns of one value. Vectors returned belong to
 * the caller (usually handed on to {@link FluxTable#ofVectors}).
 */
public final class Vectors {

    private Vectors() {}

    /** An empty vector for a column of {@code type}. */
    public static FieldVector newVector(ColumnType type, String label, BufferAllocator allocator) {
        switch (type) {
            case BOOL: return new BitVector(label, allocator);
            case UINT: return new UInt8Vector(label, allocator);
            case FLOAT: return new Float8Vector(label, allocator);
            case STRING: return new VarCharVector(label, allocator);
            default: return new BigIntVector(label, allocator);
        }
    }

    /**
     * Column {@code col} of {@code t}, its rows only, sharing the buffers (no copy of the values). The new vector
     * belongs to the allocator of the buffers it shares (which may be an embedder's, not the execution's).
     */
    public static FieldVector share(FluxTable t, int col, String label, BufferAllocator allocator) {
        FieldVector v = t.vector(col);
        TransferPair pair = v.getTransferPair(label, v.getAllocator());
        pair.splitAndTransfer(t.offset(), t.rowCount());
        FieldVector out = (FieldVector) pair.getTo();
        if (t.rowCount() == 0) {
            out.allocateNew();
            out.setValueCount(0);
        }
        return out;
    }

    /** Rows {@code rows[0..n)} (table rows) of column {@code col}, in that order, as a new vector. */
    public static FieldVector gather(FluxTable t, int col, int[] rows, int n, String label,
                                     BufferAllocator allocator) {
        FieldVector out = newVector(t.column(col).type(), label, allocator);
        allocate(out, n);
        copyRows(t, col, rows, 0, n, out, 0);
        out.setValueCount(n);
        return out;
    }

    /** Allocates room for {@code n} values (all null until set). */
    public static void allocate(FieldVector v, int n) {
        if (v instanceof BaseFixedWidthVector f) {
            f.allocateNew(Math.max(n, 1));
        } else {
            ((VarCharVector) v).allocateNew(Math.max(n, 1) * 8L, Math.max(n, 1));
        }
    }

    /**
     * Copies cells of column {@code col} of {@code t} into {@code dst} from index {@code at}: rows
     * {@code rows[from..from+n)} or, when {@code rows} is null, the table rows {@code [from, from+n)}.
     * {@code dst} grows as needed; its cells before {@code at} must have been written (in order) already. Null
     * cells are left null.
     */
    public static void copyRows(FluxTable t, int col, int[] rows, int from, int n, FieldVector dst, int at) {
        FieldVector src = t.vector(col);
        int off = t.offset();
        ArrowBuf sv = src.getValidityBuffer();
        if (src instanceof VarCharVector s) {
            copyStrings(s, sv, off, rows, from, n, (VarCharVector) dst, at);
            return;
        }
        BaseFixedWidthVector d = (BaseFixedWidthVector) dst;
        while (d.getValueCapacity() < at + n) {
            d.reAlloc();
        }
        ArrowBuf sd = src.getDataBuffer();
        ArrowBuf dd = d.getDataBuffer();
        ArrowBuf dv = d.getValidityBuffer();
        if (src instanceof BitVector) {
            for (int j = 0; j < n; j++) {
                int r = off + (rows == null ? from + j : rows[from + j]);
                if (BitVectorHelper.get(sv, r) != 0) {
                    BitVectorHelper.setBit(dv, at + j);
                    if (BitVectorHelper.get(sd, r) != 0) {
                        BitVectorHelper.setBit(dd, at + j);
                    }
                }
            }
            return;
        }
        if (rows == null) {
            dd.setBytes((long) at << 3, sd, (long) (off + from) << 3, (long) n << 3);
            if (allSet(sv, off + from, n)) {
                setAll(dv, at, n);
                return;
            }
            for (int j = 0; j < n; j++) {
                if (BitVectorHelper.get(sv, off + from + j) != 0) {
                    BitVectorHelper.setBit(dv, at + j);
                }
            }
            return;
        }
        int max = maxRow(rows, from, n);
        if (n > 0 && allSet(sv, off + rows[from], rows[from + n - 1] - rows[from] + 1)) {
            setAll(dv, at, n);
            checkRange(sd, (long) (off + max + 1) << 3);
            checkRange(dd, (long) (at + n) << 3);
            long srcAddress = sd.memoryAddress() + ((long) off << 3);
            long dstAddress = dd.memoryAddress() + ((long) at << 3);
            for (int j = 0; j < n; j++) {
                MemoryUtil.putLong(dstAddress + ((long) j << 3),
                        MemoryUtil.getLong(srcAddress + ((long) rows[from + j] << 3)));
            }
            return;
        }
        for (int j = 0; j < n; j++) {
            int r = off + rows[from + j];
            if (BitVectorHelper.get(sv, r) != 0) {
                BitVectorHelper.setBit(dv, at + j);
                dd.setLong((long) (at + j) << 3, sd.getLong((long) r << 3));
            }
        }
    }

    private static void copyStrings(VarCharVector s, ArrowBuf sv, int off, int[] rows, int from, int n,
                                    VarCharVector d, int at) {
        if (n == 0) {
            return;
        }
        while (d.getValueCapacity() < at + n) {
            d.reallocValidityAndOffsetBuffers();
        }
        ArrowBuf offsets = s.getOffsetBuffer();
        ArrowBuf data = s.getDataBuffer();
        ArrowBuf dOff = d.getOffsetBuffer();
        ArrowBuf dv = d.getValidityBuffer();
        ArrowBuf dd = d.getDataBuffer();
        int first = rows == null ? from : rows[from];
        int max = rows == null ? from + n - 1 : maxRow(rows, from, n);
        checkRange(offsets, (long) (off + max + 2) * 4);
        checkRange(dOff, (long) (at + n + 1) * 4);
        boolean valid = allSet(sv, off + first, max - first + 1);
        if (valid) {
            setAll(dv, at, n);
        }
        long srcOffsets = offsets.memoryAddress() + (long) off * 4;
        long srcData = data.memoryAddress();
        long srcEnd = data.capacity();
        long dstOffsets = dOff.memoryAddress() + (long) at * 4;
        long pos = MemoryUtil.getInt(dstOffsets);
        long dstData = dd.memoryAddress();
        long dstCap = dd.capacity();
        if (rows == null && valid) {
            // a range of values, none null: their bytes in one copy, their offsets shifted
            int start = MemoryUtil.getInt(srcOffsets + (long) from * 4);
            int end = MemoryUtil.getInt(srcOffsets + (long) (from + n) * 4);
            if (start < 0 || end < start || end > srcEnd) {
                throw new IllegalStateException("string column offsets out of bounds");
            }
            while (pos + (end - start) > dstCap) {
                d.reallocDataBuffer();
                dd = d.getDataBuffer();
                dstData = dd.memoryAddress();
                dstCap = dd.capacity();
            }
            MemoryUtil.copyMemory(srcData + start, dstData + pos, end - start);
            long shift = pos - start;
            for (int j = 1; j <= n; j++) {
                int o = MemoryUtil.getInt(srcOffsets + (long) (from + j) * 4);
                if (o < start || o > end) {
                    throw new IllegalStateException("string column offsets out of order");
                }
                MemoryUtil.putInt(dstOffsets + (long) j * 4, (int) (o + shift));
            }
            d.setLastSet(at + n - 1);
            return;
        }
        for (int j = 0; j < n; j++) {
            int r = rows == null ? from + j : rows[from + j];
            if (valid || BitVectorHelper.get(sv, off + r) != 0) {
                int start = MemoryUtil.getInt(srcOffsets + (long) r * 4);
                int len = MemoryUtil.getInt(srcOffsets + (long) (r + 1) * 4) - start;
                if (start < 0 || len < 0 || start + (long) len > srcEnd) {
                    throw new IllegalStateException("string column offsets out of bounds");
                }
                while (pos + len > dstCap) {
                    d.reallocDataBuffer();
                    dd = d.getDataBuffer();
                    dstData = dd.memoryAddress();
                    dstCap = dd.capacity();
                }
                if (len >= 8 && len < 64) {
                    // word by word, the last word overlapping the one before (a call into the VM costs more)
                    long src = srcData + start;
                    long dst = dstData + pos;
                    for (int k = 0; k + 8 < len; k += 8) {
                        MemoryUtil.putLong(dst + k, MemoryUtil.getLong(src + k));
                    }
                    MemoryUtil.putLong(dst + len - 8, MemoryUtil.getLong(src + len - 8));
                } else if (len < 8) {
                    for (int k = 0; k < len; k++) {
                        MemoryUtil.putByte(dstData + pos + k, MemoryUtil.getByte(srcData + start + k));
                    }
                } else {
                    MemoryUtil.copyMemory(srcData + start, dstData + pos, len);
                }
                pos += len;
                if (!valid) {
                    BitVectorHelper.setBit(dv, at + j);
                }
            }
            MemoryUtil.putInt(dstOffsets + (long) (j + 1) * 4, (int) pos);
        }
        d.setLastSet(at + n - 1);
    }

    private static int maxRow(int[] rows, int from, int n) {
        int max = -1;
        for (int j = 0; j < n; j++) {
            int r = rows[from + j];
            if (r < 0) {
                throw new IndexOutOfBoundsException("row " + r);
            }
            max = Math.max(max, r);
        }
        return max;
    }

    /** Checks that {@code buf} holds at least {@code bytes} bytes before raw reads or writes below that. */
    private static void checkRange(ArrowBuf buf, long bytes) {
        if (bytes > buf.capacity()) {
            throw new IndexOutOfBoundsException(bytes + " bytes needed, buffer holds " + buf.capacity());
        }
    }

    /** Whether bits {@code [start, start + count)} of {@code buf} are all set (no null in that run of rows). */
    static boolean allSet(ArrowBuf buf, int start, int count) {
        int i = start;
        int end = start + count;
        while (i < end && (i & 7) != 0) {
            if (BitVectorHelper.get(buf, i++) == 0) {
                return false;
            }
        }
        while (i + 64 <= end) {
            if (buf.getLong(i >>> 3) != -1L) {
                return false;
            }
            i += 64;
        }
        while (i + 8 <= end) {
            if (buf.getByte(i >>> 3) != (byte) 0xFF) {
                return false;
            }
            i += 8;
        }
        while (i < end) {
            if (BitVectorHelper.get(buf, i++) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Sets bits {@code [start, start + count)} of {@code buf}. */
    static void setAll(ArrowBuf buf, int start, int count) {
        int i = start;
        int end = start + count;
        while (i < end && (i & 7) != 0) {
            BitVectorHelper.setBit(buf, i++);
        }
        while (i + 64 <= end) {
            buf.setLong(i >>> 3, -1L);
            i += 64;
        }
        while (i + 8 <= end) {
            buf.setByte(i >>> 3, 0xFF);
            i += 8;
        }
        while (i < end) {
            BitVectorHelper.setBit(buf, i++);
        }
    }

    /** Leaves cells {@code [at, at + n)} of {@code dst} null (a piece of a merged table that lacks the column). */
    public static void skip(FieldVector dst, int at, int n) {
        if (dst instanceof VarCharVector d) {
            while (d.getValueCapacity() < at + n) {
                d.reallocValidityAndOffsetBuffers();
            }
            ArrowBuf dOff = d.getOffsetBuffer();
            int pos = dOff.getInt((long) at * 4);
            for (int j = 0; j < n; j++) {
                dOff.setInt((long) (at + j + 1) * 4, pos);
            }
            d.setLastSet(at + n - 1);
        } else {
            BaseFixedWidthVector d = (BaseFixedWidthVector) dst;
            while (d.getValueCapacity() < at + n) {
                d.reAlloc();
            }
        }
    }

    /** A column of {@code n} copies of {@code value} (nulls when it is null). */
    public static FieldVector constant(ColumnType type, Value value, int n, String label,
                                       BufferAllocator allocator) {
        FieldVector v = newVector(type, label, allocator);
        allocate(v, n);
        if (!value.isNull()) {
            switch (type) {
                case BOOL: {
                    BitVector b = (BitVector) v;
                    int bit = ((BoolValue) value).value() ? 1 : 0;
                    for (int i = 0; i < n; i++) {
                        b.set(i, bit);
                    }
                    break;
                }
                case FLOAT: {
                    Float8Vector f = (Float8Vector) v;
                    double d = ((FloatValue) value).value();
                    for (int i = 0; i < n; i++) {
                        f.set(i, d);
                    }
                    break;
                }
                case STRING: {
                    VarCharVector s = (VarCharVector) v;
                    byte[] bytes = ((StringValue) value).value().getBytes(StandardCharsets.UTF_8);
                    for (int i = 0; i < n; i++) {
                        s.setSafe(i, bytes);
                    }
                    break;
                }
                case UINT: {
                    UInt8Vector u = (UInt8Vector) v;
                    long x = ((UIntValue) value).value();
                    for (int i = 0; i < n; i++) {
                        u.set(i, x);
                    }
                    break;
                }
                default: {
                    BigIntVector b = (BigIntVector) v;
                    long x = longOf(value);
                    for (int i = 0; i < n; i++) {
                        b.set(i, x);
                    }
                    break;
                }
            }
        }
        v.setValueCount(n);
        return v;
    }

    /** The long behind an int, time or duration value (a duration counts a month as Flux approximates it). */
    static long longOf(Value v) {
        if (v instanceof IntValue i) {
            return i.value();
        }
        if (v instanceof TimeValue t) {
            return t.nanos();
        }
        if (v instanceof UIntValue u) {
            return u.value();
        }
        return Durations.approxNanos((DurationValue) v);
    }

    /** Whether cells {@code (a, col)} and {@code (b, col)} of {@code t} are equal (two nulls are equal). */
    public static boolean sameCell(FluxTable t, int col, int a, int b) {
        return new Cells(t, col).same(a, b);
    }

    /**
     * Reads the cells of one column of one table for hashing and comparing rows, with the column's buffers
     * fetched once: equal cells (two nulls are equal; floats by their bits, NaN equal to NaN) hash alike.
     */
    public static final class Cells {
        private final ArrowBuf validity;
        private final ArrowBuf data;
        private final ArrowBuf offsets;
        private final int off;
        private final boolean bits;
        private final boolean floats;
        private final long dataAddress;
        private final long dataCapacity;

        public Cells(FluxTable t, int col) {
            FieldVector v = t.vector(col);
            this.validity = v.getValidityBuffer();
            this.data = v.getDataBuffer();
            this.offsets = v instanceof VarCharVector ? v.getOffsetBuffer() : null;
            this.off = t.offset();
            this.bits = v instanceof BitVector;
            this.floats = v instanceof Float8Vector;
            this.dataAddress = data.memoryAddress();
            this.dataCapacity = data.capacity();
        }

        private boolean isNull(int r) {
            return BitVectorHelper.get(validity, r) == 0;
        }

        private long bitsOf(int r) {
            long x = data.getLong((long) r << 3);
            return floats ? Double.doubleToLongBits(Double.longBitsToDouble(x)) : x;
        }

        public int hash(int row) {
            int r = off + row;
            if (isNull(r)) {
                return 0x5bd1e995;
            }
            if (offsets != null) {
                int start = offsets.getInt((long) r * 4);
                int end = offsets.getInt((long) (r + 1) * 4);
                if (start < 0 || end < start || end > dataCapacity) {
                    throw new IllegalStateException("string column offsets out of bounds");
                }
                long a = dataAddress + start;
                int h = 1;
                for (int i = 0; i < end - start; i++) {
                    h = 31 * h + MemoryUtil.getByte(a + i);
                }
                return h;
            }
            if (bits) {
                return BitVectorHelper.get(data, r) + 7;
            }
            return Long.hashCode(bitsOf(r) * 0x9E3779B97F4A7C15L);
        }

        public boolean same(int a, int b) {
            int ra = off + a;
            int rb = off + b;
            boolean na = isNull(ra);
            boolean nb = isNull(rb);
            if (na || nb) {
                return na == nb;
            }
            if (offsets != null) {
                int sa = offsets.getInt((long) ra * 4);
                int ea = offsets.getInt((long) (ra + 1) * 4);
                int sb = offsets.getInt((long) rb * 4);
                int eb = offsets.getInt((long) (rb + 1) * 4);
                if (ea - sa != eb - sb) {
                    return false;
                }
                if (sa < 0 || sb < 0 || ea < sa || ea > dataCapacity || eb > dataCapacity) {
                    throw new IllegalStateException("string column offsets out of bounds");
                }
                for (int i = 0; i < ea - sa; i++) {
                    if (MemoryUtil.getByte(dataAddress + sa + i) != MemoryUtil.getByte(dataAddress + sb + i)) {
                        return false;
                    }
                }
                return true;
            }
            if (bits) {
                return BitVectorHelper.get(data, ra) == BitVectorHelper.get(data, rb);
            }
            return bitsOf(ra) == bitsOf(rb);
        }
    }
}
