package io.jflux.stdlib.universe.rows;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.eval.Arguments;
import io.jflux.eval.DurationValue;
import io.jflux.eval.Durations;
import io.jflux.eval.FunctionValue;
import io.jflux.eval.IntValue;
import io.jflux.eval.Interpreter;
import io.jflux.eval.TimeValue;
import io.jflux.eval.Value;
import io.jflux.stdlib.Streams;
import io.jflux.table.ColumnMeta;
import io.jflux.table.BatchExtension;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import io.jflux.table.GroupKey;
import io.jflux.table.KeySet;
import io.jflux.table.RecentShapes;
import io.jflux.table.StreamValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code range(start:, stop:)}: the rows whose {@code _time} is in {@code [start, stop)} (rows with a null
 * {@code _time} go). Bounds are times, durations relative to {@code now()}, or ints (Unix seconds); stop
 * defaults to {@code now()}. Tables get {@code _start} and {@code _stop} columns holding the bounds, in front
 * unless they exist, and in the group key: in front of it when the key lacks one of them; when the key has
 * both, their values become the intersection of the key's bounds with the range's. Tables left with no rows
 * are dropped.
 */
public final class Range {

    private Range() {}

    public static Value range(Arguments a, Interpreter in) {
        StreamValue input = Streams.stream(a, "tables");
        long now = now(in);
        long start = bound(a, "start", a.require("start"), now);
        long stop = a.has("stop") ? bound(a, "stop", a.require("stop"), now) : now;
        if (start >= stop) {
            throw a.error("cannot query an empty range");
        }
        // what follows knows the data's time bounds (window() puts every row of every: inf in them): these, within
        // those of a range before
        long[] before = input.bounds();
        long from = before == null ? start : Math.max(start, before[0]);
        long to = before == null ? stop : Math.min(stop, before[1]);
        return new StreamValue(ctx -> {
            KeySet seen = new KeySet();
            BatchExtension bounds = new BatchExtension(2, (i, rows) -> Vectors.constant(ColumnType.TIME,
                    new TimeValue(i == 0 ? start : stop), rows, i == 0 ? "_start" : "_stop", ctx.allocator()));
            RecentShapes<List<ColumnMeta>> prefixed = new RecentShapes<>(4);
            RecentShapes<List<ColumnMeta>> keyColumns = new RecentShapes<>(4);
            return RowStreams.onEnd(RowStreams.flatMap(input.open(ctx), t -> {
                try {
                    GroupKey key = outKey(t.key(), start, stop, keyColumns);
                    if (!seen.add(key)) {
                        throw new FluxException(ErrorCode.INVALID, "range found duplicate table with key: " + t.key());
                    }
                    List<FluxTable> view = viewInFront(t, key, start, stop, bounds, prefixed);
                    if (view != null) {
                        return view;
                    }
                    FluxTable result = apply(t, key, start, stop, ctx.allocator());
                    return result == null ? List.of() : List.of(result);
                } catch (FluxException e) {
                    throw e.at(a.callSite());
                }
            }), bounds::close);
        }).withBounds(from, to);
    }

    private static final ColumnMeta START = new ColumnMeta("_start", ColumnType.TIME);
    private static final ColumnMeta STOP = new ColumnMeta("_stop", ColumnType.TIME);

