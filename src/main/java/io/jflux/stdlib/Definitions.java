package io.jflux.stdlib;

import io.jflux.eval.BuiltinFunction;
import io.jflux.eval.Value;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a {@link JavaPackage} defines: functions (bound to their Flux declarations later) and plain values. */
public final class Definitions {

    private final Map<String, Object> entries = new LinkedHashMap<>();

    public Definitions function(String name, BuiltinFunction.Impl impl) {
        put(name, impl);
        return this;
    }

    public Definitions value(String name, Value value) {
        put(name, value);
        return this;
    }

    private void put(String name, Object o) {
        if (entries.putIfAbsent(name, o) != null) {
            throw new IllegalStateException("builtin " + name + " defined twice");
        }
    }

    /** A {@link BuiltinFunction.Impl} or a {@link Value}, or null. */
    Object get(String name) {
        return entries.get(name);
    }

    /** Every name defined. */
    public java.util.Set<String> names() {
        return entries.keySet();
    }
}
