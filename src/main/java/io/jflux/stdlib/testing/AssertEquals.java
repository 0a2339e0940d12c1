package io.jflux.stdlib.testing;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.eval.Arguments;
import io.jflux.eval.Value;
import io.jflux.stdlib.Streams;
import io.jflux.syntax.Span;
import io.jflux.table.FluxTable;
import io.jflux.table.StreamValue;
import io.jflux.table.TableStream;
import java.util.List;

/** {@code testing.assertEquals}: got unchanged when it equals want (as diff compares them); an error otherwise. */
final class AssertEquals {

    private AssertEquals() {}

    static Value call(Arguments a) {
        String name = a.string("name");
        StreamValue got = Streams.stream(a, "got");
        StreamValue want = Streams.stream(a, "want");
        Span at = a.callSite();
        return new StreamValue(ctx -> {
            List<FluxTable> w = TableDiff.readAll(want.open(ctx));
            List<FluxTable> g = null;
            try {
                g = TableDiff.readAll(got.open(ctx));
                List<FluxTable> d = TableDiff.diff(ctx.allocator(), w, g, TableDiff.Options.DEFAULT, true, at);
                if (!d.isEmpty()) {
                    String text;
                    try (FluxTable first = d.get(0)) {
                        text = DiffText.render(first);
                    }
                    throw new FluxException(ErrorCode.ABORTED, "testing.assertEquals: test " + name
                            + ": tables not equal\n" + text, at);
                }
                TableStream out = TableStream.of(g);
                g = null;
                return out;
            } finally {
                TableDiff.closeAll(w);
                TableDiff.closeAll(g);
            }
        });
    }
}
