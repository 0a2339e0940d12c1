package io.jflux.eval;

import io.jflux.syntax.Expression;
import io.jflux.syntax.Expression.FunctionExpression;
import io.jflux.syntax.Expression.PipeLiteral;
import io.jflux.syntax.Expression.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A function written in Flux, with the scope it was defined in. */
public final class Closure implements FunctionValue {

    private final FunctionExpression node;
    private final Scope scope;
    private final Signature signature;
    private String name = "(anonymous)";

    public Closure(FunctionExpression node, Scope scope) {
        this.node = node;
        this.scope = scope;
        List<Signature.Param> params = new ArrayList<>(node.params().size());
        for (Property p : node.params()) {
            Signature.Mode mode = p.value() == null ? Signature.Mode.REQUIRED
                    : p.value() instanceof PipeLiteral ? Signature.Mode.PIPE : Signature.Mode.OPTIONAL;
            params.add(new Signature.Param(p.key().key(), mode));
        }
        this.signature = new Signature(params);
    }

    public FunctionExpression node() {
        return node;
    }

    public Signature signature() {
        return signature;
    }

    /** The scope the function was defined in: where its free variables are found. */
    public Scope scope() {
        return scope;
    }

    /** Gives an anonymous function the name it is first bound to, for messages. */
    void nameIfAnonymous(String n) {
        if (name.equals("(anonymous)")) {
            name = n;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Value call(Arguments args, Interpreter interpreter) {
        Map<String, Value> bound = signature.bind(name, args);
        Scope local = new Scope(scope);
        for (Property p : node.params()) {
            String param = p.key().key();
            Value v = bound.get(param);
            if (v == null) {
                Expression def = p.value();
                if (def instanceof PipeLiteral) {
                    throw signature.missing(name, param, args.callSite());
                }
                v = interpreter.evaluate(def, local);
            }
            local.define(param, v);
        }
        return interpreter.invokeBody(this, node.body(), local);
    }

    @Override
    public String toString() {
        return "function " + name + signature.describe();
    }
}
