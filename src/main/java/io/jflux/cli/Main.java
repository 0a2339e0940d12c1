package io.jflux.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * {@code jflux}: runs and formats Flux scripts. A client of {@link io.jflux.api}, exactly as any program that
 * embeds jflux would be.
 */
public final class Main {

    /** Exit status of a script that failed. */
    public static final int SCRIPT_ERROR = 1;
    /** Exit status of a command line that is wrong. */
    public static final int USAGE_ERROR = 2;

    static final String USAGE = String.join("\n",
            "Usage: jflux [--help] [--version] COMMAND [ARGS...]",
            "",
            "Runs Flux scripts on the JVM.",
            "",
            "Commands:",
            "  run    Runs a Flux script and prints what it produces",
            "  fmt    Prints a Flux script in canonical form",
            "  test   Runs the testcase blocks of Flux test files",
            "  help   Shows the help of a command",
            "",
            "Options:",
            "  -h, --help      Shows this help and exits",
            "  -V, --version   Prints the version and exits",
            "",
            "Exit status: 0 on success, 1 when a script fails, 2 when the command line is wrong.",
            "Run 'jflux COMMAND --help' for the options of a command.",
            "");

    private Main() {}

    public static void main(String[] args) {
        // A PrintStream writes through to its stream on every call: without a buffer under it each printed line
        // would be a system call.
        PrintStream out = new PrintStream(new java.io.BufferedOutputStream(
                new java.io.FileOutputStream(java.io.FileDescriptor.out), 1 << 16), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
                StandardCharsets.UTF_8);
        int status = execute(args, System.in, out, err);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Runs one command line with the given streams and returns its exit status. */
    public static int execute(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Io io = new Io(in, out, err);
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        String command = args.length == 0 ? "" : args[0];
        try {
            switch (command) {
                case "run":
                    return new RunCommand(io).execute(rest);
                case "fmt":
                    return new FmtCommand(io).execute(rest);
                case "test":
                    return new TestCommand(io).execute(rest);
                case "help":
                    return help(io, rest);
                case "-h":
                case "--help":
                    out.print(USAGE);
                    return 0;
                case "-V":
                case "--version":
                    out.println(version());
                    return 0;
                case "":
                    throw new CommandLine.UsageException("missing command (run, fmt, test, help)");
                default:
                    throw new CommandLine.UsageException("unknown command '" + command + "'");
            }
        } catch (CommandLine.UsageException e) {
            err.println("error: " + e.getMessage());
            String which = command.equals("run") || command.equals("fmt") || command.equals("test")
                    ? "jflux " + command : "jflux";
            err.println("Try '" + which + " --help' for more information.");
            return USAGE_ERROR;
        } catch (RuntimeException | StackOverflowError e) {
            // A defect in jflux, not in the script: the one kind of failure that shows a stack trace.
            out.flush();
            err.println("internal error: " + e + " (this is a bug in jflux; please report it with the script)");
            e.printStackTrace(err);
            return SCRIPT_ERROR;
        } finally {
            out.flush();
        }
    }

    private static int help(Io io, List<String> rest) {
        String topic = rest.isEmpty() ? "" : rest.get(0);
        switch (topic) {
            case "run":
                io.out().print(RunCommand.USAGE);
                return 0;
            case "fmt":
                io.out().print(FmtCommand.USAGE);
                return 0;
            case "test":
                io.out().print(TestCommand.USAGE);
                return 0;
            case "":
                io.out().print(USAGE);
                return 0;
            default:
                throw new CommandLine.UsageException("unknown command '" + topic + "'");
        }
    }

    static String version() {
        Properties p = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("/io/jflux/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // the version stays unknown
        }
        return "jflux " + p.getProperty("version", "unknown") + " (Java " + System.getProperty("java.version") + ")";
    }

    /** The streams a command uses. */
    record Io(InputStream in, PrintStream out, PrintStream err) {}
}
