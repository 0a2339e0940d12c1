package io.jflux.stdlib.universe.rows;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.eval.Arguments;
import io.jflux.eval.DurationValue;
import io.jflux.eval.Durations;
import io.jflux.eval.Interpreter;
import io.jflux.eval.TimeValue;
import io.jflux.eval.Value;
import io.jflux.stdlib.Streams;
import io.jflux.table.ColumnMeta;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import io.jflux.table.GroupKey;
import io.jflux.table.KeySet;
import io.jflux.table.StreamValue;
import io.jflux.syntax.Span;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/** {@code timeShift} and {@code truncateTimeColumn}: time columns moved or truncated, column at a time. */
public final class TimeOps {

    private TimeOps() {}

    /**
     * {@code timeShift(duration:, columns:)}: adds {@code duration} (months first, as {@code date.add} does) to
     * the listed time columns the table has (default {@code _start}, {@code _stop}, {@code _time}), in the rows
     * and in the group key. Nulls stay null.
     */
    public static Value timeShift(Arguments a, Interpreter in) {
        StreamValue input = Streams.stream(a, "tables");
        DurationValue d = a.duration("duration");
        List<String> columns = a.has("columns") ? Group.strings(a, "columns") : List.of("_start", "_stop", "_time");
        Span span = a.spanOf("duration");
        LongUnaryOperator shift = t -> Durations.addTo(t, d, span);
        return new StreamValue(ctx -> {
            KeySet seen = new KeySet();
            return RowStreams.flatMap(input.open(ctx), t -> {
                try {
                    List<ColumnMeta> kc = t.key().columns();
                    List<Value> kv = new ArrayList<>(t.key().values());
                    for (int j = 0; j < kc.size(); j++) {
                        if (columns.contains(kc.get(j).label())) {
                            if (kc.get(j).type() != ColumnType.TIME) {
                                throw new FluxException(ErrorCode.INVALID, "column \"" + kc.get(j).label()
                                        + "\" is not of type time");
                            }
                            if (kv.get(j) instanceof TimeValue tv) {
                                kv.set(j, new TimeValue(shift.applyAsLong(tv.nanos())));
                            }
                        }
                    }
                    GroupKey key = new GroupKey(kc, kv);
                    if (!seen.add(key)) {
                        throw new FluxException(ErrorCode.INVALID, "shift found duplicate table with key: " + t.key());
                    }
                    List<Object> sources = new ArrayList<>();
                    try {
                        for (int c = 0; c < t.columnCount(); c++) {
                            if (columns.contains(t.column(c).label())) {
                                if (t.column(c).type() != ColumnType.TIME) {
                                    throw new FluxException(ErrorCode.INVALID, "column \"" + t.column(c).label()
                                            + "\" is not of type time");
                                }
                                sources.add(mapTimes(t, c, shift, ctx.allocator()));
                            } else {
                                sources.add(c);
                            }
                        }
                    } catch (RuntimeException e) {
                        TableViews.release(sources);
                        throw e;
                    }
                    return List.of(TableViews.splice(t, key, t.columns(), sources, ctx.allocator()));
                } catch (FluxException e) {
                    throw e.at(a.callSite());
                }
            });
        });
    }

    /** Column {@code col} of {@code t} (times) with {@code fn} applied to each non-null value. */
    static FieldVector mapTimes(FluxTable t, int col, LongUnaryOperator fn, BufferAllocator allocator) {
        int n = t.rowCount();
        BigIntVector out = new BigIntVector(t.column(col).label(), allocator);
        try {
            out.allocateNew(Math.max(n, 1));
            FieldVector src = t.vector(col);
            ArrowBuf validity = src.getValidityBuffer();
            ArrowBuf data = src.getDataBuffer();
            int off = t.offset();
            for (int r = 0; r < n; r++) {
                int idx = off + r;
                if (BitVectorHelper.get(validity, idx) != 0) {
                    out.set(r, fn.applyAsLong(data.getLong((long) idx << 3)));
                }
            }
            out.setValueCount(n);
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }

    /**
     * {@code truncateTimeColumn(unit:)}: {@code _time} truncated to a multiple of {@code unit} since the Unix
     * epoch (so weeks start on Thursdays), or to the start of a month or year for units in months. Flux defines
     * it as {@code map(fn: (r) => ({r with _time: date.truncate(t: r._time, unit)}))}, so it has map's
     * output: columns in label order, and rows regrouped when {@code _time} is in the key. As in Flux,
     * {@code timeColumn} is accepted but has no effect.
     */
    public static Value truncateTimeColumn(Arguments a, Interpreter in) {
        StreamValue input = Streams.stream(a, "tables");
        DurationValue unit = a.duration("unit");
        if ((unit.months() != 0 && unit.nanos() != 0) || unit.isNegative() || unit.isZero()) {
            throw a.error("truncateTimeColumn: unit must be a positive duration of months or of smaller units, got "
                    + Durations.format(unit), a.spanOf("unit"));
        }
        LongUnaryOperator truncate = t -> truncate(t, unit);
        return new StreamValue(ctx -> RowStreams.flatMap(input.open(ctx), t -> {
            try {
                if (t.rowCount() == 0) {
                    return List.of();
                }
                int time = t.columnIndex("_time");
                if (time < 0 || t.column(time).type() != ColumnType.TIME) {
                    throw new FluxException(ErrorCode.INVALID, "truncateTimeColumn: the table has no _time column of"
                            + " type time");
                }
                List<String> labels = new ArrayList<>();
                for (ColumnMeta c : t.columns()) {
                    labels.add(c.label());
                }
                labels.sort(io.jflux.eval.Operators::compareUtf8);
                List<ColumnMeta> metas = new ArrayList<>();
                List<Object> sources = new ArrayList<>();
                try {
                    for (String label : labels) {
                        int c = t.columnIndex(label);
                        metas.add(t.column(c));
                        sources.add(c == time ? mapTimes(t, c, truncate, ctx.allocator()) : c);
                    }
                } catch (RuntimeException e) {
                    TableViews.release(sources);
                    throw e;
                }
                FluxTable out = TableViews.splice(t, t.key(), metas, sources, ctx.allocator());
                return MapRows.regroup(out, t.key(), ctx.allocator());
            } catch (FluxException e) {
                throw e.at(a.callSite());
            }
        }));
    }

    /** {@code t} truncated down to a whole number of {@code unit}s since the epoch (months: calendar months). */
    static long truncate(long t, DurationValue unit) {
        if (unit.months() != 0) {
            long secs = Math.floorDiv(t, Durations.S);
            LocalDateTime dt = LocalDateTime.ofEpochSecond(secs, 0, ZoneOffset.UTC);
            long months = dt.getYear() * 12L + dt.getMonthValue() - 1;
            months -= Math.floorMod(months, unit.months());
            LocalDate first = LocalDate.of((int) Math.floorDiv(months, 12), (int) Math.floorMod(months, 12) + 1, 1);
            return first.toEpochDay() * Durations.D;
        }
        return t - Math.floorMod(t, unit.nanos());
    }
}
