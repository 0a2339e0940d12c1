package io.jflux.eval;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A lexical scope: names bound to values, and a parent. Variables are bound once per scope; options are
 * bindings that {@code option} statements may set again (they are what a package's users may configure).
 */
public final class Scope {

    private final Scope parent;
    private final Map<String, Value> values = new HashMap<>(8);
    private Set<String> options;

    public Scope(Scope parent) {
        this.parent = parent;
    }

    public Scope parent() {
        return parent;
    }

    /** The value bound to {@code name} here or in an enclosing scope, or Java null. */
    public Value lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            Value v = s.values.get(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    public boolean definesLocally(String name) {
        return values.containsKey(name);
    }

    /** Binds a variable in this scope. */
    public void define(String name, Value value) {
        values.put(name, value);
    }

    /** Binds or sets an option in this scope. */
    public void defineOption(String name, Value value) {
        if (options == null) {
            options = new java.util.HashSet<>();
        }
        options.add(name);
        values.put(name, value);
    }

    public boolean isOption(String name) {
        return options != null && options.contains(name);
    }

    /** The nearest scope (this or an enclosing one) where {@code name} is an option, or null. */
    public Scope optionOwner(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            if (s.isOption(name)) {
                return s;
            }
            if (s.values.containsKey(name)) {
                return null;
            }
        }
        return null;
    }

    /** The names bound directly in this scope. */
    public Map<String, Value> locals() {
        return values;
    }
}
