package io.jflux.stdlib.universe;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.eval.Arguments;
import io.jflux.eval.ArrayValue;
import io.jflux.eval.StringValue;
import io.jflux.eval.Value;
import io.jflux.syntax.Span;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import io.jflux.table.GroupKey;
import io.jflux.table.TableBuilder;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Column-at-a-time building blocks shared by the aggregates, selectors and window transformations: copying rows
 * of a table into a builder one column at a time, reading cells straight from Arrow buffers, and argument helpers.
 */
final class TableOps {

    private TableOps() {}

    /** The 64-bit cell {@code i} (an index into the vector) of an int, uint, time or duration vector. */
    static long longAt(FieldVector v, int i) {
        return v.getDataBuffer().getLong((long) i * 8);
    }

    /** The float cell {@code i} (an index into the vector). */
    static double doubleAt(FieldVector v, int i) {
        return v.getDataBuffer().getDouble((long) i * 8);
    }

    static boolean boolAt(FieldVector v, int i) {
        return ((BitVector) v).get(i) != 0;
    }

    /** Compares two UTF-8 cells byte by byte (unsigned), which orders strings by code point as Go does. */
    static int compareUtf8(VarCharVector a, int i, VarCharVector b, int j) {
        ArrowBuf ao = a.getOffsetBuffer();
        ArrowBuf bo = b.getOffsetBuffer();
        int as = ao.getInt((long) i * 4);
        int ae = ao.getInt((long) (i + 1) * 4);
        int bs = bo.getInt((long) j * 4);
        int be = bo.getInt((long) (j + 1) * 4);
        ArrowBuf ad = a.getDataBuffer();
        ArrowBuf bd = b.getDataBuffer();
        int n = Math.min(ae - as, be - bs);
        for (int k = 0; k < n; k++) {
            int x = ad.getByte(as + k) & 0xff;
            int y = bd.getByte(bs + k) & 0xff;
            if (x != y) {
                return x < y ? -1 : 1;
            }
        }
        return Integer.compare(ae - as, be - bs);
    }

    /** Appends rows {@code rows[0..n)} of column {@code sc} of {@code src} to column {@code bc} of {@code b}. */
    static void gather(TableBuilder b, int bc, FluxTable src, int sc, int[] rows, int n) {
        b.appendRows(bc, src, sc, rows, n);
    }

    /** Appends rows {@code [from, from + n)} of column {@code sc} of {@code src} to column {@code bc}. */
    static void copyRange(TableBuilder b, int bc, FluxTable src, int sc, int from, int n) {
        b.appendRange(bc, src, sc, from, n);
    }

    /** A new table with {@code key}, the columns of {@code src} and its rows {@code rows[0..n)}. */
    static FluxTable gatherTable(BufferAllocator alloc, FluxTable src, GroupKey key, int[] rows, int n) {
        try (TableBuilder b = new TableBuilder(alloc, key)) {
            for (int c = 0; c < src.columnCount(); c++) {
                int bc = b.addColumn(src.column(c));
                gather(b, bc, src, c, rows, n);
            }
            return b.build();
        }
    }

    /** Adds the key's columns to {@code b} in key order, each holding its key value {@code n} times. */
    static void addKeyColumns(TableBuilder b, GroupKey key, int n) {
        for (int k = 0; k < key.size(); k++) {
            int bc = b.addColumn(key.columns().get(k));
            Value v = key.values().get(k);
            for (int r = 0; r < n; r++) {
                b.appendValue(bc, v);
            }
        }
    }

    /** The string-array argument {@code name}, or {@code otherwise} when it was not given. */
    static List<String> strings(Arguments a, String name, List<String> otherwise) {
        if (!a.has(name)) {
            return otherwise;
        }
        ArrayValue arr = a.array(name);
        List<String> out = new ArrayList<>(arr.size());
        for (Value v : arr.elements()) {
            if (!(v instanceof StringValue s)) {
                throw a.error("argument " + name + " of " + a.function() + ": expected [string] but found ["
                        + v.kind().fluxName() + "]", a.spanOf(name));
            }
            out.add(s.value());
        }
        return List.copyOf(out);
    }

    /** A user error positioned at the call. */
    static FluxException error(String message, Span span) {
        return new FluxException(ErrorCode.INVALID, message, span);
    }

    /** The index of column {@code label} in {@code t}, or the error Flux gives when it is missing. */
    static int requireColumn(FluxTable t, String label, Span span) {
        int idx = t.columnIndex(label);
        if (idx < 0) {
            throw error("no column \"" + label + "\" exists", span);
        }
        return idx;
    }

    static boolean numeric(ColumnType t) {
        return t == ColumnType.INT || t == ColumnType.UINT || t == ColumnType.FLOAT;
    }
}
