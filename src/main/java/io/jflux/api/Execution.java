package io.jflux.api;

import io.jflux.eval.Interpreter;
import io.jflux.eval.Value;
import io.jflux.syntax.Span;
import java.util.ArrayList;
import java.util.List;

/** What one run of a script produced: the value of each expression statement, in order. */
public final class Execution {

    /** The value of one expression statement, with where that statement stands. */
    public record Output(Span span, Value value) {}

    private final List<Output> outputs;

    Execution(List<Interpreter.Result> results) {
        List<Output> out = new ArrayList<>(results.size());
        for (Interpreter.Result r : results) {
            out.add(new Output(r.span(), r.value()));
        }
        this.outputs = List.copyOf(out);
    }

    public List<Output> outputs() {
        return outputs;
    }

    /** The value of the last expression statement, or null when the script has none. */
    public Value last() {
        return outputs.isEmpty() ? null : outputs.get(outputs.size() - 1).value();
    }
}