    /**
     * When {@code t} has neither {@code _start} nor {@code _stop} (in its key or its columns) and the rows in
     * range are one run, a view of them with the bounds' columns in front, no cell copied (none when no row is
     * in range); else null, and the general path makes the table.
     */
    private static List<FluxTable> viewInFront(FluxTable t, GroupKey key, long start, long stop, BatchExtension bounds,
                                         RecentShapes<List<ColumnMeta>> prefixed) {
        int time = t.columnIndex("_time");
        if (time < 0 || t.column(time).type() != ColumnType.TIME || t.columnIndex("_start") >= 0
                || t.columnIndex("_stop") >= 0 || t.key().indexOf("_start") >= 0 || t.key().indexOf("_stop") >= 0) {
            return null;
        }
        int n = t.rowCount();
        FieldVector v = t.vector(time);
        ArrowBuf validity = v.getValidityBuffer();
        ArrowBuf data = v.getDataBuffer();
        int off = t.offset();
        int first = -1;
        int last = -1;
        for (int r = 0; r < n; r++) {
            int idx = off + r;
            if (BitVectorHelper.get(validity, idx) != 0) {
                long ts = data.getLong((long) idx << 3);
                if (ts >= start && ts < stop) {
                    if (first < 0) {
                        first = r;
                    } else if (last != r - 1) {
                        return null; // rows in range with rows out of it between them
                    }
                    last = r;
                }
            }
        }
        if (first < 0) {
            return List.of();
        }
        List<ColumnMeta> columns = withBounds(t.columns(), true, true, prefixed);
        if (first == 0 && last == n - 1) {
            return List.of(bounds.prepend(t, key, columns));
        }
        try (FluxTable kept = t.slice(first, last - first + 1)) {
            return List.of(bounds.prepend(kept, key, columns));
        }
    }

    /** The time {@code now()} gives, honouring {@code option now}. */
    static long now(Interpreter in) {
        Value fn = in.universe().lookup("now");
        if (fn instanceof FunctionValue f) {
            Value v = in.call(f, Map.of(), null);
            if (v instanceof TimeValue t) {
                return t.nanos();
            }
        }
        return in.context().now();
    }

    private static long bound(Arguments a, String name, Value v, long now) {
        if (v instanceof TimeValue t) {
            return t.nanos();
        }
        if (v instanceof DurationValue d) {
            return Durations.addTo(now, d, a.spanOf(name));
        }
        if (v instanceof IntValue i) {
            return Math.multiplyExact(i.value(), 1_000_000_000L);
        }
        throw a.error("argument " + name + " of range: expected a time, a duration or an int (Unix seconds) but found "
                + v.kind().fluxName(), a.spanOf(name));
    }

    /**
     * {@code in} with {@code _start} and {@code _stop} in front (those it lacks), made once per input list (kept for
     * the last few): the tables of one schema then share their output lists, by which what follows knows them.
     */
    private static List<ColumnMeta> withBounds(List<ColumnMeta> in, boolean start, boolean stop,
                                               RecentShapes<List<ColumnMeta>> made) {
        List<ColumnMeta> known = made.get(in, null);
        if (known != null) {
            return known;
        }
        List<ColumnMeta> out = new ArrayList<>(in.size() + 2);
        if (start) {
            out.add(START);
        }
        if (stop) {
            out.add(STOP);
        }
        out.addAll(in);
        return made.put(in, null, List.copyOf(out));
    }

    private static GroupKey outKey(GroupKey in, long start, long stop, RecentShapes<List<ColumnMeta>> keyColumns) {
        int s = in.indexOf("_start");
        int e = in.indexOf("_stop");
        if (s >= 0 && e >= 0) {
            List<Value> values = new ArrayList<>(in.values());
            long from = start;
            long to = stop;
            if (in.values().get(s) instanceof TimeValue ks && in.values().get(e) instanceof TimeValue ke
                    && ks.nanos() < stop && start < ke.nanos()) {
                from = Math.max(start, ks.nanos());
                to = Math.min(stop, ke.nanos());
            }
            values.set(s, new TimeValue(from));
            values.set(e, new TimeValue(to));
            return new GroupKey(in.columns(), values);
        }
        if (s < 0 && e < 0 && in.source() != null) {
            // the input's values are not made yet (a scrape's): neither are the output's
            return GroupKey.lazy(withBounds(in.columns(), true, true, keyColumns), new Bounded(in, start, stop));
        }
        List<Value> values = new ArrayList<>(in.size() + 2);
        if (s < 0) {
            values.add(new TimeValue(start));
        }
        if (e < 0) {
            values.add(new TimeValue(stop));
        }
        values.addAll(in.values());
        return new GroupKey(withBounds(in.columns(), s < 0, e < 0, keyColumns), values);
    }

