package io.jflux.api;

import io.jflux.eval.ExecutionContext;
import io.jflux.eval.Interpreter;
import io.jflux.eval.Value;
import io.jflux.syntax.Span;
import io.jflux.table.Memory;
import io.jflux.table.StreamValue;
import io.jflux.table.TableContext;
import io.jflux.table.TableStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of a script: the value of each expression statement and the streams of tables it yields. Tables are
 * computed when read ({@link #tables}); close the execution when done to release their memory.
 */
public final class Execution implements AutoCloseable {

    /** The value of one expression statement, with where that statement stands. */
    public record Output(Span span, Value value) {}

    /** A named result: a stream of tables yielded by {@code yield(name:)}, or {@code _result} by default. */
    public record Result(String name, StreamValue stream) {}

    private final Interpreter interpreter;
    private final ExecutionContext context;
    private final List<Output> outputs;
    private final List<Result> results;

    Execution(Interpreter interpreter, ExecutionContext context, List<Interpreter.Result> values) {
        this.interpreter = interpreter;
        this.context = context;
        List<Output> out = new ArrayList<>(values.size());
        List<Result> res = new ArrayList<>();
        for (Interpreter.Result r : values) {
            out.add(new Output(r.span(), r.value()));
            if (r.value() instanceof StreamValue s) {
                res.add(new Result(s.yieldName() == null ? "_result" : s.yieldName(), s));
            }
        }
        this.outputs = List.copyOf(out);
        this.results = List.copyOf(res);
    }

    public List<Output> outputs() {
        return outputs;
    }

    /** The value of the last expression statement, or null when the script has none. */
    public Value last() {
        return outputs.isEmpty() ? null : outputs.get(outputs.size() - 1).value();
    }

    /** The streams of tables the script produced, in the order of its statements. */
    public List<Result> results() {
        return results;
    }

    /** Computes a result's tables. The caller owns the stream and every table it hands out. */
    public TableStream tables(Result result) {
        return Memory.of(context).guard(() -> result.stream().open(TableContext.of(interpreter)));
    }

    /** Releases the execution's memory. */
    @Override
    public void close() {
        context.close();
    }
}
