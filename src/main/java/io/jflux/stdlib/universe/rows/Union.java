package io.jflux.stdlib.universe.rows;

import io.jflux.diag.FluxException;
import io.jflux.eval.Arguments;
import io.jflux.eval.ArrayValue;
import io.jflux.eval.Interpreter;
import io.jflux.eval.Value;
import io.jflux.table.StreamValue;
import io.jflux.table.TableStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code union(tables:)}: the tables of two or more streams as one stream. Tables with equal group keys become
 * one table (rows in stream order; columns the union of theirs); tables come out in key order when all inputs
 * end.
 */
public final class Union {

    private Union() {}

    public static Value union(Arguments a, Interpreter in) {
        ArrayValue arr = a.array("tables");
        if (arr.size() < 2) {
            throw a.error("union must have at least two streams as input", a.spanOf("tables"));
        }
        List<StreamValue> inputs = new ArrayList<>();
        for (Value v : arr.elements()) {
            if (!(v instanceof StreamValue s)) {
                throw a.error("union: tables must be streams of tables, found " + v.kind().fluxName(),
                        a.spanOf("tables"));
            }
            inputs.add(s);
        }
        return new StreamValue(ctx -> RowStreams.merging(() -> {
            List<TableStream> open = new ArrayList<>();
            try {
                for (StreamValue s : inputs) {
                    open.add(s.open(ctx));
                }
            } catch (RuntimeException e) {
                for (TableStream s : open) {
                    s.close();
                }
                throw e;
            }
            return open;
        }, ctx.allocator(), (t, merger, emit) -> {
            try {
                merger.add(t.key(), t, null, 0);
            } catch (FluxException e) {
                throw e.at(a.callSite());
            }
        }));
    }
}
