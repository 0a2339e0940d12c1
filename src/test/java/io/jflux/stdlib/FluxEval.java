package io.jflux.stdlib;

import io.jflux.api.Engine;
import io.jflux.api.RunOptions;
import io.jflux.eval.ArrayValue;
import io.jflux.eval.StringValue;
import io.jflux.eval.Value;
import io.jflux.eval.Values;
import java.util.ArrayList;
import java.util.List;

/** Runs Flux through the public API for the standard library tests. */
final class FluxEval {

    private FluxEval() {}

    private static final Engine ENGINE = Engine.create();

    /** The value of the last expression of {@code source}. */
    static Value run(String source) {
        return ENGINE.compile("t.flux", source).run(RunOptions.defaults()).last();
    }

    /**
     * The value of {@code expression} after {@code import "pkg"}. Backticks in the expression stand for double
     * quotes, which keeps the tables readable.
     */
    static Value eval(String pkg, String prelude, String expression) {
        return run("import \"" + pkg + "\"\n" + prelude + "\n" + expression.replace('`', '"'));
    }

    /**
     * An unambiguous text form: strings in backticks, arrays as {@code [a, b]} of those, everything else as
     * {@code display} shows it.
     */
    static String show(Value v) {
        if (v instanceof StringValue s) {
            return "`" + s.value() + "`";
        }
        if (v instanceof ArrayValue a) {
            List<String> parts = new ArrayList<>();
            for (Value e : a.elements()) {
                parts.add(show(e));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        return Values.display(v);
    }
}
