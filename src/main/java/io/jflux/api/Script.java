package io.jflux.api;

import io.jflux.diag.DiagnosticPrinter;
import io.jflux.diag.FluxException;
import io.jflux.eval.ExecutionContext;
import io.jflux.eval.Interpreter;
import io.jflux.eval.Scope;
import io.jflux.syntax.SourceFile;
import io.jflux.syntax.Statement;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A parsed script. It may be run many times, from several threads; each run is independent. */
public final class Script {

    private final Engine engine;
    private final String name;
    private final String source;
    private final SourceFile file;

    Script(Engine engine, String name, String source, SourceFile file) {
        this.engine = engine;
        this.name = name;
        this.source = source;
        this.file = file;
    }

    public String name() {
        return name;
    }

    public String source() {
        return source;
    }

    /** The syntax tree. */
    public SourceFile syntax() {
        return file;
    }

    /**
     * Runs the script. Close the returned execution once its results are read, to release table memory.
     *
     * @throws FluxException when the script fails; its diagnostics carry positions in this script
     */
    public Execution run(RunOptions options) {
        return execute(file, options);
    }

    /**
     * The {@code testcase} blocks of this script, each runnable on its own; the parents of {@code testcase x
     * extends "..."} are looked up next to the file this script's name names.
     */
    public List<Testcase> testcases() {
        Path parent = null;
        try {
            parent = Path.of(name).toAbsolutePath().getParent();
        } catch (InvalidPathException e) {
            // not a path: parents are looked up in the working directory
        }
        return testcases(parent == null ? Path.of("") : parent);
    }

    /** The {@code testcase} blocks of this script; {@code directory} is where their parents are looked up. */
    public List<Testcase> testcases(Path directory) {
        List<Testcase> all = new ArrayList<>();
        for (Statement s : file.body()) {
            if (s instanceof Statement.TestcaseStatement t) {
                all.add(new Testcase(this, t, directory));
            }
        }
        return List.copyOf(all);
    }

    /**
     * The script's {@code option task}, or null when it sets none. It is read as InfluxDB reads it, by evaluating
     * the script's imports, variable assignments and option statements (not its expression statements, so no
     * result is computed), then reading {@code task} from the main scope.
     *
     * @throws FluxException when evaluating those statements fails or {@code task} is not a valid task record
     */
    public TaskOptions taskOptions() {
        Statement.OptionStatement taskStatement = null;
        List<Statement> body = new ArrayList<>();
        for (Statement s : file.body()) {
            if (s instanceof Statement.OptionStatement o) {
                body.add(s);
                if (o.pkg() == null && o.name().name().equals("task")) {
                    taskStatement = o;
                }
            } else if (s instanceof Statement.VariableAssignment) {
                body.add(s);
            }
        }
        if (taskStatement == null) {
            return null;
        }
        SourceFile options = new SourceFile(file.span(), file.name(), file.packageClause(), file.imports(), body,
                List.of());
        RunOptions run = RunOptions.defaults();
        ExecutionContext ctx = new ExecutionContext(engine.registry(), run.clock(), run.clock().getAsLong(),
                run.out());
        try (ctx) {
            Interpreter interpreter = new Interpreter(ctx);
            Scope scope = interpreter.newMainScope();
            interpreter.run(options, scope);
            try {
                return TaskOptions.of(scope.lookup("task"));
            } catch (FluxException e) {
                throw e.at(taskStatement.span());
            }
        }
    }

    /** Runs {@code program} (this script, or a test case assembled from it) in a new execution. */
    Execution execute(SourceFile program, RunOptions options) {
        long clockNow = options.clock().getAsLong();
        Instant fixed = options.now();
        long now = fixed == null ? clockNow : fixed.getEpochSecond() * 1_000_000_000L + fixed.getNano();
        ExecutionContext ctx = new ExecutionContext(engine.registry(), options.clock(), now, options.out())
                .withMemoryLimit(options.memoryLimit()).withNotes(options.notes());
        Interpreter interpreter = new Interpreter(ctx);
        Scope scope = interpreter.newMainScope();
        try {
            return new Execution(interpreter, ctx, interpreter.run(program, scope));
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
    }

    /** An error of this script as text: each message with its position, the source line and a caret. */
    public String render(FluxException e) {
        return DiagnosticPrinter.render(e, source);
    }
}
