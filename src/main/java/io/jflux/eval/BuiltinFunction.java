package io.jflux.eval;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.syntax.TypeExpression.ArrayType;
import io.jflux.syntax.TypeExpression.FunctionType;
import io.jflux.syntax.TypeExpression.MonoType;
import io.jflux.syntax.TypeExpression.NamedType;
import io.jflux.syntax.TypeExpression.ParameterType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A function implemented in Java. Its parameters come from its {@code builtin} declaration in the package's
 * Flux source, so names, optional parameters and the pipe parameter are declared once, in Flux; arguments whose
 * declared type is a basic type are checked before the Java code runs.
 */
public final class BuiltinFunction implements FunctionValue {

    /** The Java side of a builtin: receives arguments already bound and checked against the declaration. */
    @FunctionalInterface
    public interface Impl {
        Value call(Arguments args, Interpreter interpreter);
    }

    private static final Map<String, Kind> BASIC = new HashMap<>();

    static {
        for (Kind k : new Kind[] {Kind.INT, Kind.UINT, Kind.FLOAT, Kind.STRING, Kind.BOOL, Kind.TIME,
                Kind.DURATION, Kind.REGEXP, Kind.BYTES}) {
            BASIC.put(k.fluxName(), k);
        }
    }

    private final String name;
    private final Signature signature;
    private final Map<String, MonoType> types;
    private final Impl impl;

    public BuiltinFunction(String name, FunctionType type, Impl impl) {
        this.name = name;
        this.impl = impl;
        List<Signature.Param> params = new ArrayList<>();
        this.types = new HashMap<>();
        for (ParameterType p : type.parameters()) {
            Signature.Mode mode;
            switch (p.kind()) {
                case PIPE: mode = Signature.Mode.PIPE; break;
                case OPTIONAL: mode = Signature.Mode.OPTIONAL; break;
                default: mode = Signature.Mode.REQUIRED; break;
            }
            String pname = p.name() == null ? "tables" : p.name().name();
            params.add(new Signature.Param(pname, mode));
            types.put(pname, p.type());
        }
        this.signature = new Signature(params);
    }

    /** A builtin declared with a plain parameter list (for embedders and tests). */
    public BuiltinFunction(String name, Signature signature, Impl impl) {
        this.name = name;
        this.signature = signature;
        this.types = Map.of();
        this.impl = impl;
    }

    public Signature signature() {
        return signature;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Value call(Arguments args, Interpreter interpreter) {
        Map<String, Value> bound = signature.bind(name, args);
        Map<String, io.jflux.syntax.Span> spans = new LinkedHashMap<>();
        for (String k : bound.keySet()) {
            spans.put(k, args.spanOf(k));
            check(k, bound.get(k), args);
        }
        Arguments checked = new Arguments(name, bound, spans, null, args.callSite());
        Value result = impl.call(checked, interpreter);
        if (result instanceof io.jflux.table.StreamValue out && bound.get("tables") instanceof io.jflux.table.StreamValue in) {
            // the data's time bounds pass down the pipe, as Flux's planner finds the range upstream
            result = out.boundsFrom(in);
        }
        return result instanceof Located l ? l.locatedAt(args.callSite()) : result;
    }

    private void check(String param, Value v, Arguments args) {
        MonoType t = types.get(param);
        if (t == null || v.isNull()) {
            return;
        }
        String want = expected(t, v);
        if (want != null) {
            throw new FluxException(ErrorCode.INVALID, "argument " + param + " of " + name + ": expected " + want
                    + " but found " + describe(v), args.spanOf(param));
        }
    }

    /** What the declared type wants when {@code v} does not fit it, or null when it fits. */
    private static String expected(MonoType t, Value v) {
        if (t instanceof NamedType n) {
            Kind k = BASIC.get(n.name().name());
            return k == null || v.kind() == k ? null : k.fluxName();
        }
        if (t instanceof ArrayType a) {
            if (!(v instanceof ArrayValue arr)) {
                return "array";
            }
            for (Value e : arr.elements()) {
                if (!e.isNull()) {
                    String inner = expected(a.element(), e);
                    if (inner != null) {
                        return "[" + inner + "]";
                    }
                }
            }
            return null;
        }
        if (t instanceof FunctionType) {
            return v instanceof FunctionValue ? null : "function";
        }
        if (t instanceof io.jflux.syntax.TypeExpression.RecordType) {
            return v instanceof RecordValue ? null : "record";
        }
        return null;
    }

    private static String describe(Value v) {
        if (v instanceof ArrayValue a && !a.elements().isEmpty()) {
            return "[" + a.get(0).kind().fluxName() + "]";
        }
        return v.kind().fluxName();
    }

    @Override
    public String toString() {
        return "builtin " + name + signature.describe();
    }
}
