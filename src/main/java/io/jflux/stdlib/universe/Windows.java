package io.jflux.stdlib.universe;

import io.jflux.eval.DurationValue;
import io.jflux.eval.Durations;
import io.jflux.eval.TimeValue;
import io.jflux.eval.Value;
import io.jflux.syntax.Span;
import io.jflux.table.ColumnMeta;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import io.jflux.table.GroupKey;
import io.jflux.table.TableBatcher;
import io.jflux.table.TableBuilder;
import io.jflux.table.TableContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code window}: puts each row into the tables of the time windows its time falls in. Windows are aligned to the
 * Unix epoch (shifted by {@code offset}): a window ends at each multiple of {@code every} (calendar months when
 * {@code every} is in months) and starts {@code period} before its end. Window bounds are clipped to the bounds
 * of the data, which Flux takes from {@code range}: here, for the tables that differ only in their start and stop
 * columns, the earliest start and latest stop found there. The window's bounds go into the start and stop columns,
 * which join the group key. {@code every: inf} puts every row in one window covering those bounds.
 *
 * <p>Tables are materialized: output tables are merged by group key and come out sorted by it, as Flux's engine
 * gives them. The output tables are slices of shared batches ({@link TableBatcher}): a window per series of a
 * large scrape is hundreds of thousands of small tables, which would each hold vectors of their own.
 */
final class Windows {

    /** The earliest and latest times Flux's engine knows. */
    static final long MIN_TIME = Long.MIN_VALUE;
    static final long MAX_TIME = Long.MAX_VALUE;

    /** The value of {@code inf}: the largest duration. */
    static final DurationValue INF = DurationValue.ofNanos(Long.MAX_VALUE);

    private Windows() {}

    /** Parameters of {@code window}, checked. */
    record Spec(DurationValue every, DurationValue period, DurationValue offset, String timeColumn,
                String startColumn, String stopColumn, boolean createEmpty) {

        boolean infinite() {
            return every.equals(INF);
        }
    }

    /** Checks and completes the parameters as Flux does (a zero {@code every} or {@code period} takes the other). */
    static Spec spec(DurationValue every, DurationValue period, DurationValue offset, String timeColumn,
                     String startColumn, String stopColumn, boolean createEmpty, Span span) {
        if (every.isZero() && period.isZero()) {
            throw TableOps.error("window function requires at least one of \"every\" or \"period\" to be set", span);
        }
        if (every.isZero()) {
            every = period;
        }
        if (period.isZero()) {
            period = every;
        }
        if (every.months() != 0 && every.nanos() != 0) {
            throw TableOps.error("duration used as an interval cannot mix month and nanosecond units", span);
        }
        if (every.isNegative()) {
            throw TableOps.error("duration used as an interval cannot be negative", span);
        }
        return new Spec(every, period, normalize(offset, every), timeColumn, startColumn, stopColumn, createEmpty);
    }

    /** The smallest non-negative offset equivalent to {@code offset} for windows of {@code every}. */
    private static DurationValue normalize(DurationValue offset, DurationValue every) {
        if (every.months() != 0 && offset.nanos() == 0) {
            return new DurationValue(Math.floorMod(offset.months(), every.months()), 0);
        }
        if (every.months() == 0 && offset.months() == 0 && every.nanos() != Long.MAX_VALUE) {
            return DurationValue.ofNanos(Math.floorMod(offset.nanos(), every.nanos()));
        }
        return offset;
    }

    /**
     * Rows of one input table bound for one output table: {@code rows[0, n)}, or when {@code rows} is null the
     * {@code n} rows from {@code from} (a window of rows in time order).
     */
    private record Piece(FluxTable src, int[] rows, int from, int n, long start, long stop, int[] outCols) {}

    /**
     * An output table being gathered: its columns and the pieces that fill it. Usually one piece of one schema:
     * the columns are then that schema's list, shared, and the pieces list is made only for a second piece.
     */
    private static final class Out {
        final GroupKey key;
        List<ColumnMeta> columns = List.of();
        /** Whether {@link #columns} is this table's own list (more than one schema met), which may grow. */
        boolean ownColumns;
        Piece first;
        List<Piece> more;

