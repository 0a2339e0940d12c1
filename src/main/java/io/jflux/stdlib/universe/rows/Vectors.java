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

    /** Column {@code col} of {@code t}, its rows only, sharing the buffers (no copy of the values). */
    public static FieldVector share(FluxTable t, int col, String label, BufferAllocator allocator) {
        FieldVector v = t.vector(col);
        TransferPair pair = v.getTransferPair(label, allocator);
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
     * {@code dst} must have room for fixed-width values ({@link #allocate}); strings grow as needed. Null cells
     * are left unset (null).
     */
    public static void copyRows(FluxTable t, int col, int[] rows, int from, int n, FieldVector dst, int at) {
        FieldVector src = t.vector(col);
        int off = t.offset();
        ArrowBuf sv = src.getValidityBuffer();
        if (src instanceof VarCharVector s) {
            VarCharVector d = (VarCharVector) dst;
            ArrowBuf offsets = s.getOffsetBuffer();
            ArrowBuf data = s.getDataBuffer();
            for (int j = 0; j < n; j++) {
                int r = off + (rows == null ? from + j : rows[from + j]);
                if (BitVectorHelper.get(sv, r) != 0) {
                    int start = offsets.getInt((long) r * 4);
                    int end = offsets.getInt((long) (r + 1) * 4);
                    d.setSafe(at + j, 1, start, end, data);
                }
            }
            return;
        }
        ArrowBuf sd = src.getDataBuffer();
        ArrowBuf dd = dst.getDataBuffer();
        ArrowBuf dv = dst.getValidityBuffer();
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
        for (int j = 0; j < n; j++) {
            int r = off + (rows == null ? from + j : rows[from + j]);
            if (BitVectorHelper.get(sv, r) != 0) {
                BitVectorHelper.setBit(dv, at + j);
                dd.setLong((long) (at + j) << 3, sd.getLong((long) r << 3));
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
        FieldVector v = t.vector(col);
        int off = t.offset();
        ArrowBuf validity = v.getValidityBuffer();
        boolean na = BitVectorHelper.get(validity, off + a) == 0;
        boolean nb = BitVectorHelper.get(validity, off + b) == 0;
        if (na || nb) {
            return na == nb;
        }
        if (v instanceof VarCharVector s) {
            ArrowBuf offsets = s.getOffsetBuffer();
            ArrowBuf data = s.getDataBuffer();
            int sa = offsets.getInt((long) (off + a) * 4);
            int ea = offsets.getInt((long) (off + a + 1) * 4);
            int sb = offsets.getInt((long) (off + b) * 4);
            int eb = offsets.getInt((long) (off + b + 1) * 4);
            if (ea - sa != eb - sb) {
                return false;
            }
            for (int i = 0; i < ea - sa; i++) {
                if (data.getByte(sa + i) != data.getByte(sb + i)) {
                    return false;
                }
            }
            return true;
        }
        if (v instanceof BitVector) {
            return BitVectorHelper.get(v.getDataBuffer(), off + a) == BitVectorHelper.get(v.getDataBuffer(), off + b);
        }
        long x = v.getDataBuffer().getLong((long) (off + a) << 3);
        long y = v.getDataBuffer().getLong((long) (off + b) << 3);
        if (v instanceof Float8Vector) {
            return Double.doubleToLongBits(Double.longBitsToDouble(x)) == Double.doubleToLongBits(Double.longBitsToDouble(y));
        }
        return x == y;
    }

    /** A hash of cell {@code (row, col)} of {@code t}, consistent with {@link #sameCell}. */
    public static int hashCell(FluxTable t, int col, int row) {
        FieldVector v = t.vector(col);
        int r = t.offset() + row;
        if (BitVectorHelper.get(v.getValidityBuffer(), r) == 0) {
            return 0x5bd1e995;
        }
        if (v instanceof VarCharVector s) {
            ArrowBuf offsets = s.getOffsetBuffer();
            ArrowBuf data = s.getDataBuffer();
            int start = offsets.getInt((long) r * 4);
            int end = offsets.getInt((long) (r + 1) * 4);
            int h = 1;
            for (int i = start; i < end; i++) {
                h = 31 * h + data.getByte(i);
            }
            return h;
        }
        if (v instanceof BitVector) {
            return BitVectorHelper.get(v.getDataBuffer(), r) + 7;
        }
        long x = v.getDataBuffer().getLong((long) r << 3);
        if (v instanceof Float8Vector) {
            x = Double.doubleToLongBits(Double.longBitsToDouble(x));
        }
        return Long.hashCode(x * 0x9E3779B97F4A7C15L);
    }
}
