package io.jflux.stdlib.universe;

import io.jflux.eval.Arguments;
import io.jflux.eval.DurationValue;
import io.jflux.eval.Durations;
import io.jflux.eval.Value;
import io.jflux.stdlib.Definitions;
import io.jflux.stdlib.Streams;
import io.jflux.syntax.Span;
import io.jflux.table.FluxTable;
import io.jflux.table.StreamValue;
import io.jflux.table.TableBatcher;
import io.jflux.table.TableBuilder;
import io.jflux.table.TableContext;
import java.util.List;

/**
 * The universe's aggregates, selectors, ordering and windows. Each builtin reads its arguments here (names and
 * optional parameters come from its declaration in {@code universe.flux}) and hands the per-table work to
 * {@link SimpleAggregates}, {@link Selectors}, {@link RowDeltas}, {@link Windows} or {@link Pivot}. Functions
 * Flux writes in Flux ({@code aggregateWindow}, {@code top}, {@code increase}, {@code median}...) are in
 * {@code universe.flux}.
 */
final class Aggregates {

    private Aggregates() {}

    private static final List<String> VALUE = List.of("_value");

    static void define(Definitions defs) {
        defs.function("sort", (a, in) -> sort(a))
            .function("tail", (a, in) -> tail(a))
            .function("first", (a, in) -> selector(a, Selectors.FIRST, null))
            .function("last", (a, in) -> selector(a, Selectors.LAST, null))
            .function("min", (a, in) -> selector(a, Selectors.extreme(false), "min"))
            .function("max", (a, in) -> selector(a, Selectors.extreme(true), "max"))
            .function("count", (a, in) -> aggregate(a, SimpleAggregates.COUNT))
            .function("sum", (a, in) -> aggregate(a, SimpleAggregates.SUM))
            .function("mean", (a, in) -> aggregate(a, SimpleAggregates.MEAN))
            .function("spread", (a, in) -> aggregate(a, SimpleAggregates.SPREAD))
            .function("stddev", (a, in) -> stddev(a))
            .function("quantile", (a, in) -> quantile(a))
            .function("distinct", (a, in) -> distinct(a))
            .function("unique", (a, in) -> unique(a))
            .function("pivot", (a, in) -> pivot(a))
            .value("inf", Windows.INF)
            .function("_window", (a, in) -> window(a))
            .function("_fillEmptyTables", (a, in) -> fillEmpty(a))
            .function("difference", (a, in) -> difference(a))
            .function("movingAverage", (a, in) -> movingAverage(a))
            .function("findRecord", Finds::findRecord)
            .function("stateTracking", (a, in) -> StateTracking.stateTracking(a))
            .function("findColumn", Finds::findColumn)
            .function("histogramQuantile", (a, in) -> Histograms.quantile(a, new Histograms.Spec("histogramQuantile",
                    a.string("countColumn", "_value"), a.string("upperBoundColumn", "le"),
                    a.string("valueColumn", "_value"), a.floating("minValue", 0.0))))
            .function("derivative", (a, in) -> derivative(a))
            .function("cumulativeSum", (a, in) -> cumulativeSum(a))
            .function("elapsed", (a, in) -> elapsed(a));
    }

    /** {@code sort}: a stable sort of each table by the given columns (key columns and missing ones skipped). */
    private static Value sort(Arguments a) {
        List<String> columns = TableOps.strings(a, "columns", VALUE);
        boolean desc = a.bool("desc", false);
        return Streams.perTable(Streams.stream(a, "tables"), (ctx, t) -> {
            int[] cols = columns.stream().filter(c -> !t.key().has(c)).mapToInt(t::columnIndex)
                    .filter(i -> i >= 0).toArray();
            int n = t.rowCount();
            if (cols.length == 0 || n < 2) {
                return t.retain();
            }
            RowOrder.RowComparator cmp = RowOrder.by(t, cols, desc);
            if (RowOrder.sorted(n, cmp)) {
                return t.retain();
            }
            int[] rows = new int[n];
            for (int i = 0; i < n; i++) {
                rows[i] = i;
            }
            RowOrder.sort(rows, n, cmp);
            return TableOps.gatherTable(ctx.allocator(), t, t.key(), rows, n);
        });
    }

    /** {@code tail}: the last {@code n} rows of each table before its last {@code offset} rows (a view). */
    private static Value tail(Arguments a) {
        long n = a.integer("n");
        long offset = a.integer("offset", 0);
        if (n < 0 || offset < 0) {
            throw a.error("tail: n and offset must not be negative");
        }
        return Streams.perTable(Streams.stream(a, "tables"), (ctx, t) -> {
            long end = Math.max(0, t.rowCount() - offset);
            long start = Math.max(0, end - n);
            return t.slice((int) start, (int) (end - start));
        });
    }