    /** The values of a key with the bounds in front of those of a lazy key {@code in}, made when asked for. */
    private record Bounded(GroupKey in, long start, long stop) implements GroupKey.Source {
        @Override
        public List<Value> values() {
            List<Value> v = new ArrayList<>(in.size() + 2);
            v.add(new TimeValue(start));
            v.add(new TimeValue(stop));
            v.addAll(in.values());
            return v;
        }

        @Override
        public Value value(int i) {
            return i == 0 ? new TimeValue(start) : i == 1 ? new TimeValue(stop) : in.value(i - 2);
        }

        @Override
        public boolean asciiStrings(byte[][] out) {
            byte[][] inner = new byte[out.length - 2][];
            if (!in.asciiStrings(inner)) {
                return false;
            }
            out[0] = null;
            out[1] = null;
            System.arraycopy(inner, 0, out, 2, inner.length);
            return true;
        }
    }

    private static FluxTable apply(FluxTable t, GroupKey key, long start, long stop,
                                   org.apache.arrow.memory.BufferAllocator allocator) {
        int time = t.columnIndex("_time");
        if (time < 0) {
            throw new FluxException(ErrorCode.INVALID, "range error: supplied time column _time doesn't exist");
        }
        if (t.column(time).type() != ColumnType.TIME) {
            throw new FluxException(ErrorCode.INVALID, "range error: provided time column _time is not of type time");
        }
        for (String bound : new String[] {"_start", "_stop"}) {
            int c = t.columnIndex(bound);
            if (c >= 0 && t.column(c).type() != ColumnType.TIME) {
                throw new FluxException(ErrorCode.INVALID, "range error: provided " + bound.substring(1)
                        + " column " + bound + " is not of type time");
            }
        }
        int n = t.rowCount();
        int[] rows = new int[n];
        int count = 0;
        FieldVector v = t.vector(time);
        ArrowBuf validity = v.getValidityBuffer();
        ArrowBuf data = v.getDataBuffer();
        int off = t.offset();
        for (int r = 0; r < n; r++) {
            int idx = off + r;
            if (BitVectorHelper.get(validity, idx) != 0) {
                long ts = data.getLong((long) idx << 3);
                if (ts >= start && ts < stop) {
                    rows[count++] = r;
                }
            }
        }
        if (count == 0) {
            return null;
        }
        Value startValue = key.value("_start");
        Value stopValue = key.value("_stop");
        try (FluxTable kept = TableViews.take(t, t.key(), rows, count, allocator)) {
            List<ColumnMeta> metas = new ArrayList<>();
            List<Object> sources = new ArrayList<>();
            try {
                if (t.columnIndex("_start") < 0) {
                    metas.add(new ColumnMeta("_start", ColumnType.TIME));
                    sources.add(Vectors.constant(ColumnType.TIME, startValue, count, "_start", allocator));
                }
                if (t.columnIndex("_stop") < 0) {
                    metas.add(new ColumnMeta("_stop", ColumnType.TIME));
                    sources.add(Vectors.constant(ColumnType.TIME, stopValue, count, "_stop", allocator));
                }
                for (int c = 0; c < kept.columnCount(); c++) {
                    String label = kept.column(c).label();
                    metas.add(kept.column(c));
                    if (label.equals("_start") || label.equals("_stop")) {
                        sources.add(Vectors.constant(ColumnType.TIME, label.equals("_start") ? startValue : stopValue,
                                count, label, allocator));
                    } else {
                        sources.add(c);
                    }
                }
            } catch (RuntimeException e) {
                TableViews.release(sources);
                throw e;
            }
            return TableViews.splice(kept, key, metas, sources, allocator);
        }
    }
}
