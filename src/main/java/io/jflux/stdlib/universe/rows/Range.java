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
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import io.jflux.table.GroupKey;
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
        return new StreamValue(ctx -> {
            io.jflux.table.KeySet seen = new io.jflux.table.KeySet();
            return RowStreams.flatMap(input.open(ctx), t -> {
                try {
                    GroupKey key = outKey(t.key(), start, stop);
                    if (!seen.add(key)) {
                        throw new FluxException(ErrorCode.INVALID, "range found duplicate table with key: " + t.key());
                    }
                    FluxTable out = apply(t, key, start, stop, ctx.allocator());
                    return out == null ? List.of() : List.of(out);
                } catch (FluxException e) {
                    throw e.at(a.callSite());
                }
            });
        });
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

    private static GroupKey outKey(GroupKey in, long start, long stop) {
        int s = in.indexOf("_start");
        int e = in.indexOf("_stop");
        List<ColumnMeta> cols = new ArrayList<>();
        List<Value> values = new ArrayList<>();
        if (s >= 0 && e >= 0) {
            cols.addAll(in.columns());
            values.addAll(in.values());
            long from = start;
            long to = stop;
            if (in.values().get(s) instanceof TimeValue ks && in.values().get(e) instanceof TimeValue ke
                    && ks.nanos() < stop && start < ke.nanos()) {
                from = Math.max(start, ks.nanos());
                to = Math.min(stop, ke.nanos());
            }
            values.set(s, new TimeValue(from));
            values.set(e, new TimeValue(to));
            return new GroupKey(cols, values);
        }
        if (s < 0) {
            cols.add(new ColumnMeta("_start", ColumnType.TIME));
            values.add(new TimeValue(start));
        }
        if (e < 0) {
            cols.add(new ColumnMeta("_stop", ColumnType.TIME));
            values.add(new TimeValue(stop));
        }
        cols.addAll(in.columns());
        values.addAll(in.values());
        return new GroupKey(cols, values);
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