        Out(GroupKey key) {
            this.key = key;
        }

        void add(Piece p) {
            if (first == null) {
                first = p;
                return;
            }
            if (more == null) {
                more = new ArrayList<>(4);
            }
            more.add(p);
        }

        List<Piece> pieces() {
            if (more == null) {
                return List.of(first);
            }
            List<Piece> all = new ArrayList<>(more.size() + 1);
            all.add(first);
            all.addAll(more);
            return all;
        }
    }

    /** A growable list of row indexes. */
    private static final class Rows {
        int[] rows = new int[8];
        int n;

        void add(int r) {
            if (n == rows.length) {
                rows = Arrays.copyOf(rows, n * 2);
            }
            rows[n++] = r;
        }

        /** The piece of these rows of {@code t}: a range when they follow one another, else their indexes. */
        Piece piece(FluxTable t, long start, long stop, int[] outCols) {
            boolean contiguous = true;
            for (int k = 1; k < n && contiguous; k++) {
                contiguous = rows[k] == rows[0] + k;
            }
            if (contiguous) {
                return new Piece(t, null, n == 0 ? 0 : rows[0], n, start, stop, outCols);
            }
            return new Piece(t, Arrays.copyOf(rows, n), 0, n, start, stop, outCols);
        }
    }

    /**
     * What {@link #windowTable} works out once per input schema: the output columns (the input's, then the start
     * and stop columns if new), where the start, stop and time columns are, and the output columns' positions in
     * themselves (an output table of one input schema only).
     */
    private record Shape(List<ColumnMeta> columns, int startIdx, int stopIdx, int timeIdx, int[] identity) {}

