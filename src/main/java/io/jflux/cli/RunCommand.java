package io.jflux.cli;

import io.jflux.api.Engine;
import io.jflux.api.Execution;
import io.jflux.api.RunOptions;
import io.jflux.api.Script;
import io.jflux.diag.FluxException;
import io.jflux.eval.Value;
import io.jflux.eval.Values;
import io.jflux.syntax.Literals;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jflux run}: runs a script and prints what it produces. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a Flux script and prints the value of its last expression statement.",
            "Exit status: 0 on success, 1 when the script fails, 2 when the command line is wrong."})
final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "The script to run; - reads it from standard input.")
    String file;

    @Option(names = {"-e", "--execute"}, paramLabel = "SCRIPT", description = "Runs SCRIPT given as text.")
    String inline;

    @Option(names = "--now", paramLabel = "TIME",
            description = "The time now() returns, as RFC3339 (e.g. 2030-01-01T00:00:00Z); a script's own"
                    + " `option now` still wins.")
    String now;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if ((file == null) == (inline == null)) {
            throw new CommandLine.ParameterException(cl, "give exactly one of FILE, - or -e SCRIPT");
        }
        RunOptions options = RunOptions.defaults();
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        options = options.withOutput(out);
        if (now != null) {
            try {
                long nanos = Literals.parseDateTime(now);
                options = options.withNow(Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
                        Math.floorMod(nanos, 1_000_000_000L)));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--now: '" + now
                        + "' is not an RFC3339 time such as 2030-01-01T00:00:00Z");
            }
        }
        String name = inline != null ? "<expr>" : file.equals("-") ? "<stdin>" : file;
        String source = inline != null ? inline : Sources.read(cl, file, System.in);
        Engine engine = Engine.create();
        Script script;
        try {
            script = engine.compile(name, source);
        } catch (FluxException e) {
            cl.getErr().print(io.jflux.diag.DiagnosticPrinter.render(e, source));
            cl.getErr().flush();
            return Main.SCRIPT_ERROR;
        }
        try {
            Execution run = script.run(options);
            Value last = run.last();
            if (last != null) {
                out.println(Values.display(last));
            }
            out.flush();
            return 0;
        } catch (FluxException e) {
            out.flush();
            cl.getErr().print(script.render(e));
            cl.getErr().flush();
            return Main.SCRIPT_ERROR;
        }
    }
}
