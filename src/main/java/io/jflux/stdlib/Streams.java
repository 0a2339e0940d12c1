package io.jflux.stdlib;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.eval.Arguments;
import io.jflux.eval.Value;
import io.jflux.table.FluxTable;
import io.jflux.table.StreamValue;
import io.jflux.table.TableBatcher;
import io.jflux.table.TableContext;
import io.jflux.table.TableStream;
import java.util.function.BiFunction;

/** Shared plumbing of the builtins that read and make streams of tables. */
public final class Streams {

    private Streams() {}

    /** The stream argument {@code name} (usually the piped {@code tables}). */
    public static StreamValue stream(Arguments args, String name) {
        Value v = args.require(name);
        if (v instanceof StreamValue s) {
            return s;
        }
        throw new FluxException(ErrorCode.INVALID, "argument " + name + " of " + args.function()
                + ": expected a stream of tables but found " + v.kind().fluxName(), args.spanOf(name));
    }

    /**
     * A transformation that turns each input table into one output table (or none, when {@code fn} returns
     * null). {@code fn} must not close its input: the stream does, after {@code fn} returns.
     */
    public static StreamValue perTable(StreamValue input, BiFunction<TableContext, FluxTable, FluxTable> fn) {
        return new StreamValue(ctx -> new PerTable(input.open(ctx), ctx, fn));
    }

    /** What a batched per-table transformation writes for one input table. */
    @FunctionalInterface
    public interface IntoBatch {
        /**
         * Writes the output table(s) of {@code in} to {@code out} ({@link TableBatcher#startTable} ...
         * {@link TableBatcher#endTable}), or nothing. Must not close {@code in}.
         */
        void apply(TableContext ctx, FluxTable in, TableBatcher out);
    }

    /**
     * Like {@link #perTable}, for transformations whose output tables are small (aggregates: one row each): the
     * output tables of consecutive inputs share Arrow batches. Lazy: a {@code next} reads input only until a
     * batch is full (or the input ends).
     */
    public static StreamValue perTableBatched(StreamValue input, IntoBatch fn) {
        return new StreamValue(ctx -> new Batched(input.open(ctx), ctx, fn));
    }

    private static final class Batched implements TableStream {
        private final TableStream upstream;
        private final TableContext ctx;
        private final IntoBatch fn;
        private final TableBatcher batcher;
        private boolean done;
        private RuntimeException failure;

        Batched(TableStream upstream, TableContext ctx, IntoBatch fn) {
            this.upstream = upstream;
            this.ctx = ctx;
            this.fn = fn;
            // several open batches: tables of a few schemas that alternate (a scrape's histogram buckets and their
            // sums) would otherwise seal a batch every few tables
            this.batcher = new TableBatcher(ctx.allocator(), TableBatcher.DEFAULT_MAX_ROWS,
                    TableBatcher.DEFAULT_MAX_BYTES, 8);
        }

        @Override
        public FluxTable next() {
            while (true) {
                FluxTable out = batcher.poll();
                if (out != null) {
                    return out;
                }
                if (failure != null) {
                    RuntimeException e = failure;
                    failure = null;
                    throw e;
                }
                if (done) {
                    return null;
                }
                FluxTable in = upstream.next();
                if (in == null) {
                    done = true;
                    batcher.flush();
                    continue;
                }
                try (FluxTable t = in) {
                    fn.apply(ctx, t, batcher);
                } catch (RuntimeException e) {
                    // the tables before the failing one come out first, as they would without batching
                    batcher.abortTable();
                    batcher.flush();
                    failure = e;
                    done = true;
                }
            }
        }

        @Override
        public void close() {
            try {
                batcher.close();
            } finally {
                upstream.close();
            }
        }
    }

    private static final class PerTable implements TableStream {
        private final TableStream upstream;
        private final TableContext ctx;
        private final BiFunction<TableContext, FluxTable, FluxTable> fn;

        PerTable(TableStream upstream, TableContext ctx, BiFunction<TableContext, FluxTable, FluxTable> fn) {
            this.upstream = upstream;
            this.ctx = ctx;
            this.fn = fn;
        }

        @Override
        public FluxTable next() {
            FluxTable in;
            while ((in = upstream.next()) != null) {
                try (FluxTable t = in) {
                    FluxTable out = fn.apply(ctx, t);
                    if (out != null) {
                        return out;
                    }
                }
            }
            return null;
        }

        @Override
        public void close() {
            upstream.close();
        }
    }
}