    private static Value selector(Arguments a, Selectors.RowPicker picker, String ordered) {
        String column = a.string("column", "_value");
        Span span = a.callSite();
        return Streams.perTable(Streams.stream(a, "tables"), (ctx, t) -> {
            if (ordered != null) {
                Selectors.checkOrdered(t, column, ordered, span);
            }
            return Selectors.select(t, column, picker, span);
        });
    }

    private static Value aggregate(Arguments a, SimpleAggregates.Agg agg) {
        String column = a.string("column", "_value");
        Span span = a.callSite();
        SimpleAggregates.Shapes shapes = new SimpleAggregates.Shapes();
        return Streams.perTableBatched(Streams.stream(a, "tables"),
                (ctx, t, out) -> SimpleAggregates.aggregate(t, column, agg, span, out, shapes));
    }

    /** {@code stddev(mode: "sample" | "population")}. */
    private static Value stddev(Arguments a) {
        String mode = a.string("mode", "sample");
        if (!mode.equals("sample") && !mode.equals("population")) {
            throw a.error("\"" + mode + "\" is not a valid standard deviation mode", a.spanOf("mode"));
        }
        return aggregate(a, SimpleAggregates.stddev(mode.equals("population")));
    }

    /**
     * {@code quantile}: {@code estimate_tdigest} (the default) and {@code exact_mean} aggregate float columns;
     * {@code exact_selector} keeps a row.
     */
    private static Value quantile(Arguments a) {
        double q = a.floating("q");
        if (q < 0 || q > 1) {
            throw a.error("quantile must be between 0 and 1.", a.spanOf("q"));
        }
        String method = a.string("method", "estimate_tdigest");
        double compression = a.floating("compression", 0);
        if (compression > 0 && !method.equals("estimate_tdigest")) {
            throw a.error("compression parameter is only valid for method estimate_tdigest.", a.spanOf("compression"));
        }
        switch (method) {
            case "estimate_tdigest":
                return aggregate(a, SimpleAggregates.tdigest(q, compression == 0 ? 1000 : compression));
            case "exact_mean":
                return aggregate(a, SimpleAggregates.exactMean(q));
            case "exact_selector":
                String column = a.string("column", "_value");
                Span span = a.callSite();
                return Streams.perTable(Streams.stream(a, "tables"),
                        (ctx, t) -> Selectors.exactSelector(ctx, t, column, q, span));
            default:
                throw a.error("unknown method " + method, a.spanOf("method"));
        }
    }

    private static Value distinct(Arguments a) {
        String column = a.string("column", "_value");
        return Streams.perTable(Streams.stream(a, "tables"), (ctx, t) -> Selectors.distinct(ctx, t, column));
    }

    private static Value unique(Arguments a) {
        String column = a.string("column", "_value");
        Span span = a.callSite();
        return Streams.perTable(Streams.stream(a, "tables"), (ctx, t) -> Selectors.unique(ctx, t, column, span));
    }

    private static Value pivot(Arguments a) {
        Pivot.Spec spec = new Pivot.Spec(TableOps.strings(a, "rowKey", List.of()),
                TableOps.strings(a, "columnKey", List.of()), a.string("valueColumn"));
        Span span = a.callSite();
        StreamValue input = Streams.stream(a, "tables");
        return new StreamValue(ctx -> new Materialized(input.open(ctx), ctx,
                (c, tables) -> Pivot.pivot(c, tables, spec, span)));
    }

    /** {@code _window}, which {@code window} (written in Flux) calls with every parameter given. */
    private static Value window(Arguments a) {
        Span span = a.callSite();
        Windows.Spec spec = Windows.spec(a.duration("every"), a.duration("period"), locatedOffset(a, span),
                a.string("timeColumn"), a.string("startColumn"), a.string("stopColumn"), a.bool("createEmpty"),
                span);
        StreamValue input = Streams.stream(a, "tables");
        long[] bounds = input.bounds();
        return new StreamValue(ctx -> new Materialized(input.open(ctx), ctx,
                (c, tables) -> Windows.window(c, tables, spec, bounds, span)));
    }

