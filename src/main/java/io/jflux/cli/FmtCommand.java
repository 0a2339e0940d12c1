package io.jflux.cli;

import io.jflux.diag.DiagnosticPrinter;
import io.jflux.diag.FluxException;
import io.jflux.syntax.Parser;
import io.jflux.syntax.Printer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jflux fmt}: prints a script in canonical form. */
@Command(name = "fmt", mixinStandardHelpOptions = true,
        description = {"Prints a Flux script in canonical form.",
            "Exit status: 0 on success, 1 when the script does not parse (or, with --check, is not formatted),"
                + " 2 when the command line is wrong."})
final class FmtCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The script to format; - reads standard input.")
    String file;

    @Option(names = {"-w", "--write"}, description = "Rewrites FILE in place instead of printing.")
    boolean write;

    @Option(names = "--check", description = "Prints nothing; exits 1 when FILE is not in canonical form.")
    boolean check;

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        String source = Sources.read(cl, file, System.in);
        Parser.Result parsed;
        try {
            parsed = Parser.parseWithComments(file, source);
        } catch (FluxException e) {
            cl.getErr().print(DiagnosticPrinter.render(e, source));
            cl.getErr().flush();
            return Main.SCRIPT_ERROR;
        }
        String formatted = Printer.print(parsed.file());
        if (parsed.unattachedComments() > 0) {
            cl.getErr().println("warning: " + parsed.unattachedComments() + " comment(s) inside expressions"
                    + " cannot be kept by the formatter" + (write ? "; " + file + " left unchanged" : ""));
            if (write) {
                cl.getErr().flush();
                return Main.SCRIPT_ERROR;
            }
        }
        if (check) {
            return formatted.equals(source) ? 0 : Main.SCRIPT_ERROR;
        }
        if (write && !file.equals("-")) {
            if (!formatted.equals(source)) {
                Files.writeString(Path.of(file), formatted, StandardCharsets.UTF_8);
            }
            return 0;
        }
        cl.getOut().print(formatted);
        cl.getOut().flush();
        return 0;
    }
}
