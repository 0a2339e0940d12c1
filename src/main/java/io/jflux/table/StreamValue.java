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

    public StreamValue(Function<TableContext, TableStream> plan) {
        this(plan, null);
    }

    private StreamValue(Function<TableContext, TableStream> plan, String yieldName) {
        this.plan = plan;
        this.yieldName = yieldName;
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
        return new StreamValue(plan, name);
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
        }, yieldName);
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
