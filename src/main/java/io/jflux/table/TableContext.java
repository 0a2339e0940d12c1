package io.jflux.table;

import io.jflux.eval.Interpreter;
import org.apache.arrow.memory.BufferAllocator;

/** What a table stream needs while it runs: the interpreter (for row functions) and the execution's memory. */
public record TableContext(Interpreter interpreter, BufferAllocator allocator) {

    public static TableContext of(Interpreter interpreter) {
        return new TableContext(interpreter, Memory.of(interpreter.context()).allocator());
    }
}
