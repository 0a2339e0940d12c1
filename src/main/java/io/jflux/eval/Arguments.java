package io.jflux.eval;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.syntax.Span;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The arguments of one call: named values with the span of each, the piped value (if the call stands on the right
 * of {@code |>}), and the span of the call itself. Accessors check types and name the argument in their errors.
 */
public final class Arguments {

    private final String function;
    private final Map<String, Value> values;
    private final Map<String, Span> spans;
    private final Value piped;
    private final Span callSite;

    public Arguments(String function, Map<String, Value> values, Map<String, Span> spans, Value piped,
                     Span callSite) {
        this.function = function;
        this.values = values;
        this.spans = spans;
        this.piped = piped;
        this.callSite = callSite == null ? Span.NONE : callSite;
    }

    /** Arguments built by Java code (embedders, builtins calling Flux functions). */
    public static Arguments of(Map<String, Value> values) {
        return new Arguments("(function)", new LinkedHashMap<>(values), Map.of(), null, Span.NONE);
    }

    public static Arguments of(String name, Value value) {
        Map<String, Value> m = new LinkedHashMap<>();
        m.put(name, value);
        return of(m);
    }

    public String function() {
        return function;
    }

    public Map<String, Value> values() {
        return Collections.unmodifiableMap(values);
    }

    /** The value piped in with {@code |>}, or null. */
    public Value piped() {
        return piped;
    }

    public Span callSite() {
        return callSite;
    }

    /** Where argument {@code name} was written, or the call's span. */
    public Span spanOf(String name) {
        Span s = spans.get(name);
        return s == null ? callSite : s;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The argument, or Java null when it was not given. */
    public Value get(String name) {
        return values.get(name);
    }

    public Value require(String name) {
        Value v = values.get(name);
        if (v == null) {
            throw error("missing required argument " + name, callSite);
        }
        return v;
    }

    public FluxException error(String message) {
        return new FluxException(ErrorCode.INVALID, message, callSite);
    }

    public FluxException error(String message, Span span) {
        return new FluxException(ErrorCode.INVALID, message, span);
    }

    private <T extends Value> T typed(String name, Class<T> type, Kind kind) {
        Value v = require(name);
        if (type.isInstance(v)) {
            return type.cast(v);
        }
        throw error("argument " + name + ": expected " + kind.fluxName() + " but found " + v.kind().fluxName(),
                spanOf(name));
    }

    public String string(String name) {
        return typed(name, StringValue.class, Kind.STRING).value();
    }

    public long integer(String name) {
        return typed(name, IntValue.class, Kind.INT).value();
    }

    public double floating(String name) {
        return typed(name, FloatValue.class, Kind.FLOAT).value();
    }

    public boolean bool(String name) {
        return typed(name, BoolValue.class, Kind.BOOL).value();
    }

    public RegexValue regex(String name) {
        return typed(name, RegexValue.class, Kind.REGEXP);
    }

    public ArrayValue array(String name) {
        return typed(name, ArrayValue.class, Kind.ARRAY);
    }

    public RecordValue record(String name) {
        return typed(name, RecordValue.class, Kind.RECORD);
    }

    public FunctionValue function(String name) {
        return typed(name, FunctionValue.class, Kind.FUNCTION);
    }

    public DurationValue duration(String name) {
        return typed(name, DurationValue.class, Kind.DURATION);
    }

    public TimeValue time(String name) {
        return typed(name, TimeValue.class, Kind.TIME);
    }

    public String string(String name, String otherwise) {
        return has(name) ? string(name) : otherwise;
    }

    public long integer(String name, long otherwise) {
        return has(name) ? integer(name) : otherwise;
    }

    public boolean bool(String name, boolean otherwise) {
        return has(name) ? bool(name) : otherwise;
    }

    public double floating(String name, double otherwise) {
        return has(name) ? floating(name) : otherwise;
    }
}
