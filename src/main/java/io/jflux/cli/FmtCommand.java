package io.jflux.cli;

import io.jflux.diag.DiagnosticPrinter;
import io.jflux.diag.FluxException;
import io.jflux.syntax.Parser;
import io.jflux.syntax.Printer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code jflux fmt}: prints a script in canonical form. */
final class FmtCommand {

    static final String USAGE = String.join("\n",
            "Usage: jflux fmt [OPTIONS] FILE",
            "",
            "Prints a Flux script in canonical form.",
            "",
            "Arguments:",
            "  FILE          The script to format; - reads it from standard input",
            "",
            "Options:",
            "  -w, --write   Rewrites FILE in place instead of printing it",
            "      --check   Prints nothing; exits 1 when FILE is not in canonical form",
            "  -h, --help    Shows this help and exits",
            "",
            "Exit status: 0 on success, 1 when the script does not parse (or, with --check, is not",
            "formatted), 2 when the command line is wrong.",
            "");

    private final Main.Io io;

    FmtCommand(Main.Io io) {
        this.io = io;
    }

    int execute(List<String> args) {
        CommandLine cl = CommandLine.parse(args, Set.of(), Set.of("--write", "--check", "--help"),
                Map.of("-w", "--write", "-h", "--help"));
        if (cl.has("--help")) {
            io.out().print(USAGE);
            return 0;
        }
        if (cl.positionals().size() != 1) {
            throw new CommandLine.UsageException("give one FILE (or - for standard input)");
        }
        String file = cl.positionals().get(0);
        boolean write = cl.has("--write");
        if (write && file.equals("-")) {
            throw new CommandLine.UsageException("--write needs a FILE, not standard input");
        }
        String source = Sources.read(file, io.in());
        Parser.Result parsed;
        try {
            parsed = Parser.parseWithComments(Sources.displayName(file), source);
        } catch (FluxException e) {
            io.err().print(DiagnosticPrinter.render(e, source));
            return Main.SCRIPT_ERROR;
        }
        String formatted = Printer.print(parsed.file());
        if (parsed.unattachedComments() > 0) {
            io.err().println("warning: " + parsed.unattachedComments() + " comment(s) inside expressions"
                    + " cannot be kept by the formatter" + (write ? "; " + file + " left unchanged" : ""));
            if (write) {
                return Main.SCRIPT_ERROR;
            }
        }
        if (cl.has("--check")) {
            return formatted.equals(source) ? 0 : Main.SCRIPT_ERROR;
        }
        if (write) {
            if (!formatted.equals(source)) {
                try {
                    Files.writeString(Path.of(file), formatted, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return 0;
        }
        io.out().print(formatted);
        return 0;
    }
}
