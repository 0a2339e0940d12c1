package io.jflux.stdlib.testing;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.eval.Arguments;
import io.jflux.eval.FunctionValue;
import io.jflux.eval.Interpreter;
import io.jflux.eval.RegexValue;
import io.jflux.eval.Value;
import io.jflux.table.ColumnMeta;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import io.jflux.table.GroupKey;
import io.jflux.table.StreamValue;
import io.jflux.table.TableBuilder;
import io.jflux.table.TableContext;
import io.jflux.table.TableStream;
import java.util.List;
import java.util.Map;

/**
 * {@code testing.shouldError}: calls {@code fn} (reading the stream it returns, where errors of tables happen)
 * and checks the message of the error it fails with against {@code want}. Yields errorOutput: nothing when the
 * message matches, one row with the message in column {@code v} when it does not.
 */
final class ShouldError {

    private ShouldError() {}

    static Value call(Arguments a, Interpreter interpreter) {
        FunctionValue fn = a.function("fn");
        RegexValue want = a.regex("want");
        String message = null;
        try {
            Value v = interpreter.call(fn, Map.of(), a.callSite());
            if (v instanceof StreamValue s) {
                drain(s.open(TableContext.of(interpreter)));
            }
        } catch (FluxException e) {
            message = e.getMessage();
        }
        if (message == null) {
            throw new FluxException(ErrorCode.ABORTED, "testing.shouldError: expected an error matching /"
                    + want.source() + "/, but fn succeeded", a.callSite());
        }
        String unmatched = want.pattern().matcher(message).find() ? null : message;
        return new StreamValue(ctx -> {
            if (unmatched == null) {
                return TableStream.empty();
            }
            try (TableBuilder b = new TableBuilder(ctx.allocator(), GroupKey.EMPTY)) {
                b.appendString(b.addColumn(new ColumnMeta("v", ColumnType.STRING)), unmatched);
                return TableStream.of(List.of(b.build()));
            }
        }).yielded(TestingPackage.ERROR_OUTPUT);
    }

    private static void drain(TableStream stream) {
        try (TableStream s = stream) {
            FluxTable t;
            while ((t = s.next()) != null) {
                t.close();
            }
        }
    }
}
