package io.jflux.cli;

import io.jflux.api.Engine;
import io.jflux.api.RunOptions;
import io.jflux.api.Script;
import io.jflux.api.TestFiles;
import io.jflux.api.TestResult;
import io.jflux.api.Testcase;
import io.jflux.diag.DiagnosticPrinter;
import io.jflux.diag.FluxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** {@code jflux test}: runs the {@code testcase} blocks of Flux test files. */
final class TestCommand {

    static final String USAGE = String.join("\n",
            "Usage: jflux test [OPTIONS] FILE...",
            "",
            "Runs every testcase block of Flux test files, each on its own, and prints one line per",
            "testcase: PASS <file>:<name>, or FAIL <file>:<name>: <reason>; then N passed, M failed.",
            "A testcase fails when one of its statements fails or when a testing.diff (or another",
            "result named errorOutput) finds a difference.",
            "",
            "Arguments:",
            "  FILE                 A test file, or a directory: its *_test.flux files, at any depth",
            "",
            "Options:",
            "      --now TIME       The time now() returns, RFC3339 (e.g. 2030-01-01T00:00:00Z);",
            "                       a test's own `option now` still wins",
            "  -h, --help           Shows this help and exits",
            "",
            "Exit status: 0 when every testcase passed, 1 when one failed, 2 when the command line is",
            "wrong.",
            "");

    private final Main.Io io;

    TestCommand(Main.Io io) {
        this.io = io;
    }

    int execute(List<String> args) {
        CommandLine cl = CommandLine.parse(args, Set.of("--now"), Set.of("--help"), Map.of("-h", "--help"));
        if (cl.has("--help")) {
            io.out().print(USAGE);
            return 0;
        }
        if (cl.positionals().isEmpty()) {
            throw new CommandLine.UsageException("give at least one test file or directory");
        }
        RunOptions options = RunOptions.defaults().withOutput(io.out()).withNotes(io.err());
        Instant now = cl.time("--now");
        if (now != null) {
            options = options.withNow(now);
        }
        // Read every file first, so a wrong path is a usage error before any test runs.
        Map<String, String> sources = new LinkedHashMap<>();
        for (String arg : cl.positionals()) {
            if (arg.equals("-")) {
                throw new CommandLine.UsageException("jflux test reads files, not standard input");
            }
            List<String> files = new ArrayList<>();
            if (Files.isDirectory(Path.of(arg))) {
                for (Path p : TestFiles.under(Path.of(arg))) {
                    files.add(p.toString());
                }
            } else {
                files.add(arg);
            }
            for (String f : files) {
                sources.put(f, Sources.read(f, io.in()));
            }
        }
        Engine engine = Engine.create();
        int[] counts = new int[2];
        for (Map.Entry<String, String> e : sources.entrySet()) {
            run(engine, e.getKey(), e.getValue(), options, r -> {
                io.out().println(r.line());
                io.out().flush();
                counts[r.passed() ? 0 : 1]++;
            });
        }
        io.out().println(counts[0] + " passed, " + counts[1] + " failed");
        return counts[1] == 0 ? 0 : Main.SCRIPT_ERROR;
    }

    /** Runs the test cases of one file, reporting each as it ends; a file that does not parse is one failure. */
    private static void run(Engine engine, String file, String source, RunOptions options,
                            Consumer<TestResult> report) {
        Script script;
        try {
            script = engine.compile(file, source);
        } catch (FluxException e) {
            report.accept(TestResult.fileFailed(file, DiagnosticPrinter.render(e, source).stripTrailing()));
            return;
        }
        for (Testcase t : script.testcases()) {
            report.accept(t.run(options));
        }
    }
}
