package io.jflux.stdlib.universe.rowfn;

import io.jflux.eval.Closure;
import io.jflux.eval.FunctionValue;
import io.jflux.eval.Interpreter;
import io.jflux.eval.RecordValue;
import io.jflux.eval.Scope;
import io.jflux.eval.Value;
import io.jflux.syntax.Expression;
import io.jflux.syntax.Expression.PipeLiteral;
import io.jflux.syntax.Expression.Property;
import io.jflux.syntax.Span;
import io.jflux.table.ColumnMeta;
import io.jflux.table.FluxTable;
import java.util.List;
import java.util.Map;

/**
 * Calls a row function row by row, with one record {@code r} reused for every row. A closure whose body is an
 * expression is evaluated directly in one scope per schema (its other parameters bound to their defaults once);
 * any other function is called as the interpreter calls it.
 */
final class RowCall {

    private final FunctionValue fn;
    private final Interpreter interpreter;
    private final RowView view;
    private final RecordValue record;
    private final Expression body;
    private final Scope local;

    RowCall(FunctionValue fn, Interpreter interpreter, List<ColumnMeta> schema) {
        this.fn = fn;
        this.interpreter = interpreter;
        this.view = new RowView(schema);
        this.record = new RecordValue(view);
        Expression direct = null;
        Scope scope = null;
        if (fn instanceof Closure c && c.node().body() instanceof Expression e && takesRowAlone(c)) {
            scope = new Scope(c.scope());
            for (Property p : c.node().params()) {
                String name = p.key().key();
                scope.define(name, name.equals("r") ? record : interpreter.evaluate(p.value(), scope));
            }
            direct = e;
        }
        this.body = direct;
        this.local = scope;
    }

    /** Whether {@code c} has a parameter {@code r} and defaults for all its other parameters. */
    static boolean takesRowAlone(Closure c) {
        boolean row = false;
        for (Property p : c.node().params()) {
            if (p.key().key().equals("r")) {
                row = true;
            } else if (p.value() == null || p.value() instanceof PipeLiteral) {
                return false;
            }
        }
        return row;
    }

    void table(FluxTable t) {
        view.table(t);
    }

    /** The record {@code r} for the current row. */
    RecordValue record() {
        return record;
    }

    /** The function's value for row {@code row} of the current table. */
    Value call(int row) {
        view.row(row);
        if (body != null) {
            return interpreter.evaluate(body, local);
        }
        return interpreter.call(fn, Map.of("r", record), Span.NONE);
    }
}