    /**
     * The tables of {@code inputs} put in windows. {@code planBounds}, when not null, are the data's bounds as the
     * nearest {@code range} upstream set them ({start, stop}): as in Flux, {@code every: inf} puts every row in that
     * one window. Otherwise, and for other windows, the bounds are those of the tables' start and stop columns.
     */
    static List<FluxTable> window(TableContext ctx, List<FluxTable> inputs, Spec spec, long[] planBounds, Span span) {
        Map<List<ColumnMeta>, Shape> shapes = new java.util.IdentityHashMap<>();
        io.jflux.table.RecentShapes<KeyColumns> keyShapes = new io.jflux.table.RecentShapes<>(4);
        Map<GroupKey, long[]> bounds = new HashMap<>();
        GroupKey[] baseKeys = new GroupKey[inputs.size()];
        for (int i = 0; i < baseKeys.length; i++) {
            FluxTable t = inputs.get(i);
            long[] tb = tableBounds(t, spec);
            if (tb != null) {
                baseKeys[i] = baseKey(t.key(), spec);
                bounds.merge(baseKeys[i], tb, (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            }
        }
        Map<GroupKey, Out> outs = new LinkedHashMap<>();
        for (int i = 0; i < baseKeys.length; i++) {
            FluxTable t = inputs.get(i);
            long[] b = spec.infinite() && planBounds != null ? planBounds
                    : baseKeys[i] == null ? null : bounds.get(baseKeys[i]);
            Shape shape = shapes.get(t.columns());
            if (shape == null) {
                shape = shape(t, spec, span);
                shapes.put(t.columns(), shape);
            }
            windowTable(t, shape, spec, b, outs, keyShapes);
        }
        List<Out> sorted = new ArrayList<>(outs.values());
        outs = null;
        sorted.sort((x, y) -> x.key.compareTo(y.key));
        List<FluxTable> result = new ArrayList<>(sorted.size());
        // one list object per schema: the batcher finds a schema's open batch by it
        Map<List<ColumnMeta>, List<ColumnMeta>> schemas = new HashMap<>();
        try (TableBatcher batcher = new TableBatcher(ctx.allocator(), TableBatcher.DEFAULT_MAX_ROWS,
                TableBatcher.DEFAULT_MAX_BYTES, 8)) {
            for (Out o : sorted) {
                List<ColumnMeta> columns = schemas.computeIfAbsent(o.columns, List::copyOf);
                build(batcher.startTable(o.key, columns), o);
                batcher.endTable();
                FluxTable t;
                while ((t = batcher.poll()) != null) {
                    result.add(t);
                }
            }
            batcher.flush();
            FluxTable t;
            while ((t = batcher.poll()) != null) {
                result.add(t);
            }
        } catch (RuntimeException e) {
            for (FluxTable t : result) {
                t.close();
            }
            throw e;
        }
        return result;
    }

    /** The {@link Shape} of {@code t}'s schema; an error when its time, start or stop column will not do. */
    private static Shape shape(FluxTable t, Spec spec, Span span) {
        int tc = t.columnIndex(spec.timeColumn());
        if (tc < 0) {
            throw TableOps.error("missing time column \"" + spec.timeColumn() + "\"", span);
        }
        if (t.column(tc).type() != ColumnType.TIME) {
            throw TableOps.error("window: column " + spec.timeColumn() + " has type " + t.column(tc).type().fluxName()
                    + ", not time", span);
        }
        List<ColumnMeta> cols = new ArrayList<>(t.columns());
        int startIdx = t.columnIndex(spec.startColumn());
        int stopIdx = t.columnIndex(spec.stopColumn());
        for (int idx : new int[] {startIdx, stopIdx}) {
            if (idx >= 0 && t.column(idx).type() != ColumnType.TIME) {
                throw TableOps.error("window: column " + t.column(idx).label() + " has type "
                        + t.column(idx).type().fluxName() + " and cannot hold window bounds", span);
            }
        }
        if (startIdx < 0) {
            startIdx = cols.size();
            cols.add(new ColumnMeta(spec.startColumn(), ColumnType.TIME));
        }
        if (stopIdx < 0) {
            stopIdx = cols.size();
            cols.add(new ColumnMeta(spec.stopColumn(), ColumnType.TIME));
        }
        int[] identity = new int[cols.size() + 2];
        for (int c = 0; c < cols.size(); c++) {
            identity[c] = c;
        }
        identity[cols.size()] = startIdx;
        identity[cols.size() + 1] = stopIdx;
        return new Shape(List.copyOf(cols), startIdx, stopIdx, tc, identity);
    }

    private static GroupKey baseKey(GroupKey key, Spec spec) {
        int a = key.indexOf(spec.startColumn());
        int b = key.indexOf(spec.stopColumn());
        if (a < 0 || b < 0) {
            return key.without(spec.startColumn()).without(spec.stopColumn());
        }
        // both in the key (after range()): one copy without them
        List<ColumnMeta> columns = key.columns();
        List<Value> values = key.values();
        List<ColumnMeta> kc = new ArrayList<>(columns.size() - 2);
        List<Value> kv = new ArrayList<>(columns.size() - 2);
        for (int i = 0; i < columns.size(); i++) {
            if (i != a && i != b) {
                kc.add(columns.get(i));
                kv.add(values.get(i));
            }
        }
        return new GroupKey(kc, kv);
    }

    /**
     * The bounds of the data in {@code t}: its earliest start and latest stop (key values, or the extremes of the
     * columns when they are not in the key), or null when it has no time-typed start and stop columns.
     */
    private static long[] tableBounds(FluxTable t, Spec spec) {
        int sc = t.columnIndex(spec.startColumn());
        int pc = t.columnIndex(spec.stopColumn());
        if (sc < 0 || pc < 0 || t.column(sc).type() != ColumnType.TIME || t.column(pc).type() != ColumnType.TIME) {
            return null;
        }
        long start = Long.MAX_VALUE;
        long stop = Long.MIN_VALUE;
        boolean any = false;
        FieldVector sv = t.vector(sc);
        FieldVector pv = t.vector(pc);
        Value ks = t.key().value(spec.startColumn());
        Value kp = t.key().value(spec.stopColumn());
        if (ks instanceof TimeValue a && kp instanceof TimeValue b) {
            return new long[] {a.nanos(), b.nanos()};
        }
        for (int i = t.offset(); i < t.offset() + t.rowCount(); i++) {
            if (!sv.isNull(i) && !pv.isNull(i)) {
                start = Math.min(start, TableOps.longAt(sv, i));
                stop = Math.max(stop, TableOps.longAt(pv, i));
                any = true;
            }
        }
        return any ? new long[] {start, stop} : null;
    }

    /** Assigns the rows of {@code t} (of schema {@code shape}) to windows, adding pieces to the output tables. */
    private static void windowTable(FluxTable t, Shape shape, Spec spec, long[] bounds, Map<GroupKey, Out> outs,
            io.jflux.table.RecentShapes<KeyColumns> keyShapes) {
        int tc = shape.timeIdx();
        long lo = bounds == null ? MIN_TIME : bounds[0];
        long hi = bounds == null ? MAX_TIME : bounds[1];
        if (spec.infinite()) {
            // one window, [lo, hi), for every row with a time
            FieldVector times = t.vector(tc);
            int off = t.offset();
            Rows rows = new Rows();
            for (int r = 0; r < t.rowCount(); r++) {
                if (!times.isNull(off + r)) {
                    rows.add(r);
                }
            }
            if (rows.n > 0) {
                addPiece(t, shape, keyColumns(t, shape, spec, keyShapes), lo, hi, rows, outs);
            }
            return;
        }
        Map<Long, Map<Long, Rows>> windows = new LinkedHashMap<>();
        if (spec.createEmpty() && bounds != null) {
            long[] w = earliest(lo, spec);
            while (w[0] < hi) {
                long s = Math.max(w[0], lo);
                long e = Math.min(w[1], hi);
                if (s < e) {
                    windows.computeIfAbsent(s, k -> new LinkedHashMap<>()).computeIfAbsent(e, k -> new Rows());
                }
                w = next(w, spec);
            }
        }
        FieldVector times = t.vector(tc);
        int off = t.offset();
        boolean fixed = spec.every().months() == 0 && spec.period().months() == 0 && spec.offset().months() == 0;
        long everyNs = spec.every().nanos();
        long periodNs = spec.period().nanos();
        long offsetNs = spec.offset().nanos();
        long lastStart = 0;
        long lastStop = 0;
        Rows last = null;
        for (int r = 0; r < t.rowCount(); r++) {
            if (times.isNull(off + r)) {
                continue;
            }
            long time = TableOps.longAt(times, off + r);
            if (fixed) {
                // Windows of nanoseconds: plain arithmetic, nothing allocated per row.
                long shifted = time - offsetNs;
                long stop = shifted - Math.floorMod(shifted, everyNs) + everyNs + offsetNs;
                for (long start = stop - periodNs; start <= time; start += everyNs, stop += everyNs) {
                    if (stop > time && time >= lo && time < hi) {
                        long s = Math.max(start, lo);
                        long e = Math.min(stop, hi);
                        if (s < e) {
                            last = rowsFor(windows, s, e, last, lastStart, lastStop);
                            lastStart = s;
                            lastStop = e;
                            last.add(r);
                        }
                    }
                }
                continue;
            }
            long[] w = earliest(time, spec);
            while (w[0] <= time) {
                if (w[1] > time) {
                    long s = Math.max(w[0], lo);
                    long e = Math.min(w[1], hi);
                    if (s < e && time >= lo && time < hi) {
                        last = rowsFor(windows, s, e, last, lastStart, lastStop);
                        lastStart = s;
                        lastStop = e;
                        last.add(r);
                    }
                }
                w = next(w, spec);
            }
        }
        KeyColumns keyColumns = null;
        for (Map.Entry<Long, Map<Long, Rows>> byStart : windows.entrySet()) {
            for (Map.Entry<Long, Rows> byStop : byStart.getValue().entrySet()) {
                if (keyColumns == null) {
                    keyColumns = keyColumns(t, shape, spec, keyShapes);
                }
                addPiece(t, shape, keyColumns, byStart.getKey(), byStop.getKey(), byStop.getValue(), outs);
            }
        }
    }

    /** The rows {@code rows} of {@code t} in the window {@code [s, e)}: a piece of the output table of that key. */
    private static void addPiece(FluxTable t, Shape shape, KeyColumns keyColumns, long s, long e, Rows rows,
            Map<GroupKey, Out> outs) {
        List<ColumnMeta> cols = shape.columns();
        GroupKey key = windowKey(t, keyColumns, s, e);
        Out out = outs.computeIfAbsent(key, Out::new);
        int[] map;
        if (out.first == null || out.columns == cols) {
            // the first piece of a table, or one of the same schema: its columns are the table's
            out.columns = cols;
            map = shape.identity();
        } else {
            map = columnsOf(out, cols, shape.startIdx(), shape.stopIdx());
        }
        out.add(rows.piece(t, s, e, map));
    }

    /** The output key columns of {@code t}, found again for the last few pairs of schema and key columns. */
    private static KeyColumns keyColumns(FluxTable t, Shape shape, Spec spec,
            io.jflux.table.RecentShapes<KeyColumns> keyShapes) {
        List<ColumnMeta> keyCols = t.key().columns();
        KeyColumns kc = keyShapes.get(shape, keyCols);
        if (kc == null) {
            kc = keyShapes.put(shape, keyCols, windowKeyColumns(t, shape.columns(), spec));
        }
        return kc;
    }

    private static Rows rowsFor(Map<Long, Map<Long, Rows>> windows, long s, long e, Rows last, long lastStart,
                                long lastStop) {
        if (last != null && lastStart == s && lastStop == e) {
            return last;
        }
        return windows.computeIfAbsent(s, k -> new LinkedHashMap<>()).computeIfAbsent(e, k -> new Rows());
    }

    /**
     * For each column of the piece's schema, its index in the output table (added there when new), followed by
     * the indexes in the piece's schema of the start and stop columns.
     */
    private static int[] columnsOf(Out out, List<ColumnMeta> cols, int startIdx, int stopIdx) {
        if (!out.ownColumns) {
            out.columns = new ArrayList<>(out.columns);
            out.ownColumns = true;
        }
        int[] map = new int[cols.size() + 2];
        for (int c = 0; c < cols.size(); c++) {
            ColumnMeta meta = cols.get(c);
            int at = -1;
            for (int o = 0; o < out.columns.size(); o++) {
                if (out.columns.get(o).label().equals(meta.label())) {
                    at = o;
                    break;
                }
            }
            if (at < 0) {
                out.columns.add(meta);
                at = out.columns.size() - 1;
            }
            map[c] = at;
        }
        map[cols.size()] = startIdx;
        map[cols.size() + 1] = stopIdx;
        return map;
    }

    /**
     * The output key's columns (the input's key columns and the start and stop columns, in column order) and where
     * each value comes from: an index in the input's key, or -1 for the start, -2 for the stop.
     */
    private record KeyColumns(List<ColumnMeta> columns, int[] from) {}

    private static KeyColumns windowKeyColumns(FluxTable t, List<ColumnMeta> cols, Spec spec) {
        List<ColumnMeta> kc = new ArrayList<>();
        int[] from = new int[cols.size()];
        GroupKey key = t.key();
        for (ColumnMeta c : cols) {
            int at;
            if (c.label().equals(spec.startColumn())) {
                at = -1;
            } else if (c.label().equals(spec.stopColumn())) {
                at = -2;
            } else {
                at = key.indexOf(c.label());
                if (at < 0) {
                    continue;
                }
            }
            from[kc.size()] = at;
            kc.add(c);
        }
        return new KeyColumns(List.copyOf(kc), Arrays.copyOf(from, kc.size()));
    }

    /** The output key of the window {@code [start, stop)} of {@code t}. */
    private static GroupKey windowKey(FluxTable t, KeyColumns kc, long start, long stop) {
        List<Value> values = t.key().values();
        int[] from = kc.from();
        Value[] kv = new Value[from.length];
        for (int i = 0; i < from.length; i++) {
            int at = from[i];
            kv[i] = at == -1 ? new TimeValue(start) : at == -2 ? new TimeValue(stop) : values.get(at);
        }
        return new GroupKey(kc.columns(), Arrays.asList(kv));
    }

    /**
     * Writes the rows of one output table, piece by piece, to {@code b}, whose columns are {@code out.columns}; a
     * column a piece lacks gets nulls.
     */
    private static void build(TableBuilder b, Out out) {
        int width = out.columns.size();
        for (Piece p : out.pieces()) {
            int nc = p.outCols().length - 2;
            int startIdx = p.outCols()[nc];
            int stopIdx = p.outCols()[nc + 1];
            boolean[] filled = nc == width ? null : new boolean[width];
            for (int c = 0; c < nc; c++) {
                int bc = p.outCols()[c];
                if (filled != null) {
                    filled[bc] = true;
                }
                if (c == startIdx || c == stopIdx) {
                    long v = c == startIdx ? p.start() : p.stop();
                    for (int k = 0; k < p.n(); k++) {
                        b.appendLong(bc, v);
                    }
                } else if (p.rows() == null) {
                    if (p.n() > 0) {
                        TableOps.copyRange(b, bc, p.src(), c, p.from(), p.n());
                    }
                } else {
                    TableOps.gather(b, bc, p.src(), c, p.rows(), p.n());
                }
            }
            for (int o = 0; filled != null && o < width; o++) {
                if (!filled[o]) {
                    for (int k = 0; k < p.n(); k++) {
                        b.appendNull(o);
                    }
                }
            }
        }
    }

    /** The window with the earliest stop after {@code time}: {start, stop}. */
    static long[] earliest(long time, Spec spec) {
        DurationValue every = spec.every();
        DurationValue offset = spec.offset();
        long stop;
        if (every.months() == 0 && offset.months() == 0) {
            long e = every.nanos();
            long shifted = time - offset.nanos();
            stop = shifted - Math.floorMod(shifted, e) + e + offset.nanos();
        } else {
            long shifted = Durations.addTo(time, offset.negate(), Span.NONE);
            long truncated = every.months() == 0 ? shifted - Math.floorMod(shifted, every.nanos())
                    : truncateToMonths(shifted, every.months());
            stop = Durations.addTo(Durations.addTo(truncated, every, Span.NONE), offset, Span.NONE);
        }
        long start = subtract(stop, spec.period());
        return new long[] {start, stop};
    }

    /** The next window: both bounds moved by {@code every}. */
    static long[] next(long[] w, Spec spec) {
        return new long[] {add(w[0], spec.every()), add(w[1], spec.every())};
    }

    private static long add(long time, DurationValue d) {
        if (d.months() == 0) {
            return time + d.nanos();
        }
        return Durations.addTo(time, d, Span.NONE);
    }

    private static long subtract(long time, DurationValue d) {
        if (d.months() == 0) {
            return time - d.nanos();
        }
        return Durations.addTo(time, d.negate(), Span.NONE);
    }

    /** The first instant of the month that starts the {@code months}-long period containing {@code time}. */
    private static long truncateToMonths(long time, long months) {
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(time, Durations.D));
        long total = date.getYear() * 12L + date.getMonthValue() - 1;
        total -= total % months;
        LocalDate first = LocalDate.of((int) (total / 12), (int) (total % 12) + 1, 1);
        return first.atStartOfDay().toEpochSecond(ZoneOffset.UTC) * Durations.S;
    }
}
