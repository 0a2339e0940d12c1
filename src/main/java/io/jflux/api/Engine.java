package io.jflux.api;

import io.jflux.diag.FluxException;
import io.jflux.stdlib.JavaPackage;
import io.jflux.stdlib.Registry;
import io.jflux.syntax.Parser;
import io.jflux.syntax.SourceFile;

/**
 * The entry point for programs that run Flux: holds the standard library (and any packages the embedder adds),
 * compiles scripts once, and is safe to share between threads.
 *
 * <pre>{@code
 * Engine engine = Engine.create();
 * Script script = engine.compile("example.flux", "import \"strings\"\nstrings.toUpper(v: \"hi\")");
 * Execution run = script.run(RunOptions.defaults());
 * run.last(); // the value of the last expression statement
 * }</pre>
 */
public final class Engine {

    private final Registry registry;

    private Engine(Registry registry) {
        this.registry = registry;
    }

    /** An engine with the standard library. */
    public static Engine create() {
        return new Engine(Registry.standard());
    }

    /**
     * An engine that also offers package {@code path}: its Flux source (with {@code builtin} declarations for
     * what {@code java} defines, and functions written in Flux) and its Java side, which may be null.
     */
    public Engine withPackage(String path, String fluxSource, JavaPackage java) {
        return new Engine(registry.withPackage(path, fluxSource, java));
    }

    /**
     * Parses a script.
     *
     * @param name where the source came from, used in messages
     * @throws FluxException with every syntax error found, each with its position
     */
    public Script compile(String name, String source) {
        SourceFile file = Parser.parse(name, source);
        return new Script(this, name, source, file);
    }

    Registry registry() {
        return registry;
    }
}
