package io.jflux.stdlib.universe;

import io.jflux.syntax.Span;
import io.jflux.table.ColumnMeta;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import io.jflux.table.GroupKey;
import io.jflux.table.RecentShapes;
import io.jflux.table.TableBatcher;
import io.jflux.table.TableBuilder;
import io.jflux.table.Validity;
import io.jflux.table.ValueSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * Aggregates that turn each table into one row: the group key columns (in key order, holding the key's values)
 * followed by the aggregated column, under the same label. Every other column is dropped. Each aggregate loops
 * over one Arrow vector; nulls are skipped except by {@code count}, which counts rows.
 */
final class SimpleAggregates {

    private SimpleAggregates() {}

    /** One aggregate: the type of its result for an input type (null when unsupported) and its computation. */
    interface Agg {
        ColumnType resultType(ColumnType input);

        /**
         * Appends the aggregate of cells {@code [from, from + n)} of {@code v} (of type {@code type}) to column
         * {@code out} of {@code b}, or a null when it has none.
         */
        void compute(FieldVector v, ColumnType type, int from, int n, ValueSink out);
    }

    /**
     * What an aggregate needs of a table's schema: where the aggregated column is, whether it is in the key, and
     * the output's columns. Tables of one batch, and a source's batches of one schema, share their column lists,
     * so the schemas met last are kept (compared as list objects, the last one used first): one aggregate over a
     * million small tables works this out a few times, not a million, even when the tables alternate between a
     * few schemas (a histogram's buckets and its sum and count).
     */
    static final class Shapes {
        private record Shape(int index, boolean inKey, ColumnType in, ColumnType type, List<ColumnMeta> output) {}

        private final RecentShapes<Shape> kept = new RecentShapes<>(4);

        private Shape of(FluxTable t, GroupKey key, String column, Agg agg) {
            Shape known = kept.get(t.columns(), key.columns());
            if (known != null) {
                return known;
            }
            int index = t.columnIndex(column);
            ColumnType in = index < 0 ? null : t.column(index).type();
            ColumnType type = in == null ? null : agg.resultType(in);
            return kept.put(t.columns(), key.columns(), new Shape(index, key.has(column), in, type,
                    type == null ? null : OutputColumns.of(key.columns(), column, type)));
        }
    }

    /**
     * Aggregates column {@code column} of {@code t} into a one-row table with the same group key, written to
     * {@code out} (one-row tables share batches); {@code shapes} is the stream's, kept from table to table.
     */
    static void aggregate(FluxTable t, String column, Agg agg, Span span, TableBatcher out, Shapes shapes) {
        GroupKey key = t.key();
        Shapes.Shape shape = shapes.of(t, key, column, agg);
        int idx = shape.index();
        if (idx < 0) {
            throw TableOps.error("column \"" + column + "\" does not exist", span);
        }
        if (shape.inKey()) {
            throw TableOps.error("cannot aggregate columns that are part of the group key", span);
        }
        ColumnType in = shape.in();
        ColumnType type = shape.type();
        if (type == null) {
            throw TableOps.error("unsupported aggregate column type " + in.fluxName(), span);
        }
        List<ColumnMeta> columns = shape.output();
        // the key cells are those of the table's first row: the result looks at them where they are
        TableBatcher.KeyRow row = out.keyRow(t, columns, type);
        if (row != null) {
            agg.compute(t.vector(idx), in, t.offset(), t.rowCount(), row);
            out.endKeyRow();
            return;
        }
        TableBuilder b = out.startTable(key, columns);
        b.appendKeyValues(0, t);
        agg.compute(t.vector(idx), in, t.offset(), t.rowCount(), new Appender(b, key.size()));
        out.endTable();
    }

    /** Appends a value to one column of a builder. */
    private record Appender(TableBuilder b, int col) implements ValueSink {
        @Override
        public void setLong(long value) {
            b.appendLong(col, value);
        }

        @Override
        public void setDouble(double value) {
            b.appendDouble(col, value);
        }

        @Override
        public void setNull() {
            b.appendNull(col);
        }
    }

    /** The number of rows, nulls included; any column type. */
    static final Agg COUNT = new Agg() {
        @Override
        public ColumnType resultType(ColumnType input) {
            return ColumnType.INT;
        }

        @Override
        public void compute(FieldVector v, ColumnType type, int from, int n, ValueSink out) {
            out.setLong(n);
        }
    };

    /** The sum of the non-null values: int stays int (wrapping), uint stays uint, float stays float. */
    static final Agg SUM = new Agg() {
        @Override
        public ColumnType resultType(ColumnType input) {
            return TableOps.numeric(input) ? input : null;
        }

        @Override
        public void compute(FieldVector v, ColumnType type, int from, int n, ValueSink out) {
            int end = from + n;
            boolean dense = !Validity.anyNull(v, from, n);
            boolean any = dense && n > 0;
            ArrowBuf data = v.getDataBuffer();
            if (type == ColumnType.FLOAT) {
                double sum = 0;
                if (dense) {
                    for (int i = from; i < end; i++) {
                        sum += data.getDouble((long) i * 8);
                    }
                } else {
                    for (int i = from; i < end; i++) {
                        if (!v.isNull(i)) {
                            sum += data.getDouble((long) i * 8);
                            any = true;
                        }
                    }
                }
                if (any) {
                    out.setDouble(sum);
                } else {
                    out.setNull();
                }
                return;
            }
            long sum = 0;
            if (dense) {
                for (int i = from; i < end; i++) {
                    sum += data.getLong((long) i * 8);
                }
            } else {
                for (int i = from; i < end; i++) {
                    if (!v.isNull(i)) {
                        sum += data.getLong((long) i * 8);
                        any = true;
                    }
                }
            }
            if (any) {
                out.setLong(sum);
            } else {
                out.setNull();
            }
        }
    };

    /** The mean of the non-null values as a float; null when there are none. */
    static final Agg MEAN = new Agg() {
        @Override
        public ColumnType resultType(ColumnType input) {
            return TableOps.numeric(input) ? ColumnType.FLOAT : null;
        }

        @Override
        public void compute(FieldVector v, ColumnType type, int from, int n, ValueSink out) {
            int end = from + n;
            long count = 0;
            double sum = 0;
            if (type == ColumnType.FLOAT && !Validity.anyNull(v, from, n)) {
                ArrowBuf data = v.getDataBuffer();
                for (int i = from; i < end; i++) {
                    sum += data.getDouble((long) i * 8);
                }
                count = n;
            } else {
                for (int i = from; i < end; i++) {
                    if (!v.isNull(i)) {
                        sum += asDouble(v, type, i);
                        count++;
                    }
                }
            }
            if (count == 0) {
                out.setNull();
            } else {
                out.setDouble(sum / count);
            }
        }
    };

    /** The difference between the largest and smallest non-null values, in the column's type. */
    static final Agg SPREAD = new Agg() {
        @Override
        public ColumnType resultType(ColumnType input) {
            return TableOps.numeric(input) ? input : null;
        }

        @Override
        public void compute(FieldVector v, ColumnType type, int from, int n, ValueSink out) {
            int end = from + n;
            boolean set = false;
            if (type == ColumnType.FLOAT) {
                double min = 0;
                double max = 0;
                for (int i = from; i < end; i++) {
                    if (!v.isNull(i)) {
                        double x = TableOps.doubleAt(v, i);
                        if (!set || x < min) {
                            min = x;
                        }
                        if (!set || x > max) {
                            max = x;
                        }
                        set = true;
                    }
                }
                if (set) {
                    out.setDouble(max - min);
                } else {
                    out.setNull();
                }
                return;
            }
            boolean unsigned = type == ColumnType.UINT;
            long min = 0;
            long max = 0;
            for (int i = from; i < end; i++) {
                if (!v.isNull(i)) {
                    long x = TableOps.longAt(v, i);
                    if (!set || (unsigned ? Long.compareUnsigned(x, min) < 0 : x < min)) {
                        min = x;
                    }
                    if (!set || (unsigned ? Long.compareUnsigned(x, max) > 0 : x > max)) {
                        max = x;
                    }
                    set = true;
                }
            }
            if (set) {
                out.setLong(max - min);
            } else {
                out.setNull();
            }
        }
    };

    /**
     * The standard deviation of the non-null values (Welford's running algorithm, as Flux computes it): null when
     * there are none; NaN for a single value in sample mode.
     */
    static Agg stddev(boolean population) {
        return new Agg() {
            @Override
            public ColumnType resultType(ColumnType input) {
                return TableOps.numeric(input) ? ColumnType.FLOAT : null;
            }

            @Override
            public void compute(FieldVector v, ColumnType type, int from, int n, ValueSink out) {
                int end = from + n;
                double count = 0;
                double mean = 0;
                double m2 = 0;
                for (int i = from; i < end; i++) {
                    if (!v.isNull(i)) {
                        double x = asDouble(v, type, i);
                        count++;
                        double delta = x - mean;
                        mean += delta / count;
                        m2 += delta * (x - mean);
                    }
                }
                if (count == 0) {
                    out.setNull();
                    return;
                }
                double d = population ? count : count - 1;
                out.setDouble(d < 1 ? Double.NaN : Math.sqrt(m2 / d));
            }
        };
    }

    /** The t-digest estimate of quantile {@code q} of the non-null float values. */
    static Agg tdigest(double q, double compression) {
        return new Agg() {
            @Override
            public ColumnType resultType(ColumnType input) {
                return input == ColumnType.FLOAT ? ColumnType.FLOAT : null;
            }

            @Override
            public void compute(FieldVector v, ColumnType type, int from, int n, ValueSink out) {
                TDigest digest = new TDigest(compression);
                int end = from + n;
                boolean any = false;
                for (int i = from; i < end; i++) {
                    if (!v.isNull(i)) {
                        digest.add(TableOps.doubleAt(v, i));
                        any = true;
                    }
                }
                if (any) {
                    out.setDouble(digest.quantile(q));
                } else {
                    out.setNull();
                }
            }
        };
    }

    /**
     * The exact quantile {@code q} of the non-null float values: sorted, then interpolated linearly between the
     * two values around position {@code q * (n - 1)}.
     */
    static Agg exactMean(double q) {
        return new Agg() {
            @Override
            public ColumnType resultType(ColumnType input) {
                return input == ColumnType.FLOAT ? ColumnType.FLOAT : null;
            }

            @Override
            public void compute(FieldVector v, ColumnType type, int from, int n, ValueSink out) {
                double[] data = new double[n];
                int m = 0;
                int end = from + n;
                for (int i = from; i < end; i++) {
                    if (!v.isNull(i)) {
                        data[m++] = TableOps.doubleAt(v, i);
                    }
                }
                if (m == 0) {
                    out.setNull();
                    return;
                }
                sortLikeGo(data, m);
                double x = q * (m - 1);
                double x0 = Math.floor(x);
                double x1 = Math.ceil(x);
                if (x0 == x1) {
                    out.setDouble(data[(int) x0]);
                    return;
                }
                double y0 = data[(int) x0];
                double y1 = data[(int) x1];
                out.setDouble(y0 * (x1 - x) + y1 * (x - x0));
            }
        };
    }

    /** Sorts ascending with NaNs first, the order Go's sort.Float64s gives. */
    static void sortLikeGo(double[] data, int m) {
        Arrays.sort(data, 0, m);
        int nans = 0;
        while (nans < m && Double.isNaN(data[m - 1 - nans])) {
            nans++;
        }
        if (nans > 0) {
            System.arraycopy(data, 0, data, nans, m - nans);
            Arrays.fill(data, 0, nans, Double.NaN);
        }
    }

    private static double asDouble(FieldVector v, ColumnType type, int i) {
        switch (type) {
            case FLOAT: return TableOps.doubleAt(v, i);
            case UINT: return unsignedToDouble(TableOps.longAt(v, i));
            default: return TableOps.longAt(v, i);
        }
    }

    /** The float nearest to an unsigned 64-bit value. */
    static double unsignedToDouble(long bits) {
        if (bits >= 0) {
            return bits;
        }
        // Halve with the lost bit kept as a sticky bit, so the conversion rounds as a direct one would.
        return (double) ((bits >>> 1) | (bits & 1)) * 2.0;
    }
}
