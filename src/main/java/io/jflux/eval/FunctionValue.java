package io.jflux.eval;

/**
 * A function: a closure written in Flux or a builtin written in Java. Functions take named arguments only;
 * a piped value goes to the parameter declared with {@code <-}.
 */
public interface FunctionValue extends Value {

    /** The name the function was bound to, or {@code "(anonymous)"}, for messages. */
    String name();

    /** Calls the function; binding (missing, unknown and defaulted arguments) is the function's own work. */
    Value call(Arguments args, Interpreter interpreter);

    @Override
    default Kind kind() {
        return Kind.FUNCTION;
    }
}
