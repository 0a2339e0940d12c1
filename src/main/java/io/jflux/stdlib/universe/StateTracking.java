package io.jflux.stdlib.universe;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.eval.Arguments;
import io.jflux.eval.DurationValue;
import io.jflux.eval.FunctionValue;
import io.jflux.eval.Value;
import io.jflux.stdlib.Streams;
import io.jflux.stdlib.universe.rowfn.RowFn;
import io.jflux.stdlib.universe.rows.RowStreams;
import io.jflux.syntax.Span;
import io.jflux.table.ColumnMeta;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import io.jflux.table.StreamValue;
import io.jflux.table.TableBuilder;
import io.jflux.table.TableContext;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code stateTracking} (under {@code stateCount} and {@code stateDuration}): for each row, whether {@code fn}
 * holds for it, and for how many rows in a row ({@code countColumn}) or how long, in {@code durationUnit}, since
 * the first of them ({@code durationColumn}); -1 in both for a row where it does not hold.
 */
final class StateTracking {

    private StateTracking() {}

    static Value stateTracking(Arguments a) {
        FunctionValue fn = a.function("fn");
        String countColumn = a.has("countColumn") ? a.string("countColumn") : null;
        String durationColumn = a.has("durationColumn") ? a.string("durationColumn") : null;
        DurationValue unit = a.has("durationUnit") ? a.duration("durationUnit") : DurationValue.ofNanos(1_000_000_000L);
        if (unit.months() != 0) {
            throw a.error("stateTracking: durationUnit must be a fixed duration, not months", a.spanOf("durationUnit"));
        }
        String timeColumn = a.string("timeColumn", "_time");
        Span span = a.callSite();
        StreamValue input = Streams.stream(a, "tables");
        return new StreamValue(ctx -> {
            RowFn rows = new RowFn(fn, ctx.interpreter(), "stateTracking");
            int[][] sel = {new int[0]};
            return RowStreams.flatMap(input.open(ctx), t -> {
                try {
                    return List.of(table(ctx, t, rows, sel, countColumn, durationColumn, unit.nanos(),
                            timeColumn, span));
                } catch (FluxException e) {
                    throw e.at(span);
                }
            });
        });
    }

    private static FluxTable table(TableContext ctx, FluxTable t, RowFn rows, int[][] sel, String countColumn,
            String durationColumn, long unit, String timeColumn, Span span) {
        int n = t.rowCount();
        if (sel[0].length < n) {
            sel[0] = new int[Math.max(n, sel[0].length * 2)];
        }
        int selected = n == 0 ? 0 : rows.selector(t.columns()).select(t, sel[0]);
        int tc = -1;
        if (durationColumn != null) {
            tc = t.columnIndex(timeColumn);
            if (tc < 0) {
                throw new FluxException(ErrorCode.INVALID, "no column \"" + timeColumn + "\" exists", span);
            }
        }
        try (TableBuilder b = new TableBuilder(ctx.allocator(), t.key())) {
            for (int c = 0; c < t.columnCount(); c++) {
                int bc = b.addColumn(t.column(c));
                TableOps.copyRange(b, bc, t, c, 0, n);
            }
            int cc = countColumn == null ? -1 : b.addColumn(new ColumnMeta(countColumn, ColumnType.INT));
            int dc = durationColumn == null ? -1 : b.addColumn(new ColumnMeta(durationColumn, ColumnType.INT));
            FieldVector times = tc < 0 ? null : t.vector(tc);
            int off = t.offset();
            long count = 0;
            long duration = 0;
            long start = 0;
            long previous = Long.MIN_VALUE;
            boolean inState = false;
            int next = 0;
            for (int r = 0; r < n; r++) {
                boolean match = next < selected && sel[0][next] == r;
                if (match) {
                    next++;
                }
                if (times != null) {
                    if (times.isNull(off + r)) {
                        throw new FluxException(ErrorCode.INVALID, "got a null timestamp", span);
                    }
                    long time = TableOps.longAt(times, off + r);
                    if (time < previous) {
                        throw new FluxException(ErrorCode.INVALID, "got an out-of-order timestamp", span);
                    }
                    previous = time;
                    if (match && !inState) {
                        start = time;
                        duration = 0;
                    }
                    if (match && unit > 0) {
                        duration = (time - start) / unit;
                    }
                }
                count = match ? (inState ? count + 1 : 1) : -1;
                inState = match;
                if (cc >= 0) {
                    b.appendLong(cc, count);
                }
                if (dc >= 0) {
                    b.appendLong(dc, match ? duration : -1);
                }
            }
            return b.build();
        }
    }
}
