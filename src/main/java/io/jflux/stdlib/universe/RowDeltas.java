package io.jflux.stdlib.universe;

import io.jflux.syntax.Span;
import io.jflux.table.ColumnMeta;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import io.jflux.table.TableBuilder;
import io.jflux.table.TableContext;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Transformations that relate each row to the rows before it: {@code difference}, {@code derivative},
 * {@code cumulativeSum} and {@code elapsed}. The schema and group key are kept (changed columns change type as
 * Flux says); columns are built one at a time from the Arrow vectors.
 */
final class RowDeltas {

    private RowDeltas() {}

    /** Options of {@code difference}. */
    record DifferenceSpec(boolean nonNegative, List<String> columns, boolean keepFirst, boolean initialZero) {}

    /**
     * {@code difference}: each listed int or uint column becomes an int column (a float column stays float) of
     * differences from the last non-null value before the row; the first row is dropped unless {@code keepFirst}.
     */
    /**
     * {@code movingAverage(n:)} of one table: from row {@code n - 1} on, each row with {@code _value} the mean of
     * the non-null values of it and the {@code n - 1} rows before (null when there are none); a table of fewer
     * than {@code n} rows gives its last row with the mean of all its values (NaN when all are null, as Flux's
     * 0/0); an empty table gives an empty one.
     */
    static FluxTable movingAverage(TableContext ctx, FluxTable t, long n, Span span) {
        int vc = t.columnIndex("_value");
        if (vc < 0) {
            throw TableOps.error("cannot find _value column", span);
        }
        ColumnType type = t.column(vc).type();
        if (!TableOps.numeric(type)) {
            throw TableOps.error("cannot take moving average of column _value (type " + type.fluxName() + ")", span);
        }
        int rows = t.rowCount();
        FieldVector v = t.vector(vc);
        int off = t.offset();
        try (TableBuilder b = new TableBuilder(ctx.allocator(), t.key())) {
            int first = rows == 0 ? 0 : (int) Math.min(n - 1, rows - 1);
            for (int c = 0; c < t.columnCount(); c++) {
                ColumnMeta meta = t.column(c);
                if (c != vc) {
                    int bc = b.addColumn(meta);
                    TableOps.copyRange(b, bc, t, c, first, rows - first);
                    continue;
                }
                int bc = b.addColumn(new ColumnMeta(meta.label(), ColumnType.FLOAT));
                double sum = 0;
                int count = 0;
                // as Flux sums: a value is added, the mean given, then the oldest value of the window let go
                for (int r = 0; r < rows; r++) {
                    if (!v.isNull(off + r)) {
                        sum += number(v, off + r, type);
                        count++;
                    }
                    if (r >= first) {
                        if (count > 0) {
                            b.appendDouble(bc, sum / count);
                        } else if (rows < n) {
                            b.appendDouble(bc, Double.NaN);
                        } else {
                            b.appendNull(bc);
                        }
                    }
                    long oldest = r + 1 - n;
                    if (oldest >= 0 && !v.isNull(off + (int) oldest)) {
                        sum -= number(v, off + (int) oldest, type);
                        count--;
                    }
                }
            }
            return b.build();
        }
    }

    /** Cell {@code i} of a float, int or uint vector as a float. */
    private static double number(FieldVector v, int i, ColumnType type) {
        if (type == ColumnType.FLOAT) {
            return TableOps.doubleAt(v, i);
        }
        long x = TableOps.longAt(v, i);
        if (type == ColumnType.UINT && x < 0) {
            return (double) (x >>> 1) * 2.0 + (x & 1);
        }
        return x;
    }

    static FluxTable difference(TableContext ctx, FluxTable t, DifferenceSpec spec, Span span) {
        int n = t.rowCount();
        int first = spec.keepFirst() ? 0 : Math.min(1, n);
        try (TableBuilder b = new TableBuilder(ctx.allocator(), t.key())) {
            for (int c = 0; c < t.columnCount(); c++) {
                ColumnMeta meta = t.column(c);
                if (!spec.columns().contains(meta.label())) {
                    int bc = b.addColumn(meta);
                    TableOps.copyRange(b, bc, t, c, first, n - first);
                    continue;
                }
                ColumnType type = meta.type();
                if (type == ColumnType.TIME) {
                    throw TableOps.error("difference does not support time columns. Try the elapsed function", span);
                }
                if (!TableOps.numeric(type)) {
                    throw TableOps.error("difference: unsupported type for column " + meta.label() + ": "
                            + type.fluxName(), span);
                }
                ColumnType out = type == ColumnType.FLOAT ? ColumnType.FLOAT : ColumnType.INT;
                int bc = b.addColumn(new ColumnMeta(meta.label(), out));
                differenceColumn(t, c, type, first, spec, b, bc);
            }
            return b.build();
        }
    }

