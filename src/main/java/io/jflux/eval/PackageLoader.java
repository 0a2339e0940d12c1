package io.jflux.eval;

import io.jflux.syntax.Span;
import io.jflux.syntax.TypeExpression;
import java.util.List;

/** Finds packages for {@code import} and the Java side of {@code builtin} declarations. */
public interface PackageLoader {

    /** The source of the Flux file(s) of a package, or null when there is no Flux side. */
    String fluxSource(String path);

    /**
     * Flux source that completes a package on first need: evaluated in the package's scope the first time a name
     * cannot be found (the universe keeps its functions written in Flux there, so start-up parses only what
     * every script needs). Null when the package has none.
     */
    default String deferredSource(String path) {
        return null;
    }

    /** Whether a package exists at this path (Flux source, Java builtins, or both). */
    boolean exists(String path);

    /** Every importable package path, sorted. */
    List<String> available();

    /**
     * The value of {@code builtin name : type} in package {@code path}.
     *
     * @throws io.jflux.diag.FluxException when Java provides no such builtin
     */
    Value builtin(String path, String name, TypeExpression type, Span span);
}
