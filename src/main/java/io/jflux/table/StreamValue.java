package io.jflux.table;

import io.jflux.diag.FluxException;
import io.jflux.eval.Kind;
import io.jflux.eval.Located;
import io.jflux.eval.Value;
import io.jflux.syntax.Span;
import java.util.function.Function;

/**
 * A stream of tables as a Flux value: a plan that opens a new {@link TableStream} each time it is read, so one
 * stream value may feed several pipelines (each reads its own copy). {@code yieldName} is set by {@code yield}.
 */
public final class StreamValue implements Value, Located {

    private final Function<TableContext, TableStream> plan;
    private final String yieldName;
    /**
     * The time bounds of the data, {start, stop}, as Flux's planner knows them from the nearest {@code range}
     * upstream ({@link #withBounds}; a builtin's output stream takes its {@code tables} input's); null when none
     * is known.
     */
    private final long[] bounds;

    public StreamValue(Function<TableContext, TableStream> plan) {
        this(plan, null, null);
    }

    private StreamValue(Function<TableContext, TableStream> plan, String yieldName, long[] bounds) {
        this.plan = plan;
        this.yieldName = yieldName;
        this.bounds = bounds;
    }

    /** This stream, its data known to lie in {@code [start, stop)} (what {@code range} tells). */
    public StreamValue withBounds(long start, long stop) {
        return new StreamValue(plan, yieldName, new long[] {start, stop});
    }

    /** The bounds {@link #withBounds} gave, {start, stop}, or null. */
    public long[] bounds() {
        return bounds == null ? null : bounds.clone();
    }

    /** This stream with {@code from}'s bounds when it has none of its own. */
    public StreamValue boundsFrom(StreamValue from) {
        return bounds != null || from.bounds == null ? this : new StreamValue(plan, yieldName, from.bounds);
    }

    /** Opens the stream: the caller owns it and must close it. */
    public TableStream open(TableContext context) {
        return plan.apply(context);
    }

    /** The name given by {@code yield(name:)}, or null. */
    public String yieldName() {
        return yieldName;
    }

    public StreamValue yielded(String name) {
        return new StreamValue(plan, name, bounds);
    }

    /**
     * This stream, with errors that surface while it opens or hands out tables, and that have no position yet,
     * placed at {@code span}: the call of the transformation where they happened.
     */
    @Override
    public StreamValue locatedAt(Span span) {
        Function<TableContext, TableStream> inner = plan;
        return new StreamValue(ctx -> {
            TableStream stream;
            try {
                stream = inner.apply(ctx);
            } catch (FluxException e) {
                throw e.at(span);
            }
            return new TableStream() {
                @Override
                public FluxTable next() {
                    try {
                        return stream.next();
                    } catch (FluxException e) {
                        throw e.at(span);
                    }
                }

                @Override
                public void close() {
                    stream.close();
                }
            };
        }, yieldName, bounds);
    }

    @Override
    public Kind kind() {
        return Kind.STREAM;
    }

    @Override
    public String toString() {
        return "stream of tables" + (yieldName == null ? "" : " (yield " + yieldName + ")");
    }
}
