package io.jflux.stdlib.testing;

import io.jflux.eval.Arguments;
import io.jflux.eval.Value;
import io.jflux.stdlib.Streams;
import io.jflux.syntax.Span;
import io.jflux.table.FluxTable;
import io.jflux.table.StreamValue;
import io.jflux.table.TableStream;
import java.util.List;

/** {@code testing.diff}: the tables of got and want that differ, as diff tables, yielded as errorOutput. */
final class Diff {

    private Diff() {}

    static Value call(Arguments a) {
        StreamValue got = Streams.stream(a, "got");
        StreamValue want = Streams.stream(a, "want");
        TableDiff.Options options = new TableDiff.Options(a.bool("verbose", false),
                a.floating("epsilon", TableDiff.Options.DEFAULT.epsilon()), a.bool("nansEqual", false));
        Span at = a.callSite();
        return new StreamValue(ctx -> {
            List<FluxTable> w = TableDiff.readAll(want.open(ctx));
            try {
                List<FluxTable> g = TableDiff.readAll(got.open(ctx));
                try {
                    return TableStream.of(TableDiff.diff(ctx.allocator(), w, g, options, false, at));
                } finally {
                    TableDiff.closeAll(g);
                }
            } finally {
                TableDiff.closeAll(w);
            }
        }).yielded(TestingPackage.ERROR_OUTPUT);
    }
}