    private static void differenceColumn(FluxTable t, int c, ColumnType type, int first, DifferenceSpec spec,
                                         TableBuilder b, int bc) {
        FieldVector v = t.vector(c);
        int off = t.offset();
        int n = t.rowCount();
        boolean seen = false;
        if (type == ColumnType.FLOAT) {
            double prev = 0;
            for (int r = 0; r < n; r++) {
                int i = off + r;
                boolean valid = !v.isNull(i);
                double x = valid ? TableOps.doubleAt(v, i) : 0;
                if (r >= first) {
                    if (!valid || !seen) {
                        b.appendNull(bc);
                    } else {
                        double d = x - prev;
                        if (spec.nonNegative() && d < 0) {
                            if (spec.initialZero() && x >= 0) {
                                b.appendDouble(bc, x);
                            } else {
                                b.appendNull(bc);
                            }
                        } else {
                            b.appendDouble(bc, d);
                        }
                    }
                }
                if (valid) {
                    prev = x;
                    seen = true;
                }
            }
            return;
        }
        boolean unsigned = type == ColumnType.UINT;
        long prev = 0;
        for (int r = 0; r < n; r++) {
            int i = off + r;
            boolean valid = !v.isNull(i);
            long x = valid ? TableOps.longAt(v, i) : 0;
            if (r >= first) {
                if (!valid || !seen) {
                    b.appendNull(bc);
                } else {
                    long d = unsigned && Long.compareUnsigned(prev, x) > 0 ? -(prev - x) : x - prev;
                    if (spec.nonNegative() && d < 0) {
                        boolean xNonNegative = unsigned || x >= 0;
                        if (spec.initialZero() && xNonNegative) {
                            b.appendLong(bc, x);
                        } else {
                            b.appendNull(bc);
                        }
                    } else {
                        b.appendLong(bc, d);
                    }
                }
            }
            if (valid) {
                prev = x;
                seen = true;
            }
        }
    }

    /** Options of {@code derivative}; {@code unit} in nanoseconds. */
    record DerivativeSpec(double unit, boolean nonNegative, List<String> columns, String timeColumn,
                          boolean initialZero) {}

    /**
     * {@code derivative}: the rate of change per {@code unit} between a row and the last row before it with a
     * non-null value. The first row is dropped, as is any row whose time equals the previous row's; listed numeric
     * columns become floats.
     */
    static FluxTable derivative(TableContext ctx, FluxTable t, DerivativeSpec spec, Span span) {
        int tc = TableOps.requireColumn(t, spec.timeColumn(), span);
        if (t.column(tc).type() != ColumnType.TIME) {
            throw TableOps.error("derivative: column " + spec.timeColumn() + " is not a time column", span);
        }
        for (ColumnMeta meta : t.columns()) {
            if (spec.columns().contains(meta.label()) && !TableOps.numeric(meta.type())) {
                throw TableOps.error("derivative: unsupported type for column " + meta.label() + ": "
                        + meta.type().fluxName(), span);
            }
        }
        int n = t.rowCount();
        FieldVector times = t.vector(tc);
        int off = t.offset();
        // Rows kept: every row after the first whose time moved forward.
        int[] kept = new int[Math.max(0, n - 1)];
        int k = 0;
        if (n > 0) {
            for (int r = 0; r < n; r++) {
                if (times.isNull(off + r)) {
                    throw TableOps.error("derivative found null time in time column", span);
                }
            }
            long prevTime = TableOps.longAt(times, off);
            for (int r = 1; r < n; r++) {
                long time = TableOps.longAt(times, off + r);
                if (time < prevTime) {
                    throw TableOps.error("derivative found out-of-order times in time column", span);
                }
                if (time == prevTime) {
                    continue;
                }
                kept[k++] = r;
                prevTime = time;
            }
        }
        try (TableBuilder b = new TableBuilder(ctx.allocator(), t.key())) {
            for (int c = 0; c < t.columnCount(); c++) {
                ColumnMeta meta = t.column(c);
                if (!spec.columns().contains(meta.label())) {
                    int bc = b.addColumn(meta);
                    TableOps.gather(b, bc, t, c, kept, k);
                    continue;
                }
                int bc = b.addColumn(new ColumnMeta(meta.label(), ColumnType.FLOAT));
                if (n > 0) {
                    derivativeColumn(t, c, times, kept, k, spec, b, bc);
                }
            }
            return b.build();
        }
    }

