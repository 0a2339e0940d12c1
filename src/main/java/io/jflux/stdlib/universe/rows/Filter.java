package io.jflux.stdlib.universe.rows;

import io.jflux.diag.FluxException;
import io.jflux.eval.Arguments;
import io.jflux.eval.FunctionValue;
import io.jflux.eval.Interpreter;
import io.jflux.eval.Value;
import io.jflux.stdlib.Streams;
import io.jflux.stdlib.universe.rowfn.RowFn;
import io.jflux.table.FluxTable;
import io.jflux.table.StreamValue;
import java.util.List;

/**
 * {@code filter(fn:, onEmpty:)}: the rows for which {@code fn} returns true (null and false drop the row).
 * Tables left with no rows are dropped unless {@code onEmpty} is {@code "keep"}. Schema and group key stay.
 */
public final class Filter {

    private Filter() {}

    public static Value filter(Arguments a, Interpreter in) {
        StreamValue input = Streams.stream(a, "tables");
        FunctionValue fn = a.function("fn");
        String onEmpty = a.string("onEmpty", "drop");
        if (!onEmpty.equals("drop") && !onEmpty.equals("keep")) {
            throw a.error("filter: onEmpty must be \"keep\" or \"drop\", got \"" + onEmpty + "\"", a.spanOf("onEmpty"));
        }
        boolean keepEmpty = onEmpty.equals("keep");
        return new StreamValue(ctx -> {
            RowFn rows = new RowFn(fn, ctx.interpreter(), "filter");
            int[][] sel = {new int[0]};
            return RowStreams.flatMap(input.open(ctx), t -> {
                try {
                    if (sel[0].length < t.rowCount()) {
                        sel[0] = new int[Math.max(t.rowCount(), sel[0].length * 2)];
                    }
                    int count = t.rowCount() == 0 ? 0 : rows.selector(t.columns()).select(t, sel[0]);
                    if (count == 0 && !keepEmpty) {
                        return List.of();
                    }
                    FluxTable out = TableViews.take(t, t.key(), sel[0], count, ctx.allocator());
                    return List.of(out);
                } catch (FluxException e) {
                    throw e.at(a.callSite());
                }
            });
        });
    }
}
