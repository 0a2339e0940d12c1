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

/** {@code testing.assertEmpty}: its input unchanged, or an error at the first table that has a row. */
final class AssertEmpty {

    private AssertEmpty() {}

    static Value call(Arguments a) {
        StreamValue input = Streams.stream(a, "tables");
        Span at = a.callSite();
        return new StreamValue(ctx -> {
            TableStream upstream = input.open(ctx);
            return new TableStream() {
                @Override
                public FluxTable next() {
                    FluxTable t = upstream.next();
                    if (t != null && !t.isEmpty()) {
                        String text;
                        try (FluxTable table = t) {
                            text = DiffText.render(table);
                        }
                        throw new FluxException(ErrorCode.ABORTED, "testing.assertEmpty: the stream is not empty: "
                                + text, at);
                    }
                    return t;
                }

                @Override
                public void close() {
                    upstream.close();
                }
            };
        });
    }
}