    private static void derivativeColumn(FluxTable t, int c, FieldVector times, int[] kept, int k,
                                         DerivativeSpec spec, TableBuilder b, int bc) {
        FieldVector v = t.vector(c);
        int off = t.offset();
        ColumnType type = t.column(c).type();
        boolean valid = !v.isNull(off);
        double pValue = valid ? value(v, type, off) : 0;
        long pTime = TableOps.longAt(times, off);
        long pBits = valid ? TableOps.longAt(v, off) : 0;
        for (int j = 0; j < k; j++) {
            int i = off + kept[j];
            long cTime = TableOps.longAt(times, i);
            if (!valid) {
                b.appendNull(bc);
                if (!v.isNull(i)) {
                    valid = true;
                    pValue = value(v, type, i);
                    pBits = type == ColumnType.FLOAT ? 0 : TableOps.longAt(v, i);
                    pTime = cTime;
                }
                continue;
            }
            if (v.isNull(i)) {
                b.appendNull(bc);
                continue;
            }
            double cValue = value(v, type, i);
            long cBits = type == ColumnType.FLOAT ? 0 : TableOps.longAt(v, i);
            boolean decreased = type == ColumnType.UINT ? Long.compareUnsigned(pBits, cBits) > 0
                    : type == ColumnType.INT ? pBits > cBits : pValue > cValue;
            double elapsed = (double) (cTime - pTime) / spec.unit();
            if (spec.nonNegative() && decreased) {
                if (spec.initialZero() && cValue >= 0) {
                    b.appendDouble(bc, cValue / elapsed);
                } else {
                    b.appendNull(bc);
                }
            } else {
                double diff;
                if (type == ColumnType.UINT) {
                    diff = decreased ? -SimpleAggregates.unsignedToDouble(pBits - cBits)
                            : SimpleAggregates.unsignedToDouble(cBits - pBits);
                } else if (type == ColumnType.INT) {
                    diff = (double) (cBits - pBits);
                } else {
                    diff = cValue - pValue;
                }
                b.appendDouble(bc, diff / elapsed);
            }
            pValue = cValue;
            pBits = cBits;
            pTime = cTime;
        }
    }

    private static double value(FieldVector v, ColumnType type, int i) {
        switch (type) {
            case FLOAT: return TableOps.doubleAt(v, i);
            case UINT: return SimpleAggregates.unsignedToDouble(TableOps.longAt(v, i));
            default: return TableOps.longAt(v, i);
        }
    }

    /**
     * {@code cumulativeSum}: each listed int, uint or float column holds the running sum of its non-null values;
     * a null cell holds the sum so far (0 before any value). Other columns pass unchanged.
     */
    static FluxTable cumulativeSum(TableContext ctx, FluxTable t, List<String> columns) {
        int n = t.rowCount();
        try (TableBuilder b = new TableBuilder(ctx.allocator(), t.key())) {
            for (int c = 0; c < t.columnCount(); c++) {
                ColumnMeta meta = t.column(c);
                int bc = b.addColumn(meta);
                if (!columns.contains(meta.label()) || !TableOps.numeric(meta.type())) {
                    TableOps.copyRange(b, bc, t, c, 0, n);
                    continue;
                }
                FieldVector v = t.vector(c);
                int off = t.offset();
                if (meta.type() == ColumnType.FLOAT) {
                    double sum = 0;
                    for (int i = off; i < off + n; i++) {
                        if (!v.isNull(i)) {
                            sum += TableOps.doubleAt(v, i);
                        }
                        b.appendDouble(bc, sum);
                    }
                } else {
                    long sum = 0;
                    for (int i = off; i < off + n; i++) {
                        if (!v.isNull(i)) {
                            sum += TableOps.longAt(v, i);
                        }
                        b.appendLong(bc, sum);
                    }
                }
            }
            return b.build();
        }
    }

    /**
     * {@code elapsed}: drops the first row and adds an int column {@code columnName} holding the time since the
     * previous row in {@code unit}s (computed in floating point and truncated, as Flux does); null when either
     * time is null.
     */
    static FluxTable elapsed(TableContext ctx, FluxTable t, double unit, String timeColumn, String columnName,
                             Span span) {
        int tc = t.columnIndex(timeColumn);
        if (tc < 0) {
            throw TableOps.error("column \"" + timeColumn + "\" does not exist", span);
        }
        if (t.column(tc).type() != ColumnType.TIME) {
            throw TableOps.error("elapsed: column " + timeColumn + " is not a time column", span);
        }
        int n = t.rowCount();
        int rows = Math.max(0, n - 1);
        try (TableBuilder b = new TableBuilder(ctx.allocator(), t.key())) {
            for (int c = 0; c < t.columnCount(); c++) {
                if (t.column(c).label().equals(columnName)) {
                    continue;
                }
                int bc = b.addColumn(t.column(c));
                TableOps.copyRange(b, bc, t, c, Math.min(1, n), rows);
            }
            int ec = b.addColumn(new ColumnMeta(columnName, ColumnType.INT));
            FieldVector times = t.vector(tc);
            int off = t.offset();
            for (int r = 1; r < n; r++) {
                int i = off + r;
                if (times.isNull(i) || times.isNull(i - 1)) {
                    b.appendNull(ec);
                } else {
                    double cur = TableOps.longAt(times, i);
                    double prev = TableOps.longAt(times, i - 1);
                    b.appendLong(ec, (long) ((cur - prev) / unit));
                }
            }
            return b.build();
        }
    }
}
