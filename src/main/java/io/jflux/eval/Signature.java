package io.jflux.eval;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.syntax.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a function: names, which are optional, which one receives the piped value. Binds the
 * arguments of a call to them and reports missing, unknown and doubled arguments at their place.
 */
public final class Signature {

    public enum Mode { REQUIRED, OPTIONAL, PIPE }

    public record Param(String name, Mode mode) {}

    private final List<Param> params;
    private final String pipeName;

    public Signature(List<Param> params) {
        this.params = List.copyOf(params);
        String pipe = null;
        for (Param p : params) {
            if (p.mode() == Mode.PIPE) {
                pipe = p.name();
            }
        }
        this.pipeName = pipe;
    }

    public List<Param> params() {
        return params;
    }

    /** The name of the pipe parameter, or null. */
    public String pipeName() {
        return pipeName;
    }

    private boolean declares(String name) {
        for (Param p : params) {
            if (p.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The arguments by parameter name, the piped value under the pipe parameter's name. Parameters not given
     * are absent from the map (closures fill in their defaults; builtins read optional ones as absent).
     */
    public Map<String, Value> bind(String function, Arguments args) {
        Map<String, Value> bound = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : args.values().entrySet()) {
            if (!declares(e.getKey())) {
                throw new FluxException(ErrorCode.INVALID,
                        "found unexpected argument " + e.getKey() + " (" + function + " takes " + describe() + ")",
                        args.spanOf(e.getKey()));
            }
            bound.put(e.getKey(), e.getValue());
        }
        if (args.piped() != null) {
            if (pipeName == null) {
                throw new FluxException(ErrorCode.INVALID, "cannot pipe into " + function
                        + ": it has no pipe parameter (" + function + " takes " + describe() + ")", args.callSite());
            }
            if (bound.containsKey(pipeName)) {
                throw new FluxException(ErrorCode.INVALID,
                        "argument " + pipeName + " is both piped and given by name", args.spanOf(pipeName));
            }
            bound.put(pipeName, args.piped());
        }
        for (Param p : params) {
            if (p.mode() == Mode.REQUIRED && !bound.containsKey(p.name())) {
                throw missing(function, p.name(), args.callSite());
            }
        }
        return bound;
    }

    FluxException missing(String function, String name, Span at) {
        return new FluxException(ErrorCode.INVALID,
                "missing required argument " + name + " (" + function + " takes " + describe() + ")", at);
    }

    /** The parameter list as Flux writes it, e.g. {@code (<-tables, n, ?offset)}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (Param p : params) {
            parts.add((p.mode() == Mode.PIPE ? "<-" : p.mode() == Mode.OPTIONAL ? "?" : "") + p.name());
        }
        return "(" + String.join(", ", parts) + ")";
    }
}
