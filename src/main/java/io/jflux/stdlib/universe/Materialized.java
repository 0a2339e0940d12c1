package io.jflux.stdlib.universe;

import io.jflux.table.FluxTable;
import io.jflux.table.TableContext;
import io.jflux.table.TableStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A stream for transformations whose semantics need the whole input before the first output (window, pivot):
 * on the first {@link #next} it reads every input table, hands them to {@code compute}, and then gives out the
 * tables it returned. Every table read is closed after {@code compute}; on failure, whatever was built is too.
 */
final class Materialized implements TableStream {

    /** Computes the output tables from all input tables; it must not close or keep the inputs. */
    @FunctionalInterface
    interface Computation {
        List<FluxTable> compute(TableContext ctx, List<FluxTable> inputs);
    }

    private final TableStream upstream;
    private final TableContext ctx;
    private final Computation computation;
    private Deque<FluxTable> out;

    Materialized(TableStream upstream, TableContext ctx, Computation computation) {
        this.upstream = upstream;
        this.ctx = ctx;
        this.computation = computation;
    }

    @Override
    public FluxTable next() {
        if (out == null) {
            List<FluxTable> inputs = new ArrayList<>();
            try {
                FluxTable t;
                while ((t = upstream.next()) != null) {
                    inputs.add(t);
                }
                out = new ArrayDeque<>(computation.compute(ctx, inputs));
            } finally {
                for (FluxTable t : inputs) {
                    t.close();
                }
            }
        }
        return out.pollFirst();
    }

    @Override
    public void close() {
        if (out != null) {
            FluxTable t;
            while ((t = out.pollFirst()) != null) {
                t.close();
            }
        }
        upstream.close();
    }
}