    /**
     * The windows' offset from UTC's alignment: as Flux aligns windows in the clock of {@code location}, a location
     * {@code offset} ahead of UTC moves every window boundary back by it (a day's window starts at that clock's
     * midnight). A named zone whose offset never changes counts as that fixed offset; one that changes it
     * (daylight saving time) is an error rather than windows misaligned for part of the year.
     */
    private static DurationValue locatedOffset(Arguments a, Span span) {
        DurationValue offset = a.duration("offset");
        io.jflux.eval.RecordValue location = a.record("location");
        Value zone = location.get("zone");
        Value shift = location.get("offset");
        String name = zone instanceof io.jflux.eval.StringValue s ? s.value() : "UTC";
        long nanos = 0;
        if (shift instanceof DurationValue d) {
            if (d.months() != 0) {
                throw TableOps.error("window: the offset of a location must be a fixed duration, not months", span);
            }
            nanos = d.nanos();
        }
        if (!name.isEmpty() && !name.equals("UTC")) {
            java.time.ZoneId id;
            try {
                id = java.time.ZoneId.of(name);
            } catch (java.time.DateTimeException e) {
                throw TableOps.error("window: unknown time zone \"" + name + "\"", span);
            }
            if (!id.getRules().isFixedOffset()) {
                throw TableOps.error("window: time zone \"" + name + "\" changes its offset (daylight saving time),"
                        + " which jflux does not align windows to; use timezone.fixed(offset:)", span);
            }
            nanos += id.getRules().getOffset(java.time.Instant.EPOCH).getTotalSeconds() * 1_000_000_000L;
        }
        return nanos == 0 ? offset : new DurationValue(offset.months(), offset.nanos() - nanos);
    }

    /**
     * {@code _fillEmptyTables}: an empty table becomes one row of its key values and nulls. Those rows share
     * batches (an aggregate of windows made with {@code createEmpty} is mostly such tables); other tables pass as
     * they are.
     */
    private static Value fillEmpty(Arguments a) {
        return Streams.perTableBatched(Streams.stream(a, "tables"), Aggregates::fillEmptyTable);
    }

    private static void fillEmptyTable(TableContext ctx, FluxTable t, TableBatcher out) {
        if (!t.isEmpty()) {
            out.offer(t.retain());
            return;
        }
        TableBuilder b = out.startTable(t.key(), t.columns());
        for (int c = 0; c < t.columnCount(); c++) {
            Value v = t.key().value(t.column(c).label());
            if (v == null) {
                b.appendNull(c);
            } else {
                b.appendValue(c, v);
            }
        }
        out.endTable();
    }

    private static Value movingAverage(Arguments a) {
        long n = a.integer("n");
        Span span = a.callSite();
        if (n <= 0) {
            throw TableOps.error("cannot take moving average with a period of " + n + " (must be greater than 0)",
                    span);
        }
        return Streams.perTable(Streams.stream(a, "tables"), (ctx, t) -> RowDeltas.movingAverage(ctx, t, n, span));
    }

    private static Value difference(Arguments a) {
        RowDeltas.DifferenceSpec spec = new RowDeltas.DifferenceSpec(a.bool("nonNegative", false),
                TableOps.strings(a, "columns", VALUE), a.bool("keepFirst", false), a.bool("initialZero", false));
        Span span = a.callSite();
        return Streams.perTable(Streams.stream(a, "tables"), (ctx, t) -> RowDeltas.difference(ctx, t, spec, span));
    }

    private static Value derivative(Arguments a) {
        RowDeltas.DerivativeSpec spec = new RowDeltas.DerivativeSpec(unit(a), a.bool("nonNegative", false),
                TableOps.strings(a, "columns", VALUE), a.string("timeColumn", "_time"),
                a.bool("initialZero", false));
        Span span = a.callSite();
        return Streams.perTable(Streams.stream(a, "tables"), (ctx, t) -> RowDeltas.derivative(ctx, t, spec, span));
    }

    private static Value cumulativeSum(Arguments a) {
        List<String> columns = TableOps.strings(a, "columns", VALUE);
        return Streams.perTable(Streams.stream(a, "tables"), (ctx, t) -> RowDeltas.cumulativeSum(ctx, t, columns));
    }

    private static Value elapsed(Arguments a) {
        double unit = unit(a);
        String timeColumn = a.string("timeColumn", "_time");
        String columnName = a.string("columnName", "elapsed");
        Span span = a.callSite();
        return Streams.perTable(Streams.stream(a, "tables"),
                (ctx, t) -> RowDeltas.elapsed(ctx, t, unit, timeColumn, columnName, span));
    }

    /** The {@code unit} argument in nanoseconds (default 1s); it must be positive. */
    private static double unit(Arguments a) {
        DurationValue unit = a.has("unit") ? a.duration("unit") : DurationValue.ofNanos(Durations.S);
        long nanos = Durations.approxNanos(unit);
        if (nanos <= 0) {
            throw a.error("unit must be a positive duration, found " + Durations.format(unit), a.spanOf("unit"));
        }
        return nanos;
    }
}
